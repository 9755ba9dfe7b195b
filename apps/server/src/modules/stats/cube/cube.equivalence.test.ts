import { periodRange, parsePeriod } from '@yuanzhi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemScope } from '../../../authz/can.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { indicators } from '../indicators.registry.ts';
import type { Cut } from '../indicators.types.ts';
import { makeCase, makeInstitution, type HandCase } from '../stats.test-support.ts';
import { expectCubeMatchesLive, type NamedCut } from './cube.test-support.ts';

/**
 * Random writes — cases in every state with their events, back-dated conclusions, ratings, transfers between
 * institutions, history imports and their undo — then every cubed indicator read through the cube must equal its
 * live query, for several cuts and breakdowns. A seeded generator: a failure names its seed.
 */
const SEED = Number(process.env.CUBE_SEED ?? 20261203);
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** An instant between 2025-01-01 and now (China time), sometimes on a month's first half hour. */
function instant(): string {
  const from = Date.parse('2024-12-31T16:00:00Z');
  const t = from + rand() * (Date.now() - 60_000 - from);
  const d = new Date(t);
  if (rand() < 0.1) d.setUTCHours(16, 30, 0, 0);
  return (d.getTime() < Date.now() ? d : new Date(Date.now() - 60_000)).toISOString();
}
const later = (iso: string) => new Date(Math.min(Date.parse(iso) + rand() * 40 * 86400_000, Date.now() - 60_000)).toISOString();

let t: TestApp;
const inst: Record<string, { id: string; path: string }> = {};
const live = indicators.filter((i) => i.cube && i.live);

function randomCase(): HandCase {
  const submitted = instant();
  const accepted = later(submitted);
  const concluded = later(accepted);
  const base = { at: pick(['P', 'A', 'B']), submitted, ipType: pick(['patent', 'trademark', 'copyright']), channel: pick(['walk_in', 'online', 'hotline']),
    overseas: rand() < 0.3, size: pick(['small', 'large', 'micro']), services: ['consultation'] };
  switch (pick(['submitted', 'accepted', 'concluded', 'declined', 'withdrawn', 'referred'])) {
    case 'accepted': return { ...base, state: 'in_progress', accepted, events: [['accept', accepted]] };
    case 'concluded': return { ...base, state: pick(['concluded', 'archived']), accepted, concluded, track: pick(['fast', 'standard']),
      handlingLate: rand() < 0.5, ...(rand() < 0.5 ? { portalScore: pick([2, 4, 5]) } : {}), events: [['accept', accepted], ['conclude', concluded]] };
    case 'declined': return { ...base, state: 'declined', events: [['decline', accepted]] };
    case 'withdrawn': return { ...base, state: 'withdrawn', events: [['withdraw', accepted]] };
    case 'referred': return { ...base, state: 'referred', accepted, events: [['accept', accepted], ['refer', concluded], ['refer', later(concluded)]] };
    default: return { ...base, state: 'submitted' };
  }
}

async function importHistory(n: number): Promise<string> {
  const where = inst[pick(['A', 'B'])]!;
  const imp = await t.deps.db.insertInto('history_imports').values({ institution_id: where.id, institution_path: where.path, status: 'done' })
    .returning('id').executeTakeFirstOrThrow();
  for (let k = 0; k < n; k++) {
    await t.deps.db.insertInto('history_records').values({
      import_id: imp.id, institution_id: where.id, institution_path: where.path, kind: 'case',
      occurred_on: instant().slice(0, 10), ip_type: pick(['patent', 'trademark']), channel: 'walk_in', overseas: rand() < 0.5, sme: rand() < 0.5,
    }).execute();
  }
  return imp.id;
}

const periods = ['2025', '2026', '2025-Q4', '2026-Q2', '2026-03', currentPeriod()];
function currentPeriod(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
}
const cuts: NamedCut[] = [
  { name: 'national', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!) }) },
  { name: 'national by month', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!) }), by: 'month' },
  { name: 'subtree P', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), institutionPath: inst.P!.path }) },
  { name: 'scope A by institution', cut: (p) => ({ scope: { paths: [inst.A!.path] } as unknown as Cut['scope'], ...periodRange(parsePeriod(p)!) }), by: 'institution' },
  { name: 'scope A, subtree P asked', cut: (p) => ({ scope: { paths: [inst.A!.path] } as unknown as Cut['scope'], ...periodRange(parsePeriod(p)!), institutionPath: inst.P!.path }) },
  { name: 'Hubei by city', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), regionCode: '420000' }), by: 'city' },
  { name: 'trademarks by province', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), ipType: 'trademark' }), by: 'province' },
  { name: 'online in P by overseas', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), channel: 'online', institutionPath: inst.P!.path }), by: 'overseas' },
  { name: 'P by ipType', cut: (p) => ({ scope: systemScope(), ...periodRange(parsePeriod(p)!), institutionPath: inst.P!.path }), by: 'ipType' },
];

