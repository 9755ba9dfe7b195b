import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { filesRoot, isStorageKey, pathForKey, tmpDir } from './layout.ts';
import type { StorageDeps } from './store.ts';

export interface SweepResult {
  /** Pending rows older than the threshold: row and file deleted (an upload never attached). */
  pendingRows: number;
  /** Files on disk with no row (a crash between rename and insert, or a lost transaction). */
  orphanFiles: number;
  /** Temp files older than the threshold (a crash mid-upload). */
  tempFiles: number;
  /** Files of rows marked 'deleted' still on disk. */
  deletedFiles: number;
}

/**
 * The clean-up job (scheduled by pg-boss later). `olderThanMs` protects uploads in flight: a file renamed
 * into place a moment ago may not have its row yet, and a pending upload is waiting for its form. Ages are
 * measured in wall-clock time because file modification times are; rows use the database's now().
 */
export async function sweepOrphans(deps: StorageDeps, olderThanMs: number): Promise<SweepResult> {
  const { dataDir } = deps.config;
  const cutoff = Date.now() - olderThanMs;
  const result: SweepResult = { pendingRows: 0, orphanFiles: 0, tempFiles: 0, deletedFiles: 0 };

  // 1. Pending uploads never attached. The row goes first: a crash after it leaves an orphan file, swept next time.
  const stale = await deps.db
    .deleteFrom('attachments')
    .where('status', '=', 'pending')
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .returning('storage_key')
    .execute();
  for (const r of stale) await fs.rm(pathForKey(dataDir, r.storage_key), { force: true });
  result.pendingRows = stale.length;

  // 2. Temp files left by a crash mid-upload.
  for (const name of await list(tmpDir(dataDir))) {
    const p = path.join(tmpDir(dataDir), name);
    if (await olderThan(p, cutoff)) {
      await fs.rm(p, { force: true });
      result.tempFiles++;
    }
  }

  // 3. Files with no live row, and files of deleted rows. Checked per directory, one query each.
  const root = filesRoot(dataDir);
  for (const aa of await list(root)) {
    if (!/^[0-9a-f]{2}$/.test(aa)) continue;
    for (const bb of await list(path.join(root, aa))) {
      if (!/^[0-9a-f]{2}$/.test(bb)) continue;
      const dir = path.join(root, aa, bb);
      const keys = (await list(dir)).filter(isStorageKey);
      if (keys.length === 0) continue;
      const rows = await deps.db.selectFrom('attachments').select(['storage_key', 'status']).where('storage_key', 'in', keys).execute();
      const status = new Map(rows.map((r) => [r.storage_key, r.status]));
      for (const key of keys) {
        const s = status.get(key);
        const p = path.join(dir, key);
        if (s === 'deleted') {
          await fs.rm(p, { force: true });
          result.deletedFiles++;
        } else if (s === undefined && (await olderThan(p, cutoff))) {
          await fs.rm(p, { force: true });
          result.orphanFiles++;
        }
      }
    }
  }
  return result;
}

async function list(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

async function olderThan(p: string, cutoff: number): Promise<boolean> {
  try {
    return (await fs.stat(p)).mtimeMs < cutoff;
  } catch {
    return false;
  }
}
