/**
 * `npm run bench` / `npm run bench:quick`: the load scenarios against the real server (scripts/start.mjs, as
 * `npm start` runs it, in its own process on loopback), each round right after a round of the machine's ceiling
 * (a minimal Fastify server doing one INSERT … RETURNING on the same PostgreSQL), plus a constant-JSON ceiling,
 * the first-load JavaScript of the portal and the console, and `npm start` to the first page.
 * Writes bench/results.json and bench/results.md. Every request loop is bounded in time (and count for the slow ones).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../apps/server/src/platform/embedded-pg.ts';
import { ensureWebBuilt } from '../../scripts/web-build.ts';
import { measureFirstLoad } from './bundle.ts';
import { startChild, type ServerChild } from './child.ts';
import { prepareDatabase, type BenchDatabase } from './data.ts';
import { openNational } from './national.ts';
import { summarize, type RoundFigure } from './figures.ts';
import { scenarios, type Context, type Load, type Scenario } from './scenarios.ts';
import { getJson, signIn } from './session.ts';
import { waitSampler } from './waits.ts';
import { renderResults, type Results } from './table.ts';

const root = path.resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const ROUNDS = Number(process.env.ROUNDS ?? (quick ? 3 : 5));
const SECONDS = Number(process.env.ROUND_SECONDS ?? (quick ? 2 : 10));
// 200,000 made the dashboard statements run for minutes (bench/README.md): the default stays where every scenario answers.
const SCALE = Number(process.env.CASES ?? (quick ? 10_000 : 20_000));
const only = process.env.SCENARIOS?.split(',');
// BENCH_DIR: the national generator's data directory (bench/load/national.ts) instead of cloned demo cases.
const benchDir = process.env.BENCH_DIR;
const logFile = path.join(os.tmpdir(), `yz-bench-load-${process.pid}.log`);
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

async function round(child: ServerChild, opts: Load, connections: number, perOp: number, ceilingPerSec: number, maxOps?: number): Promise<RoundFigure> {
  const end = child.window();
  const { path: p = '', ...rest } = opts;
  const r = await autocannon({
    url: child.url + p, connections, duration: SECONDS, timeout: 60, ...(maxOps ? { amount: Math.max(connections, quick ? Math.ceil(maxOps / 5) : maxOps) } : {}), ...rest,
  });
  const seconds = Math.max((r.finish.getTime() - r.start.getTime()) / 1000, 0.001);
  const done = r['2xx'];
  return {
    opsPerSec: done / seconds / perOp,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    rssMaxMb: end(),
    failures: r.non2xx + r.errors + r.timeouts,
    ceilingPerSec,
  };
}

async function main(): Promise<void> {
  const data = benchDir ? `the national data in ${benchDir}` : `about ${SCALE.toLocaleString('en-US')} cases`;
  log(`mode ${quick ? 'quick' : 'full'}: ${ROUNDS} rounds of ${SECONDS} s, ${data}; server logs in ${logFile}`);
  await ensureWebBuilt();
  const bundles = measureFirstLoad(path.join(root, 'apps/web/dist'), {
    portal: { key: 'index.html', targetBytes: 300 * 1024 },
    console: { key: 'console.html', targetBytes: 900 * 1024 },
  });
  const loadAverage = os.loadavg();
  const db: BenchDatabase = benchDir ? await openNational(benchDir, log) : await prepareDatabase(SCALE, log);
  const children: ServerChild[] = [];
  try {
    const env = { DATABASE_URL: db.url, YUANZHI_DATA_DIR: db.dataDir, LOG_LEVEL: 'warn', ...db.serverEnv };
    // BENCH_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const app = await startChild(path.join(root, 'scripts/start.mjs'), env, await freePort(), '/', logFile, nodeArgs);
    children.push(app);
    const insert = await startChild(path.join(import.meta.dirname, 'ceiling-server.ts'), { ...env, CEILING: 'insert' }, await freePort(), '/insert', logFile);
    children.push(insert);
    const constant = await startChild(path.join(import.meta.dirname, 'ceiling-server.ts'), { ...env, CEILING: 'constant' }, await freePort(), '/constant', logFile);
    children.push(constant);
    const idle = app.window();
    await new Promise((r) => setTimeout(r, 300));
    const idleRssMb = idle();
    log(`servers up; the platform's RSS before any load: ${idleRssMb.toFixed(0)} MB`);

    const a = db.accounts;
    const handler = await signIn(app.url, a.handler.username, a.handler.password);
    const queue = await getJson<{ data: { id: string }[] }>(app.url, handler, '/api/cases?page=1&pageSize=100&sort=deadline');
    const year = new Date().getFullYear();
    const ctx: Context = {
      base: app.url,
      applicant: await signIn(app.url, a.applicant.username, a.applicant.password),
      handler,
      supervisor: await signIn(app.url, a.supervisor.username, a.supervisor.password),
      caseIds: queue.data.map((c) => c.id),
      period: String(year),
      reportYear: year,
    };
    if (ctx.caseIds.length === 0) throw new Error('the handler sees no cases');

    const chosen = scenarios.filter((s) => !only || only.includes(s.id));
    const insertOpts: Load = {
      method: 'POST', path: '/insert', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '知识产权维权援助申请' }),
    };
    const constOpts: Load = { method: 'GET', path: '/constant' };
    const ceilRound = (c: ServerChild, o: Load) => round(c, o, 10, 1, 0);

    log('warm-up');
    await ceilRound(insert, insertOpts);
    await ceilRound(constant, constOpts);
    for (const s of chosen) await round(app, s.options(ctx), s.connections, s.requestsPerOp, 0, s.maxOps ? 1 : undefined);

    const insertRounds: RoundFigure[] = [];
    const constantRounds: RoundFigure[] = [];
    const perScenario = new Map<string, RoundFigure[]>(chosen.map((s) => [s.id, []]));
    const waits = process.env.BENCH_PG_WAITS ? waitSampler(db.url) : null;
    for (let n = 1; n <= ROUNDS; n++) {
      constantRounds.push(await ceilRound(constant, constOpts));
      for (const s of chosen) {
        const ceiling = await ceilRound(insert, insertOpts);
        insertRounds.push(ceiling);
        const endWaits = waits?.start();
        const f = await round(app, s.options(ctx), s.connections, s.requestsPerOp, ceiling.opsPerSec, s.maxOps);
        perScenario.get(s.id)!.push(f);
        if (endWaits) log(`  busy database sessions on average, by wait: ${endWaits()}`);
        log(`round ${n} ${s.id}: ${f.opsPerSec.toFixed(1)} ops/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms (ceiling ${ceiling.opsPerSec.toFixed(0)}/s), RSS ${f.rssMaxMb.toFixed(0)} MB, failures ${f.failures}`);
      }
    }

    await waits?.close();
    const results: Results = {
      measuredAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      cpus: os.cpus().length,
      loadAverage,
      rounds: ROUNDS,
      roundSeconds: SECONDS,
      data: { scale: SCALE, cases: db.cases, source: db.source },
      ceilings: { insert: summarize(insertRounds), constant: summarize(constantRounds) },
      scenarios: chosen.map((s: Scenario) => {
        const summary = summarize(perScenario.get(s.id)!);
        // A scenario that completed nothing within its rounds has missed whatever its target is.
        const met = summary.opsPerSec.max === 0 ? (s.target ? false : null) : s.met(summary);
        return { id: s.id, label: s.label, connections: s.connections, unit: s.unit, target: s.target, met, summary };
      }),
      bundles,
      startup: null,
      idleRssMb,
    };
    for (const c of children.splice(0)) await c.stop();
    results.startup = startupFigures();
    fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    fs.writeFileSync(path.join(root, 'bench/results.md'), renderResults(results));
    log('wrote bench/results.md and bench/results.json');
    console.log('\n' + renderResults(results));
  } finally {
    for (const c of children) await c.stop().catch(() => {});
    await db.close();
  }
}

/** The full run measures `npm start` anew (bench/startup.ts); the quick one reports its last figures. */
function startupFigures(): Results['startup'] {
  if (!quick) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/startup.ts')], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) log('bench/startup.ts failed: startup figures left out');
  }
  const file = path.join(root, 'bench/startup.json');
  if (!fs.existsSync(file)) return null;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')) as { firstStartMs: number; warmStartMedianMs: number };
  return { firstStartMs: s.firstStartMs, warmStartMs: s.warmStartMedianMs };
}

await main();
