import { parsePeriod, periodRange } from '@yuanzhi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../../authz/can.ts';
import type { ManualJobs } from '../../../platform/jobs/manual.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { indicators } from '../indicators.registry.ts';
import { makeCase, makeInstitution } from '../stats.test-support.ts';
import { INLINE_PAIRS, oneRead, staleMonths } from './cube.fresh.ts';
import { addMonths, currentMonth } from './cube.months.ts';
import { cubeRefreshJob, refreshCube } from './cube.refresh.ts';
import { expectCubeMatchesLive, type NamedCut } from './cube.test-support.ts';

/** ADR 0041: a read never recomputes more than a few pairs; the stats-cube-refresh job does the rest in bounded steps. */
let t: TestApp;
const inst: Record<string, { id: string; path: string }> = {};
const cubed = indicators.filter((i) => i.cube && i.live);
const queued = () => (t.deps.jobs as ManualJobs).queued.filter((j) => j.name === 'stats-cube-refresh').length;
const count = async (q: string) => (await sql<{ n: number }>`SELECT (${sql.raw(q)})::int AS n`.execute(t.deps.db)).rows[0]!.n;
const dirtySealed = () => count('SELECT count(*) FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month');
/** The cube's content, to tell whether anything was recomputed. */
const cubeDigest = async () => (await sql<{ d: string }>`SELECT md5(string_agg(concat_ws(',', indicator, month, institution_id, num, den, cnt), ';'
  ORDER BY indicator, month, institution_id, num, den, cnt)) AS d FROM stats_cube_self`.execute(t.deps.db)).rows[0]!.d;

const cuts: NamedCut[] = [
  { name: 'national', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!) }) },
  { name: 'national by month', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!) }), by: 'month' },
  { name: 'P by institution', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), institutionPath: inst.P!.path }), by: 'institution' },
];
const expectLive = (label: string) => expectCubeMatchesLive(t.deps.db, cuts, ['2025', '2026'], label);

beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '刷新测试中心', '420000');
  inst.A = await makeInstitution(t, '刷新测试中心', '刷新测试武汉点', '420100');
  // A case accepted and concluded in every month of 2025 and 2026 so far, at both institutions.
  for (let m = '2025-01-01'; m < currentMonth(); m = addMonths(m, 1)) {
    for (const at of ['P', 'A']) {
      const day = new Date(`${m}T04:00:00Z`).getTime();
      const iso = (d: number) => new Date(day + d * 86400_000).toISOString();
      await makeCase(t, inst, { at, state: 'concluded', submitted: iso(1), accepted: iso(2), concluded: iso(9), events: [['accept', iso(2)], ['conclude', iso(9)]] });
    }
  }
  await t.runJobNow('stats-cube-refresh');
}, 120_000);
afterAll(() => t?.close());