const expectSame = (round: string) => expectCubeMatchesLive(t.deps.db, cuts, periods, `${round} (seed ${SEED})`);

beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '立方测试中心', '420000');
  inst.A = await makeInstitution(t, '立方测试中心', '立方测试武汉点', '420100');
  inst.B = await makeInstitution(t, '立方测试中心', '立方测试宜昌点', '420500');
});
afterAll(() => t?.close());

describe('the statistics cube answers as the live queries do', () => {
  it('after random writes, corrections of sealed months, transfers and history imports', async () => {
    const db = t.deps.db;
    const ids: string[] = [];
    for (let k = 0; k < 40; k++) ids.push(await makeCase(t, inst, randomCase()));
    const first = await expectSame('created');
    // Nothing sealed yet: the reads answered live and asked for the refresh job (ADR 0041), which seals the months.
    expect(await t.drainJobs({ name: 'stats-cube-refresh' })).toBeGreaterThan(0);
    await expectSame('sealed');
    const held = await sql<{ months: number; rows: number }>`SELECT (SELECT count(*)::int FROM stats_cube_month) AS months,
      (SELECT count(*)::int FROM stats_cube_leaf) AS rows`.execute(db);
    expect(held.rows[0]!.months).toBeGreaterThanOrEqual(12);
    expect(held.rows[0]!.rows).toBeGreaterThan(0);

    // Corrections dated in sealed months: conclusions back-dated, states changed, ratings added, transfers accepted.
    for (const id of ids.slice(0, 15)) {
      const at = instant();
      switch (pick(['conclude', 'withdraw', 'rate', 'transfer'])) {
        case 'conclude':
          await db.updateTable('cases').set({ state: 'concluded', accepted_at: at, concluded_at: later(at) }).where('id', '=', id).execute();
          break;
        case 'withdraw':
          await db.updateTable('cases').set({ state: 'withdrawn' }).where('id', '=', id).execute();
          await db.insertInto('case_events').values({ case_id: id, seq: 90, event: 'withdraw', at, payload: '{}', from_state: null, to_state: null, actor_id: null, actor_name: null, actor_role: null, reason: null }).execute();
          break;
        case 'rate':
          await sql`INSERT INTO portal_ratings (case_id, token_hash, expires_at, score, rated_at) VALUES (${id}, ${`r${id}`}, '2027-01-01', ${pick([1, 5])}, now())
            ON CONFLICT DO NOTHING`.execute(db);
          break;
        default: {
          const to = inst[pick(['A', 'B'])]!;
          await db.updateTable('cases').set({ institution_id: to.id, institution_path: to.path }).where('id', '=', id).execute();
          await db.insertInto('case_events').values({ case_id: id, seq: 91, event: 'acceptTransfer', at, payload: '{}', from_state: null, to_state: null, actor_id: null, actor_name: null, actor_role: null, reason: null }).execute();
        }
      }
    }
    const dirty = sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month`;
    expect((await dirty.execute(db)).rows[0]!.n, 'the corrections marked sealed months').toBeGreaterThan(0);
    await expectSame('corrected');
    // A few pairs in a range are recomputed by the read; the rest were read live and left to the job.
    await t.drainJobs({ name: 'stats-cube-refresh' });
    expect((await dirty.execute(db)).rows[0]!.n, 'the reads and the job recomputed them').toBe(0);
    await expectSame('refreshed');

    const imp = await importHistory(12);
    for (let k = 0; k < 10; k++) await makeCase(t, inst, randomCase());
    await expectSame('imported');
    await t.drainJobs({ name: 'stats-cube-refresh' });
    await db.deleteFrom('history_imports').where('id', '=', imp).execute();
    await expectSame('undone');
    await t.drainJobs({ name: 'stats-cube-refresh' });
    await expectSame('undone, refreshed');
    expect(first).toBeGreaterThan(live.length * periods.length);
  }, 300_000);
});
