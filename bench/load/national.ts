/**
 * The bench on the national generator's database (bench/generate/, `npm run bench:generate`): BENCH_DIR holds its
 * embedded PostgreSQL and the data key, served as `YUANZHI_DATA_DIR=$BENCH_DIR npm start` serves it. The directory is
 * kept (never removed): work on a copy of it (`cp -a`, with no server running on either).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { EMBEDDED_DB } from '../../apps/server/src/platform/bootstrap.ts';
import { createDb } from '../../apps/server/src/platform/db.ts';
import { startEmbedded } from '../../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../../apps/server/src/platform/migrate.ts';
import { knownAccounts } from '../generate/accounts.ts';
import type { BenchDatabase } from './data.ts';

export async function openNational(dir: string, log: (m: string) => void = console.log): Promise<BenchDatabase> {
  const dataDir = path.resolve(dir);
  if (!fs.existsSync(path.join(dataDir, 'pg'))) throw new Error(`${dataDir}: no generated database here (npm run bench:generate)`);
  const pg = await startEmbedded(dataDir);
  const url = pg.url(EMBEDDED_DB);
  const { db, pool } = createDb(url, 2);
  let cases = 0;
  try {
    // The server would apply them too; done here so that their time (a backfill over a million cases) is not taken
    // for the server's start-up.
    const t0 = Date.now();
    const applied = await migrate(pool);
    if (applied.length) {
      log(`migrations applied in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${applied.join(', ')}`);
      // A backfill leaves the visibility map of the rewritten pages unset until autovacuum passes: the index-only
      // walks of the work queue (ADR 0038) would read the table meanwhile, and the figures would depend on when.
      await sql`VACUUM (ANALYZE) cases`.execute(db);
    }
    cases = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE state <> 'draft'`.execute(db)).rows[0]!.n;
  } finally {
    await db.destroy();
  }
  log(`national data in ${dataDir}: ${cases.toLocaleString('en-US')} cases`);
  return {
    url,
    dataDir,
    cases,
    source: `national generator's database (${path.basename(dataDir)}, ${cases.toLocaleString('en-US')} cases)`,
    accounts: { applicant: knownAccounts.applicant, handler: knownAccounts.handler, supervisor: knownAccounts.supervisor },
    serverEnv: { YUANZHI_DEMO: 'false' },
    async close() {
      await pg.stop();
    },
  };
}
