import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../authz/can.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { YC, institutionId } from '../cases/cases.test-support.ts';
import { insertInstitution } from '../institutions/institutions.repository.ts';
import type { SearchEntry } from './search.entries.ts';
import { writeEntries } from './search.index.ts';
import { search, type Audience } from './search.query.ts';
import { MAX_BRANCHES, scopedWalk } from './search.walk.ts';

let t: TestApp;
/** A new city with a district under it, holding only this test's consultations: a narrow scope. */
let wh: { id: string; path: string };
let district: { id: string; path: string };
let yc: { id: string; path: string };
const entries: SearchEntry[] = [];
const scope = (path: string) => ({ paths: [path] }) as unknown as Scope;
const whClerk = (): Audience => ({ consultations: scope(wh.path), cases: scope(wh.path) });
const minute = 60_000;
// Newer than every demo entry, so the walk meets these first.
const start = Date.now() + 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  const of = async (name: string) => t.deps.db.selectFrom('institutions').select(['id', 'path']).where('id', '=', await institutionId(t, name)).executeTakeFirstOrThrow();
  yc = await of(YC);
  const root = await t.deps.db.selectFrom('institutions').select('id').where('path', '=', 'cn').executeTakeFirstOrThrow();
  const city = (parent: string, name: string) => insertInstitution(t.deps.db, {
    parent_id: parent, name, type: 'assistance_center', level: 'city', host: null, region_code: null,
    services: [], ip_types: [], phone: null, email: null, hours: null, description: null,
  } as never);
  wh = await city(root.id, '走查市知识产权维权援助中心');
  district = await city(wh.id, '走查市某区工作站');
  // 600 consultations of another city, all newer than the 40 of Wuhan: walking every entry newest first would read
  // all of them before the first Wuhan one.
  const entry = (i: number, inst: { id: string; path: string }, at: number): SearchEntry => ({
    kind: 'consultation', refId: `00000000-0000-7000-9000-${String(i).padStart(12, '0')}`, visibility: 'staff', institutionId: inst.id,
    institutionPath: inst.path, title: `走查词测验咨询${i}`, body: `走查词测验：企业询问展会维权。编号${i}`, keys: '', ipTypes: ['patent'],
    articleKind: null, regionCode: null, year: 2026, sortAt: new Date(at), boost: 1,
  });
  for (let i = 0; i < 40; i++) entries.push(entry(i, i % 4 ? wh : district, start + i * minute));
  for (let i = 40; i < 640; i++) entries.push(entry(i, yc, start + 100 * minute + i * minute));
  for (let i = 0; i < entries.length; i += 320) await writeEntries(t.deps.db, entries.slice(i, i + 320));
  await sql`ANALYZE search_entries`.execute(t.deps.db);
});
afterAll(async () => {
  await t.deps.db.deleteFrom('search_entries').where('ref_id', 'in', entries.map((e) => e.refId)).execute();
  await t.deps.db.deleteFrom('institutions').where('id', 'in', [district.id, wh.id]).execute();
  await t.close();
});

/** The rows each scan node of the plan read (EXPLAIN ANALYZE), summed. */
function scanned(plan: Record<string, unknown>): number {
  const own = String(plan['Node Type']).startsWith('Index') ? Number(plan['Actual Rows']) + Number(plan['Rows Removed by Filter'] ?? 0) : 0;
  return own + ((plan.Plans as Record<string, unknown>[] | undefined) ?? []).reduce((n, p) => n + scanned(p), 0);
}

describe('the newest-first walk of a narrow scope (ADR 0037)', () => {
  it('reads about as many entries as it keeps, newest first, public and in-scope entries only', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
      const walk = await scopedWalk(tx, whClerk(), { page: 1, pageSize: 10 }, 30);
      expect(walk).not.toBeNull();
      const rows = (await sql<{ visibility: string; institution_path: string; sort_at: Date }>`SELECT s.visibility, s.institution_path, s.sort_at FROM ${walk!} s`.execute(tx)).rows;
      expect(rows.length).toBe(30);
      expect(rows.every((r) => r.visibility === 'public' || r.institution_path === wh.path || r.institution_path.startsWith(`${wh.path}.`))).toBe(true);
      const times = rows.map((r) => new Date(r.sort_at).getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const plan = (await sql<{ 'QUERY PLAN': Record<string, unknown>[] }>`EXPLAIN (ANALYZE, FORMAT JSON) SELECT s.ref_id FROM ${walk!} s`.execute(tx)).rows[0]!['QUERY PLAN'][0]!.Plan as Record<string, unknown>;
      const branches = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM institutions WHERE path <@ ${wh.path}::ltree`.execute(tx)).rows[0]!.n + 1;
      // Walking the whole index would read the 600 newer entries of the other city first.
      expect(scanned(plan)).toBeLessThanOrEqual(30 + branches);
    });
  });

  it('leaves out the branches a kind filter rules out, and leaves a wide scope to the plain walk', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const staffOnly = await scopedWalk(tx, whClerk(), { page: 1, pageSize: 10, kind: 'consultation' }, 50);
      const kinds = (await sql<{ visibility: string }>`SELECT DISTINCT s.visibility FROM ${staffOnly!} s`.execute(tx)).rows.map((r) => r.visibility);
      expect(kinds).toEqual(['staff']);
      const publicOnly = await scopedWalk(tx, whClerk(), { page: 1, pageSize: 10, kind: 'policy' }, 50);
      const vis = (await sql<{ visibility: string }>`SELECT DISTINCT s.visibility FROM ${publicOnly!} s`.execute(tx)).rows.map((r) => r.visibility);
      expect(vis).toEqual(['public']);
      expect(await scopedWalk(tx, { consultations: scope('cn'), cases: null }, { page: 1, pageSize: 10 }, 50)).toBeNull();
      const many = (await sql<{ path: string }>`SELECT path::text AS path FROM institutions WHERE path <> 'cn' ORDER BY path LIMIT ${MAX_BRANCHES + 1}`.execute(tx)).rows;
      expect(many.length).toBeGreaterThan(1);
      // Every institution but the root, one path each: wider than MAX_BRANCHES or than half the network, either way null.
      expect(await scopedWalk(tx, { consultations: { paths: many.map((m) => m.path) } as unknown as Scope, cases: null }, { page: 1, pageSize: 10 }, 50)).toBeNull();
    });
  });

  it('finds the scope’s newest matches of a common word, never another city’s', async () => {
    const r = await search(t.deps.db, '走查词测验', { page: 1, pageSize: 10 }, whClerk());
    expect(r.rows.map((x) => x.ref_id)).toEqual(entries.slice(30, 40).reverse().map((e) => e.refId));
    expect(r.total).toBe(40);
    const other = await search(t.deps.db, '走查词测验', { page: 1, pageSize: 10 }, { consultations: scope(yc.path), cases: null });
    expect(other.rows.every((x) => x.ref_id > entries[39]!.refId)).toBe(true);
    expect(other).toMatchObject({ total: 200, capped: true });
  });
});
