/**
 * `npm run bench:dashboard`: the statistics dashboard (issue 7) over the national-scale data of
 * `npm run bench:generate` (BENCH_DIR, default .tmp/bench-national): the summary — every indicator for the
 * period and the same period a year before — for the national scope and one province, ROUNDS times each;
 * p50/p95 per scope, and the slowest indicators of one national evaluation. Writes bench/dashboard.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemScope } from '../apps/server/src/authz/can.ts';
import { EMBEDDED_DB } from '../apps/server/src/platform/bootstrap.ts';
import { createDb } from '../apps/server/src/platform/db.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { indicators } from '../apps/server/src/modules/stats/indicators.registry.ts';
import { resolveCut, summary, toPeriod } from '../apps/server/src/modules/stats/stats.service.ts';
import { statsOf } from './latency.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const PERIOD = process.env.PERIOD ?? '2025';
const dir = path.resolve(process.env.BENCH_DIR ?? '.tmp/bench-national');
const server = await startEmbedded(dir);
const { db, pool } = createDb(server.url(EMBEDDED_DB), 10);
try {
  await migrate(pool);
  const province = (await db.selectFrom('institutions').select('id').where('level', '=', 'province').where('region_code', '=', '440000').executeTakeFirst())?.id;
  const scopes: Record<string, { institutionId?: string }> = { national: {}, ...(province ? { guangdong: { institutionId: province } } : {}) };
  const results: Record<string, { p50ms: number; p95ms: number; maxMs: number }> = {};
  for (const [name, extra] of Object.entries(scopes)) {
    await summary(db, systemScope(), { period: PERIOD, ...extra }); // warm
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await summary(db, systemScope(), { period: PERIOD, ...extra });
      times.push(performance.now() - t);
    }
    results[name] = statsOf(times);
    console.log(`summary ${name.padEnd(10)} p50 ${results[name].p50ms} ms  p95 ${results[name].p95ms} ms  max ${results[name].maxMs} ms`);
  }
  const cut = await resolveCut(db, systemScope(), { period: PERIOD }, toPeriod(PERIOD));
  const each: { id: string; ms: number }[] = [];
  for (const ind of indicators) {
    const t = performance.now();
    await ind.evaluate(db, cut);
    each.push({ id: ind.id, ms: round(performance.now() - t) });
  }
  each.sort((a, b) => b.ms - a.ms);
  console.log('slowest indicators (national, one period):', each.slice(0, 8).map((e) => `${e.id} ${e.ms} ms`).join(', '));
  fs.writeFileSync(path.resolve('bench/dashboard.json'), JSON.stringify({
    measuredAt: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length,
    period: PERIOD, rounds: ROUNDS, cases: Number((await db.selectFrom('cases').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    results, slowest: each.slice(0, 12),
  }, null, 2) + '\n');
} finally {
  await db.destroy();
  await server.stop();
}


function round(x: number) {
  return Math.round(x * 10) / 10;
}
