/**
 * The bench's database, behind one function so that the national-scale generator (bench/generate/) can take its
 * place: an embedded PostgreSQL in a temporary directory, migrated, with the demo network, users and records
 * (the loader `npm start` uses), and the demo's submitted cases cloned — with their parties, events and
 * deadlines, deadlines spread over ±90 days — until about `scale` cases exist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { refreshAllNextDue } from '../../apps/server/src/modules/cases/cases.deadlines.ts';
import { loadDemo } from '../../apps/server/src/demo/load.ts';
import { DEMO_PASSWORD, demoApplicant } from '../../apps/server/src/demo/network.ts';
import { ensureDatabase, openPlatform } from '../../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import type { DB } from '../../apps/server/src/platform/db.ts';
import { startEmbedded } from '../../apps/server/src/platform/embedded-pg.ts';

export interface BenchAccounts {
  applicant: { username: string; password: string };
  handler: { username: string; password: string };
  supervisor: { username: string; password: string };
}

export interface BenchDatabase {
  /** DATABASE_URL of the platform's database; the ceiling servers use the same server and database. */
  url: string;
  /** YUANZHI_DATA_DIR for the server: holds the master key the personal data was encrypted with. */
  dataDir: string;
  accounts: BenchAccounts;
  cases: number;
  source: string;
  /** Extra environment for the server under test. */
  serverEnv?: Record<string, string>;
  close(): Promise<void>;
}

export async function prepareDatabase(scale: number, log: (m: string) => void = console.log): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-load-'));
  const pg = await startEmbedded(dataDir);
  await ensureDatabase(pg.url('postgres'), 'bench');
  const url = pg.url('bench');
  const platform = await openPlatform({ ...loadConfig({}), databaseUrl: url, dataDir, demo: true });
  let cases = 0;
  try {
    const t0 = Date.now();
    await loadDemo(platform.deps);
    log(`demo data loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = Date.now();
    cases = await cloneCases(platform.deps.db, scale);
    log(`${cases.toLocaleString('en-US')} cases after cloning, in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  } finally {
    await platform.close();
  }
  const pw = DEMO_PASSWORD;
  return {
    url,
    dataDir,
    cases,
    source: `demo data (npm start's loader) with its submitted cases cloned to ${scale.toLocaleString('en-US')}`,
    accounts: {
      applicant: { username: demoApplicant.email, password: pw },
      handler: { username: 'wh_handler', password: pw },
      supervisor: { username: 'hb_supervisor', password: pw },
    },
    async close() {
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Columns of a table in order, for INSERT … SELECT copies that replace a few of them. */
async function columns(db: DB, table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns WHERE table_name = ${table} AND table_schema = 'public'
    ORDER BY ordinal_position`.execute(db);
  return r.rows.map((x) => x.column_name);
}

/** Copy rows of `table` once per (old case → new case) pair of bench_case_map, replacing some columns. */
async function copyFor(db: DB, table: string, replace: Record<string, string>): Promise<void> {
  const cols = await columns(db, table);
  const list = cols.map((c) => `"${c}"`).join(', ');
  const values = cols.map((c) => replace[c] ?? `t."${c}"`).join(', ');
  await sql.raw(`INSERT INTO ${table} (${list}) SELECT ${values} FROM bench_case_map m JOIN ${table} t ON t.case_id = m.old_id`).execute(db);
}

async function cloneCases(db: DB, scale: number): Promise<number> {
  const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM cases WHERE state <> 'draft'`.execute(db)).rows[0]!.n);
  const base = await count();
  const copies = Math.max(0, Math.ceil((scale - base) / Math.max(base, 1)));
  if (copies === 0) return base;
  await sql.raw(`
    CREATE UNLOGGED TABLE bench_case_map AS
      SELECT c.id AS old_id, g, uuidv7() AS new_id FROM cases c, generate_series(1, ${copies}) g WHERE c.state <> 'draft'`).execute(db);
  const cols = await columns(db, 'cases');
  const replace: Record<string, string> = {
    id: 'm.new_id',
    case_number: `t.case_number || '-' || m.g`,
    applicant_user_id: 'NULL', // the demo applicant's own list stays the demo's
    submitted_at: `t.submitted_at - (m.g % 3650) * interval '1 day'`,
  };
  const list = cols.map((c) => `"${c}"`).join(', ');
  const values = cols.map((c) => replace[c] ?? `t."${c}"`).join(', ');
  await sql.raw(`INSERT INTO cases (${list}) SELECT ${values} FROM bench_case_map m JOIN cases t ON t.id = m.old_id`).execute(db);
  await copyFor(db, 'case_parties', { id: 'uuidv7()', case_id: 'm.new_id' });
  await copyFor(db, 'case_events', { id: 'uuidv7()', case_id: 'm.new_id' });
  await copyFor(db, 'case_deadlines', {
    case_id: 'm.new_id', due: `t.due + ((m.g * 7919) % 181 - 90)`, warn_on: `t.warn_on + ((m.g * 7919) % 181 - 90)`,
  });
  await refreshAllNextDue(db);
  await sql`DROP TABLE bench_case_map`.execute(db);
  await sql`ANALYZE`.execute(db);
  return count();
}
