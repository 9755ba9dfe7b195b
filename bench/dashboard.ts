/**
 * `npm run bench:dashboard`: the statistics dashboard (issue 7) over the national-scale data of
 * `npm run bench:generate` (BENCH_DIR, default .tmp/bench-national): what the dashboard page requests — the summary
 * (every indicator for the period and the same period a year before) and the breakdowns of the selected indicator
 * by month, province and institution, in parallel as the browser asks them — for the national scope and one
 * province, ROUNDS times each; then the national yearly report .docx, the return pre-fill of every institution
 * (a summary of each subtree), and the slowest indicators of one national evaluation. Writes bench/dashboard.json.
 * The first page of each scope is timed with the cube as found (dirty or unsealed months read live, ADR 0041), then
 * the stats-cube-refresh job is run and timed, then the ROUNDS.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { systemScope } from '../apps/server/src/authz/can.ts';
import { EMBEDDED_DB } from '../apps/server/src/platform/bootstrap.ts';
import { createDb } from '../apps/server/src/platform/db.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { indicators } from '../apps/server/src/modules/stats/indicators.registry.ts';
import { breakdown, resolveCut, summary, toPeriod } from '../apps/server/src/modules/stats/stats.service.ts';
import { reportInput } from '../apps/server/src/modules/stats/report.data.ts';
import { buildReport } from '../apps/server/src/modules/stats/report.content.ts';
import { reportDocx } from '../apps/server/src/modules/stats/report.render.ts';
import { refreshCube } from '../apps/server/src/modules/stats/cube/cube.refresh.ts';
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
  const pages: Record<string, () => Promise<unknown>> = {};
  for (const [name, extra] of Object.entries(scopes)) {
    pages[name] = () => {
      const q = { period: PERIOD, ...extra };
      const by = (d: 'month' | 'province' | 'institution') => breakdown(db, systemScope(), { ...q, indicator: 'cases.accepted', by: d });
      return Promise.all([summary(db, systemScope(), q), by('month'), by('province'), by('institution')]);
    };
  }
  // The first page of each scope with the cube as found (months dirty or unsealed are read live, ADR 0041) …
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const marks = async () => (await sql<{ pairs: number; months: number }>`SELECT count(*)::int AS pairs, count(DISTINCT d.month)::int AS months
    FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month`.execute(db)).rows[0]!;
  // MARK_ALL=1: mark every pair the cube holds, as a bulk rewrite of every case would (the bad case of ADR 0041).
  if (process.env.MARK_ALL === '1') {
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) SELECT DISTINCT s.institution_id, s.month
      FROM stats_cube_self s JOIN stats_cube_month m ON m.month = s.month ON CONFLICT DO NOTHING`.execute(db);
  }
  const before = await marks();
  console.log(`dirty pairs in sealed months: ${before.pairs} in ${before.months} months`);
  const firstPage: Record<string, number> = {};
  for (const [name, page] of Object.entries(pages)) {
    const t0 = performance.now();
    await page();
    firstPage[name] = round(performance.now() - t0);
    console.log(`first page ${name}: ${firstPage[name]} ms (load ${load()})`);
  }
  // … then the refresh job as the read would have asked for it, timed …
  const refresh = await refreshCube(db);
  console.log(`stats-cube-refresh: ${refresh.seconds} s, ${refresh.sealed} months sealed, ${refresh.pairs} pairs in ${refresh.batches} transactions (longest ${refresh.longest} s), ${refresh.left} left (load ${load()})`);
  // … then the pages on the cube as the job left it.
  for (const [name, page] of Object.entries(pages)) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await page();
      times.push(performance.now() - t);
    }
    results[name] = statsOf(times);
    console.log(`page ${name.padEnd(10)} p50 ${results[name].p50ms} ms  p95 ${results[name].p95ms} ms  max ${results[name].maxMs} ms (load ${load()})`);
  }
  let t = performance.now();
  const docx = await reportDocx(buildReport(await reportInput(db, systemScope(), Number(PERIOD.slice(0, 4)))));
  const reportMs = round(performance.now() - t);
  console.log(`national yearly report .docx: ${reportMs} ms (${docx.length} bytes)`);
  // The return pre-fill: a summary of each filing institution's subtree, for PREFILL of them (every one: PREFILL=all).
  const filers = await db.selectFrom('institutions').select('id').where('type', '<>', 'authority').orderBy('path').execute();
  const sample = process.env.PREFILL === 'all' ? filers : filers.filter((_, k) => k % Math.ceil(filers.length / Number(process.env.PREFILL ?? 100)) === 0);
  t = performance.now();
  for (const f of sample) await summary(db, systemScope(), { period: PERIOD, institutionId: f.id });
  const prefillMs = round(performance.now() - t);
  const perInstitution = round(prefillMs / sample.length);
  console.log(`return pre-fill: ${sample.length} of ${filers.length} institutions in ${prefillMs} ms, ${perInstitution} ms each (all: ~${round(perInstitution * filers.length / 1000)} s)`);
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
    firstPage, dirtyBefore: before, refresh, results, reportDocxMs: reportMs, returnPrefill: { institutions: filers.length, measured: sample.length, ms: prefillMs, msEach: perInstitution }, slowest: each.slice(0, 12),
  }, null, 2) + '\n');
} finally {
  await db.destroy();
  await server.stop();
}


function round(x: number) {
  return Math.round(x * 10) / 10;
}
