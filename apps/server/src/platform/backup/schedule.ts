import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Deps } from '../deps.ts';
import { defineJob } from '../jobs/define.ts';
import { createBackup } from './backup.ts';

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');
const STAMP = /^\d{8}T\d{6}Z$/;
const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export interface ScheduledResult {
  created: string;
  removed: string[];
}

/** One backup into <dataDir>/backups/<UTC stamp>, then keep only the newest `keep` (and no half-written ones). */
export async function runScheduledBackup(pool: pg.Pool, dataDir: string, keep: number, now: Date): Promise<ScheduledResult> {
  const root = backupsDir(dataDir);
  await fsp.mkdir(root, { recursive: true, mode: 0o700 });
  const name = stampOf(now);
  await createBackup({ pool, dataDir, now }, path.join(root, name));
  const removed: string[] = [];
  const entries = fs.readdirSync(root).sort();
  for (const e of entries.filter((x) => x.endsWith('.partial') && x !== `${name}.partial`)) {
    await fsp.rm(path.join(root, e), { recursive: true, force: true });
    removed.push(e);
  }
  const complete = entries.filter((x) => STAMP.test(x));
  for (const e of complete.slice(0, Math.max(0, complete.length - Math.max(1, keep)))) {
    await fsp.rm(path.join(root, e), { recursive: true, force: true });
    removed.push(e);
  }
  return { created: name, removed };
}

/**
 * Nightly in embedded mode. With an external database (DATABASE_URL) its operator's own backups apply and
 * this job only says so: a dump of a large shared database from the application server is not our call.
 */
export const scheduledBackupJob = defineJob(
  'scheduled-backup',
  async (_data, deps: Deps) => {
    if (deps.config.databaseUrl) return { skipped: 'external database' };
    return runScheduledBackup(deps.pool, deps.config.dataDir, deps.config.backupKeep, deps.clock.now());
  },
  { schedule: '30 2 * * *', timeoutSeconds: 3600, retry: { limit: 2, delaySeconds: 600 } },
);
