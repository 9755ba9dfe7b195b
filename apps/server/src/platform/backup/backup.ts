import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { filesRoot } from '../storage/layout.ts';
import { dumpSequences, dumpTable, loadSequences, loadTable, publicTables } from './dump.ts';

/**
 * A backup is a folder: manifest.json, tables/<table>.jsonl, files/<aa>/<bb>/<key> (the evidence store
 * without its temp folder) and keys/data.key when the data key lives in the data directory. The manifest
 * holds the hash of every other file, so a copy damaged or edited in transit is refused before anything is written.
 */
export const FORMAT = 'yuanzhi-backup/1';

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  migrations: string[];
  tables: Record<string, { rows: number; sha256: string }>;
  sequences: Record<string, { value: string; called: boolean }>;
  /** Every file but the manifest, by its path in the backup. */
  files: Record<string, { size: number; sha256: string }>;
}

export class BackupRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`备份无法恢复 / Backup refused: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5})` : ''}`);
  }
}

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Every regular file under `dir`, as paths relative to it with '/' separators. */
async function walk(dir: string, skip: (rel: string) => boolean = () => false, rel = ''): Promise<string[]> {
  if (!fs.existsSync(path.join(dir, rel))) return [];
  const out: string[] = [];
  for (const e of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skip(r)) continue;
    if (e.isDirectory()) out.push(...(await walk(dir, skip, r)));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

async function copyHashed(from: string, to: string): Promise<{ size: number; sha256: string }> {
  await fsp.mkdir(path.dirname(to), { recursive: true });
  await fsp.copyFile(from, to);
  return { size: (await fsp.stat(to)).size, sha256: await sha256File(to) };
}

export interface BackupSource {
  pool: pg.Pool;
  dataDir: string;
  now?: Date;
}

/** Write a backup to `dest` (which must not exist); returns its manifest. */
export async function createBackup(src: BackupSource, dest: string): Promise<Manifest> {
  if (fs.existsSync(dest)) throw new BackupRefused([`目标已存在 / destination exists: ${dest}`]);
  const work = `${dest}.partial`;
  await fsp.rm(work, { recursive: true, force: true });
  await fsp.mkdir(path.join(work, 'tables'), { recursive: true });
  const m: Manifest = { format: FORMAT, createdAt: (src.now ?? new Date()).toISOString(), migrations: [], tables: {}, sequences: {}, files: {} };
  const client = await src.pool.connect();
  try {
    // One snapshot for every table: the dump is what the database held at one instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    m.migrations = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    for (const t of await publicTables(client)) {
      m.tables[t] = await dumpTable(client, t, path.join(work, 'tables', `${t}.jsonl`));
      m.files[`tables/${t}.jsonl`] = { size: (await fsp.stat(path.join(work, 'tables', `${t}.jsonl`))).size, sha256: m.tables[t].sha256 };
    }
    m.sequences = await dumpSequences(client);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  // Files are copied after the snapshot: a file uploaded meanwhile is extra (swept later), never missing.
  const store = filesRoot(src.dataDir);
  for (const rel of await walk(store, (r) => r === 'tmp')) m.files[`files/${rel}`] = await copyHashed(path.join(store, rel), path.join(work, 'files', rel));
  const key = path.join(src.dataDir, 'keys', 'data.key');
  if (fs.existsSync(key)) m.files['keys/data.key'] = await copyHashed(key, path.join(work, 'keys', 'data.key'));
  await fsp.writeFile(path.join(work, 'manifest.json'), JSON.stringify(m, null, 1));
  await fsp.rename(work, dest);
  return m;
}

/** Every file the manifest lists is present with its size and hash, and there is no other. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  let m: Manifest;
  try {
    m = JSON.parse(await fsp.readFile(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    throw new BackupRefused(['缺少或无法读取 manifest.json / manifest.json missing or unreadable']);
  }
  if (m.format !== FORMAT) throw new BackupRefused([`未知格式 / unknown format: ${String(m.format)}`]);
  const problems: string[] = [];
  const present = new Set(await walk(dir, (r) => r === 'manifest.json'));
  for (const [rel, want] of Object.entries(m.files)) {
    if (!present.delete(rel)) {
      problems.push(`缺少 missing: ${rel}`);
      continue;
    }
    const got = await sha256File(path.join(dir, rel));
    if (got !== want.sha256) problems.push(`哈希不符 hash mismatch: ${rel}`);
  }
  for (const rel of present) problems.push(`清单外的文件 not in the manifest: ${rel}`);
  for (const [t, d] of Object.entries(m.tables)) if (m.files[`tables/${t}.jsonl`]?.sha256 !== d.sha256) problems.push(`表清单不符 table entry mismatch: ${t}`);
  if (problems.length) throw new BackupRefused(problems);
  return m;
}

export interface RestoreTarget {
  /** A database with the schema migrated and no users yet (a fresh install). */
  pool: pg.Pool;
  dataDir: string;
}

/** Restore a verified backup onto a fresh install; refuses a damaged backup, another schema version or a database in use. */
export async function restoreBackup(target: RestoreTarget, dir: string): Promise<Manifest> {
  const m = await verifyBackup(dir);
  const client = await target.pool.connect();
  try {
    const have = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    if (have.join() !== m.migrations.join()) throw new BackupRefused(['数据库结构版本与备份不同 / the schema version differs from the backup\'s']);
    const users = await client.query<{ n: string }>('SELECT count(*) AS n FROM users');
    if (Number(users.rows[0].n) > 0) throw new BackupRefused(['目标数据库已有数据，只能恢复到空的安装 / the target already holds data; restore onto an empty install']);
    const tables = await publicTables(client);
    const unknown = Object.keys(m.tables).filter((t) => !tables.includes(t));
    if (unknown.length) throw new BackupRefused(unknown.map((t) => `目标缺少表 table missing: ${t}`));
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const others = tables.filter((t) => t !== 'schema_migrations').map((t) => `"${t}"`);
    if (others.length) await client.query(`TRUNCATE ${others.join(', ')}`);
    for (const t of Object.keys(m.tables)) if (t !== 'schema_migrations') await loadTable(client, t, path.join(dir, 'tables', `${t}.jsonl`));
    await loadSequences(client, m.sequences);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  for (const rel of Object.keys(m.files)) {
    if (rel.startsWith('files/')) await copyHashed(path.join(dir, rel), path.join(filesRoot(target.dataDir), rel.slice('files/'.length)));
  }
  if (m.files['keys/data.key']) {
    await fsp.mkdir(path.join(target.dataDir, 'keys'), { recursive: true, mode: 0o700 });
    await fsp.copyFile(path.join(dir, 'keys', 'data.key'), path.join(target.dataDir, 'keys', 'data.key'));
    await fsp.chmod(path.join(target.dataDir, 'keys', 'data.key'), 0o600);
  }
  return m;
}

/** Row counts of every table and the hash of every stored file: what a restore must reproduce. */
export async function fingerprint(pool: pg.Pool, dataDir: string): Promise<{ rows: Record<string, number>; files: Record<string, string> }> {
  const client = await pool.connect();
  const rows: Record<string, number> = {};
  try {
    for (const t of await publicTables(client)) rows[t] = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
  } finally {
    client.release();
  }
  const files: Record<string, string> = {};
  const store = filesRoot(dataDir);
  for (const rel of await walk(store, (r) => r === 'tmp')) files[rel] = await sha256File(path.join(store, rel));
  return { rows, files };
}
