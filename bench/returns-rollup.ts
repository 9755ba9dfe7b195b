/**
 * `npm run bench:rollup`: the statistical returns rolled up at national scale (issue 7: "rolling up returns for 2,000
 * institutions under 5 s"), over the data of `npm run bench:generate` (BENCH_DIR). Inside one transaction that is
 * rolled back at the end, every filing institution gets an accepted return for PERIOD (funds spent, a notable practice);
 * then, as `bench.supervisor` (national scope), ROUNDS times: the board of who filed (every institution) and the return
 * view of each of the 31 provincial centres — its subtree's figures plus what every accepted return below it adds
 * (funds, practices), i.e. every return of the network rolled up once. Writes bench/returns-rollup.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { actorFor } from '../apps/server/src/demo/cases.ts';
import { EMBEDDED_DB } from '../apps/server/src/platform/bootstrap.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { createDb, type DB } from '../apps/server/src/platform/db.ts';
import type { Deps } from '../apps/server/src/platform/deps.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { FILING_TYPES } from '../apps/server/src/modules/stats/returns.repository.ts';
import { returnBoard, returnView } from '../apps/server/src/modules/stats/returns.service.ts';
import { statsOf } from './latency.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PERIOD = process.env.PERIOD ?? '2025';
const dir = path.resolve(process.env.BENCH_DIR ?? '.tmp/bench-national');
const server = await startEmbedded(dir);
const { db, pool } = createDb(server.url(EMBEDDED_DB), 10);
const rollback = new Error('rollback');
try {
  await migrate(pool);
  await db.transaction().execute(async (tx) => {
    const filed = await sql<{ n: number }>`
      WITH ins AS (
        INSERT INTO stat_returns (institution_id, institution_path, period, period_kind, status, figures, funds_spent, narrative, practices, due_on, submitted_at, reviewed_at)
        SELECT i.id, i.path, ${PERIOD}, 'year', 'accepted', '{}', round((random() * 80)::numeric, 2), '全年工作总结（基准数据）',
               jsonb_build_array(jsonb_build_object('title', i.name || '的典型做法', 'text', '建立快速响应机制，重点企业一对一服务。')),
               ${`${Number(PERIOD.slice(0, 4)) + 1}-01-31`}::date, now(), now()
        FROM institutions i WHERE i.type = ANY(${sql.val([...FILING_TYPES])}::text[])
        ON CONFLICT (institution_id, period) DO NOTHING RETURNING 1)
      SELECT count(*)::int AS n FROM ins`.execute(tx);
    const n = filed.rows[0]!.n;
    const deps = { db: tx as unknown as DB, clock: systemClock } as Deps;
    const actor = await actorFor(deps, 'bench.supervisor');
    const provinces = await tx.selectFrom('institutions').select(['id', 'name']).where('level', '=', 'province')
      .where('type', 'in', [...FILING_TYPES]).orderBy('path').execute();
    const rollUp = async () => {
      const board = await returnBoard(deps, actor, PERIOD);
      let below = 0;
      for (const p of provinces) below += (await returnView(deps, actor, p.id, PERIOD)).rollup.returns.length;
      return { board: board.length, below };
    };
    const first = performance.now();
    const shape = await rollUp(); // warm: seals the cube's months if needed
    console.log(`${n} accepted returns; first roll-up ${Math.round(performance.now() - first)} ms: board of ${shape.board}, ${provinces.length} provincial views rolling up ${shape.below} returns`);
    const times: number[] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const t = performance.now();
      await rollUp();
      times.push(performance.now() - t);
    }
    const stats = statsOf(times);
    console.log(`roll-up (board + ${provinces.length} provincial views) p50 ${stats.p50ms} ms  p95 ${stats.p95ms} ms  max ${stats.maxMs} ms`);
    fs.writeFileSync(path.resolve('bench/returns-rollup.json'), JSON.stringify({
      measuredAt: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length,
      period: PERIOD, rounds: ROUNDS, acceptedReturns: n, board: shape.board, provincialViews: provinces.length, rolledUp: shape.below, ...stats,
    }, null, 2) + '\n');
    throw rollback;
  }).catch((e: unknown) => { if (e !== rollback) throw e; });
} finally {
  await db.destroy();
  await server.stop();
}
