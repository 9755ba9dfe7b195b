import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { verifyChain } from '../../modules/audit/audit.verify.ts';
import { loadRegions } from '../../modules/regions/regions.load.ts';
import { ensureRootInstitution } from '../../modules/institutions/institutions.repository.ts';
import { storageTestApp, stream } from '../storage/storage.test-support.ts';
import { storeUpload } from '../storage/index.ts';
import { createDb, type DB } from '../db.ts';
import { migrate } from '../migrate.ts';
import type { TestApp } from '../../testing/harness.ts';
import { backupsDir, runScheduledBackup, scheduledBackupJob } from './schedule.ts';
import { BackupRefused, createBackup, fingerprint, restoreBackup, verifyBackup } from './backup.ts';

/** Drill 3: a backup restored onto an empty install gives the same rows and files; a damaged one is refused. */
let t: TestApp & { dataDir: string };
let work: string;
const fresh: { name: string; db: DB; pool: pg.Pool }[] = [];
const adminUrl = () => inject('pgAdminUrl');

/** An empty install: a new database with the schema and reference data, as the first start makes it. */
async function emptyInstall(): Promise<{ db: DB; pool: pg.Pool; dataDir: string }> {
  const name = `r_${Math.random().toString(36).slice(2, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const { db, pool } = createDb(u.toString(), 3);
  await migrate(pool);
  await loadRegions(db);
  await ensureRootInstitution(db);
  fresh.push({ name, db, pool });
  return { db, pool, dataDir: fs.mkdtempSync(path.join(work, 'target-')) };
}

beforeAll(async () => {
  t = await storageTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-backup-'));
  // Embedded mode keeps the data key in the data directory; the backup must carry it.
  fs.mkdirSync(path.join(t.dataDir, 'keys'));
  fs.writeFileSync(path.join(t.dataDir, 'keys', 'data.key'), Buffer.alloc(32, 7).toString('base64'));
  for (const [n, body] of [['合同.pdf', '%PDF-1.4\n%%EOF\n'], ['记录.txt', '侵权链接截图说明\n']]) {
    await storeUpload({ config: t.deps.config, db: t.deps.db }, stream(body), { originalName: n, maxBytes: 1 << 20 });
  }
});
afterAll(async () => {
  for (const f of fresh) await f.db.destroy();
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  for (const f of fresh) await c.query(`DROP DATABASE IF EXISTS "${f.name}" WITH (FORCE)`);
  await c.end();
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores onto an empty install with identical row counts, file hashes and an intact audit chain', async () => {
    const dest = path.join(work, 'b1');
    const started = Date.now();
    const m = await createBackup({ pool: t.deps.pool, dataDir: t.dataDir }, dest);
    const backupMs = Date.now() - started;
    expect(Object.keys(m.files).filter((f) => f.startsWith('files/'))).toHaveLength(2);
    expect(m.tables.cases.rows).toBeGreaterThan(0);
    expect(m.tables.audit_log.rows).toBeGreaterThan(0);

    const target = await emptyInstall();
    const t0 = Date.now();
    await restoreBackup(target, dest);
    const restoreMs = Date.now() - t0;
    const [a, b] = [await fingerprint(t.deps.pool, t.dataDir), await fingerprint(target.pool, target.dataDir)];
    expect(b.rows).toEqual(a.rows);
    expect(b.files).toEqual(a.files);
    expect(Object.keys(b.files)).toHaveLength(2);
    expect(await verifyChain(target.db)).toMatchObject({ ok: true });
    expect(fs.readFileSync(path.join(target.dataDir, 'keys', 'data.key'))).toEqual(fs.readFileSync(path.join(t.dataDir, 'keys', 'data.key')));
    // The sequences go on where the source stopped, so the next audit entry follows the chain.
    const last = async (db: DB) => String((await sql<{ v: string }>`SELECT last_value AS v FROM audit_log_seq`.execute(db)).rows[0].v);
    expect(await last(target.db)).toBe(await last(t.deps.db));
    console.log(`backup drill: ${Object.values(m.tables).reduce((n, x) => n + x.rows, 0)} rows in ${Object.keys(m.tables).length} tables; backup ${backupMs} ms, restore ${restoreMs} ms`);
  });

  it('refuses a backup whose files do not match the manifest, before writing anything', async () => {
    const dest = path.join(work, 'b2');
    await createBackup({ pool: t.deps.pool, dataDir: t.dataDir }, dest);
    await verifyBackup(dest);
    const evidence = Object.keys(JSON.parse(fs.readFileSync(path.join(dest, 'manifest.json'), 'utf8')).files).find((f) => f.startsWith('files/'))!;
    fs.appendFileSync(path.join(dest, evidence), 'x');
    fs.writeFileSync(path.join(dest, 'tables', 'extra.jsonl'), '{}\n');
    const target = await emptyInstall();
    const err = await restoreBackup(target, dest).catch((e) => e);
    expect(err).toBeInstanceOf(BackupRefused);
    expect(err.problems).toEqual([`哈希不符 hash mismatch: ${evidence}`, '清单外的文件 not in the manifest: tables/extra.jsonl']);
    expect((await fingerprint(target.pool, target.dataDir)).rows.users).toBe(0);

    fs.rmSync(path.join(dest, 'manifest.json'));
    await expect(verifyBackup(dest)).rejects.toBeInstanceOf(BackupRefused);
  });

  it('refuses to restore over an install that already holds data, and never overwrites a backup', async () => {
    const dest = path.join(work, 'b3');
    await createBackup({ pool: t.deps.pool, dataDir: t.dataDir }, dest);
    await expect(restoreBackup({ pool: t.deps.pool, dataDir: t.dataDir }, dest)).rejects.toThrow(/already holds data/);
    await expect(createBackup({ pool: t.deps.pool, dataDir: t.dataDir }, dest)).rejects.toBeInstanceOf(BackupRefused);
  });
});

describe('scheduled backups', () => {
  it('write one dated backup per run and keep the newest BACKUP_KEEP, dropping half-written ones', async () => {
    const root = backupsDir(t.dataDir);
    fs.mkdirSync(path.join(root, '20261101T000000Z.partial'), { recursive: true });
    const runs = ['2026-11-18T18:30:00Z', '2026-11-19T18:30:00Z', '2026-11-20T18:30:00Z'];
    const results = [];
    for (const at of runs) results.push(await runScheduledBackup(t.deps.pool, t.dataDir, 2, new Date(at)));
    expect(fs.readdirSync(root).sort()).toEqual(['20261119T183000Z', '20261120T183000Z']);
    expect(results[2]).toEqual({ created: '20261120T183000Z', removed: ['20261118T183000Z'] });
    expect(results[0].removed).toEqual(['20261101T000000Z.partial']);
    await verifyBackup(path.join(root, '20261120T183000Z'));
    // The backups folder is not part of the next backup.
    const m = JSON.parse(fs.readFileSync(path.join(root, '20261120T183000Z', 'manifest.json'), 'utf8'));
    expect(Object.keys(m.files).some((f) => f.includes('backups'))).toBe(false);
  });

  it('runs as the nightly job in embedded mode and stands aside for an external database', async () => {
    const r = (await t.runJobNow('scheduled-backup')) as { created: string };
    expect(fs.existsSync(path.join(backupsDir(t.dataDir), r.created, 'manifest.json'))).toBe(true);
    const external = await scheduledBackupJob.handler({}, { ...t.deps, config: { ...t.deps.config, databaseUrl: 'postgres://elsewhere/db' } });
    expect(external).toEqual({ skipped: 'external database' });
  });
});
