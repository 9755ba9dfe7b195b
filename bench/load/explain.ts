/**
 * `npx tsx bench/load/explain.ts [cases]`: EXPLAIN (ANALYZE, BUFFERS) of the work-queue queries exactly as the
 * server builds them (listCases for the bench's handler, page of 50 by deadline), on the bench database
 * (`BENCH_DIR=/tmp/gen-queue npx tsx bench/load/explain.ts` for the national data).
 */
import { toCstDate } from '@yuanzhi/domain';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Actor } from '../../apps/server/src/authz/actor.ts';
import { loadGrants } from '../../apps/server/src/modules/auth/session.ts';
import { listCases } from '../../apps/server/src/modules/cases/cases.queue.ts';
import type { Database } from '../../apps/server/src/platform/tables.ts';
import type { Deps } from '../../apps/server/src/platform/deps.ts';
import { prepareDatabase } from './data.ts';
import { openNational } from './national.ts';

// BENCH_DIR: the national generator's data directory (kept); otherwise cloned demo cases in a temporary one.
const bench = process.env.BENCH_DIR ? await openNational(process.env.BENCH_DIR) : await prepareDatabase(Number(process.argv[2] ?? 20_000));
const pool = new pg.Pool({ connectionString: bench.url, max: 2 });
const seen: CompiledQuery[] = [];
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') seen.push(e.query); } });
try {
  const user = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', bench.accounts.handler.username).executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: user.id, kind: 'staff', displayName: user.display_name, sessionId: 'explain',
    grants: await loadGrants({ db } as unknown as Deps, user.id),
  };
  seen.length = 0;
  const t0 = performance.now();
  await listCases(db, actor, { sort: 'deadline' }, toCstDate(new Date()), 1, 50);
  console.log(`listCases: ${(performance.now() - t0).toFixed(1)} ms`);
  for (const q of seen) {
    const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    console.log('\n' + q.sql.slice(0, 300) + '…\n' + r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
  }
} finally {
  await db.destroy();
  await bench.close();
}
