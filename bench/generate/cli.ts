/**
 * `npm run bench:generate` — the national-scale data set in an embedded PostgreSQL under BENCH_DIR (default
 * .tmp/bench-national), kept for reuse: a second run finds the cases there and only prints the counts.
 * SCALE (or the first argument) sets the size: 1 = 2,000 institutions, 1,000,000 cases (see generate/index.ts).
 * Personal data is encrypted with BENCH_DIR/keys/data.key, the key a server started with YUANZHI_DATA_DIR=BENCH_DIR
 * uses, so `YUANZHI_DATA_DIR=$BENCH_DIR npm start` serves the generated data. Writes BENCH_DIR/generate-report.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { EMBEDDED_DB, ensureDatabase } from '../../apps/server/src/platform/bootstrap.ts';
import { createDb } from '../../apps/server/src/platform/db.ts';
import { startEmbedded } from '../../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../../apps/server/src/platform/migrate.ts';
import { createSecrets, loadMasterKey } from '../../apps/server/src/platform/secrets.ts';
import { count } from './bulk.ts';
import { countedTables, generate, knownAccounts } from './index.ts';

const scale = Number(process.argv[2] ?? process.env.SCALE ?? 1);
const dir = path.resolve(process.env.BENCH_DIR ?? '.tmp/bench-national');
const server = await startEmbedded(dir);
try {
  await ensureDatabase(server.url('postgres'), EMBEDDED_DB);
  const { db, pool } = createDb(server.url(EMBEDDED_DB), 4);
  await migrate(pool);
  const has = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(db);
  if (has.rows[0]!.n > 0) {
    console.log(`${dir}: already generated (reused).`);
    for (const t of countedTables) console.log(`${t.padEnd(18)} ${String(await count(db, t)).padStart(10)}`);
  } else {
    // This cluster is the bench's own: fewer checkpoints while gigabytes are written (the default max_wal_size is 1 GB).
    await sql`ALTER SYSTEM SET max_wal_size = '8GB'`.execute(db);
    await sql`ALTER SYSTEM SET checkpoint_timeout = '30min'`.execute(db);
    // New WAL segments are not zero-filled first (the load waited on WalInitWrite).
    await sql`ALTER SYSTEM SET wal_init_zero = off`.execute(db);
    // Nothing of the load is worth a flush to disk: a crash means generating again (reset, with a CHECKPOINT, after it).
    await sql`ALTER SYSTEM SET fsync = off`.execute(db);
    await sql`ALTER SYSTEM SET full_page_writes = off`.execute(db);
    await sql`ALTER SYSTEM SET synchronous_commit = off`.execute(db);
    await sql`SELECT pg_reload_conf()`.execute(db);
    const report = await generate(db, {
      scale, secrets: createSecrets(loadMasterKey(dir)),
      onProgress: (step, done, total) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} [${done}/${total}] ${step === 'done' ? 'done' : `${step}…`}\n`),
    });
    for (const k of ['max_wal_size', 'checkpoint_timeout', 'wal_init_zero', 'fsync', 'full_page_writes', 'synchronous_commit']) await sql`ALTER SYSTEM RESET ${sql.raw(k)}`.execute(db);
    await sql`SELECT pg_reload_conf()`.execute(db);
    await sql`CHECKPOINT`.execute(db); // the WAL of the load is recycled down to the default size
    console.log(`\nscale ${scale}: ${report.totalSeconds} s in all`);
    for (const [step, s] of Object.entries(report.seconds)) console.log(`${step.padEnd(18)} ${String(s).padStart(8)} s`);
    console.log('');
    for (const [t, n] of Object.entries(report.counts)) console.log(`${t.padEnd(18)} ${String(n).padStart(10)}`);
    console.log(`\nbusiest city institution: ${report.busiestInstitution.name}`);
    fs.writeFileSync(path.join(dir, 'generate-report.json'), JSON.stringify({ measuredAt: new Date().toISOString(), loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length, ...report }, null, 2) + '\n');
  }
  console.log(`known accounts: ${JSON.stringify(knownAccounts)}`);
  await db.destroy();
} finally {
  await server.stop();
}