describe('stats-cube-refresh (ADR 0041)', () => {
  it('a read over many dirty pairs answers live without recomputing; the job then clears them and the cube answers alike', async () => {
    const db = t.deps.db;
    expect(await dirtySealed()).toBe(0);
    // A change that moves figures between sealed months: every 2025 conclusion one month later.
    await sql`UPDATE cases SET concluded_at = concluded_at + interval '31 days' WHERE institution_id IN (${inst.P!.id}, ${inst.A!.id})
      AND concluded_at < '2025-12-01'`.execute(db);
    // … and more pairs than a read may recompute (marks as a bulk migration leaves them).
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) SELECT i.id, m.month FROM institutions i CROSS JOIN stats_cube_month m
      ON CONFLICT DO NOTHING`.execute(db);
    const marked = await dirtySealed();
    expect(marked).toBeGreaterThan(INLINE_PAIRS);
    const digest = await cubeDigest();
    const jobsBefore = queued();

    const compared = await oneRead(() => expectLive('dirty'));
    expect(compared).toBeGreaterThan(cubed.length * 2);
    expect(await dirtySealed(), 'the read left the marks').toBe(marked);
    expect(await cubeDigest(), 'the read recomputed nothing').toBe(digest);
    expect(queued(), 'the read asked for the job').toBeGreaterThan(jobsBefore);

    expect(await t.drainJobs({ name: 'stats-cube-refresh' })).toBeGreaterThan(0);
    expect(await dirtySealed()).toBe(0);
    expect(await cubeDigest(), 'the job recomputed the moved conclusions').not.toBe(digest);
    expect(await staleMonths(db, '2025-01-01', '2026-01-01')).toEqual(new Set());
    await expectLive('refreshed');
  }, 300_000);

  it('works in bounded transactions: one month at a time, at most `batch` pairs each', async () => {
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) SELECT i.id, m.month FROM institutions i CROSS JOIN stats_cube_month m
      WHERE m.month >= '2025-03-01' AND m.month < '2025-06-01' ON CONFLICT DO NOTHING`.execute(t.deps.db);
    const institutions = await count('SELECT count(*) FROM institutions');
    const r = await refreshCube(t.deps.db, { batch: 7 });
    expect(r.pairs).toBe(3 * institutions);
    expect(r.batches).toBe(3 * Math.ceil(institutions / 7));
    expect(r.left).toBe(0);
    expect(r.sealed).toBe(0);
    await expectLive('batched');

    // Months mostly dirty (a bulk rewrite) are computed afresh instead, consecutive ones in one transaction.
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) SELECT i.id, m.month FROM institutions i CROSS JOIN stats_cube_month m
      WHERE m.month >= '2025-08-01' AND m.month < '2025-11-01' ON CONFLICT DO NOTHING`.execute(t.deps.db);
    const again = await refreshCube(t.deps.db, { reseal: 10 });
    expect(again).toMatchObject({ pairs: 3 * institutions, batches: 1, left: 0 });
    await expectLive('resealed');
  }, 300_000);

  it('a few dirty pairs are recomputed by the read itself, and no job is asked for', async () => {
    await sql`UPDATE cases SET concluded_at = concluded_at + interval '2 days' WHERE institution_id = ${inst.A!.id}
      AND concluded_at >= '2025-07-01' AND concluded_at < '2025-07-20'`.execute(t.deps.db);
    const marked = await dirtySealed();
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThanOrEqual(INLINE_PAIRS);
    const jobsBefore = queued();
    await expectLive('few');
    expect(await dirtySealed()).toBe(0);
    expect(queued()).toBe(jobsBefore);

    // While the job holds the lock, a read does not wait for it: the months are read live, the marks stay.
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('stats_cube'))`.execute(trx);
      await sql`UPDATE cases SET concluded_at = concluded_at - interval '2 days' WHERE institution_id = ${inst.A!.id}
        AND concluded_at >= '2025-07-01' AND concluded_at < '2025-07-20'`.execute(t.deps.db);
      const marks = await dirtySealed();
      expect(marks).toBeGreaterThan(0);
      expect([...await staleMonths(t.deps.db, '2025-01-01', '2026-01-01')].sort()).toEqual(['2025-06-01', '2025-07-01']);
      expect(await dirtySealed()).toBe(marks);
    });
  }, 300_000);

  it('runs nightly just after midnight China time and seals the month just completed', async () => {
    expect(cubeRefreshJob.options.schedule).toBe('0 0 * * *');
    expect(cubeRefreshJob.options.timezone).toBe('Asia/Shanghai');
    const db = t.deps.db;
    // The month just completed, as it stands before the nightly run: not sealed, its writes marked.
    const last = addMonths(currentMonth(), -1);
    for (const table of ['stats_cube_leaf', 'stats_cube_self', 'stats_cube_total', 'stats_cube_month']) {
      await sql`DELETE FROM ${sql.table(table)} WHERE month = ${last}::date`.execute(db);
    }
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) VALUES (${inst.P!.id}, ${last}::date) ON CONFLICT DO NOTHING`.execute(db);
    expect(await oneRead(() => staleMonths(db, last, currentMonth()))).toEqual(new Set([last]));

    const r = (await t.runJobNow('stats-cube-refresh')) as Awaited<ReturnType<typeof refreshCube>>;
    expect(r.sealed).toBe(1);
    expect(await count(`SELECT count(*) FROM stats_cube_month WHERE month = '${last}'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM stats_cube_dirty WHERE month = '${last}'`), 'its marks went with the seal').toBe(0);
    const jobsBefore = queued();
    expect(await staleMonths(db, last, currentMonth()), 'the first read of the new month finds it sealed').toEqual(new Set());
    expect(queued()).toBe(jobsBefore);
    await expectLive('sealed');
  }, 300_000);
});
