import { toCstDate } from '@yuanzhi/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { loadGrants } from '../auth/session.ts';
import { COUNT_CAP, listCases } from './cases.queue.ts';
import { ok, register, userId } from './cases.test-support.ts';

/** ADR 0038: the stored nearest deadline the queue walks, and the capped count. */
let t: TestApp;
let clerk: TestClient;
let hbAdmin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [clerk, hbAdmin] = await Promise.all(['wh_clerk', 'hb_admin'].map((u) => t.login(u)));
});
afterAll(() => t.close());

/** Cases whose stored next_due differs from the nearest deadline not yet met. */
async function drifted(): Promise<{ id: string; state: string; next_due: string | null; due: string | null }[]> {
  const r = await sql<{ id: string; state: string; next_due: string | null; due: string | null }>`
    SELECT c.id, c.state, c.next_due::text, d.due::text FROM cases c
    LEFT JOIN LATERAL (SELECT min(x.due) AS due FROM case_deadlines x WHERE x.case_id = c.id AND x.status <> 'met') d ON true
    WHERE c.next_due IS DISTINCT FROM d.due`.execute(t.deps.db);
  return r.rows;
}

describe('next_due', () => {
  it('is the nearest deadline not yet met for every case, demo data included, after each transition', async () => {
    expect(await drifted()).toEqual([]);
    const id = await register(clerk, { summary: '时限索引 甲' });
    const stored = async () => (await sql<{ d: string | null }>`SELECT next_due::text AS d FROM cases WHERE id = ${id}`.execute(t.deps.db)).rows[0]!.d;
    const view = await clerk.get(`/api/cases/${id}`);
    const open = (view.body.data.deadlines as { due: string; status: string }[]).filter((d) => d.status !== 'met').map((d) => d.due).sort();
    expect(open.length).toBeGreaterThan(0);
    expect(await stored()).toBe(open[0]);
    await ok(clerk, id, 'accept');
    await ok(hbAdmin, id, 'assign', { handlerId: await userId(t, 'wh_handler') });
    expect(await drifted()).toEqual([]);
    const declined = await register(clerk, { summary: '时限索引 乙' });
    await ok(clerk, declined, 'decline', { reason: '不属于援助范围' });
    expect((await sql<{ d: string | null }>`SELECT next_due::text AS d FROM cases WHERE id = ${declined}`.execute(t.deps.db)).rows[0]!.d).toBeNull();
    expect(await drifted()).toEqual([]);
  });

  it('orders the work queue: nearest stored deadline first, cases without one last', async () => {
    const r = await hbAdmin.get('/api/cases?page=1&pageSize=100&sort=deadline');
    expect(r.status).toBe(200);
    const dues = (r.body.data as { nextDue: string | null }[]).map((c) => c.nextDue);
    const firstNull = dues.indexOf(null);
    const dated = (firstNull < 0 ? dues : dues.slice(0, firstNull)) as string[];
    expect(dated.length).toBeGreaterThan(0);
    expect(dated).toEqual([...dated].sort());
    if (firstNull >= 0) expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
  });
});

describe('the capped count', () => {
  it('counts exactly below the cap, the same cases the path scope lists', async () => {
    const r = await hbAdmin.get('/api/cases?page=1&pageSize=5');
    const byPath = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c
      WHERE c.state <> 'draft' AND c.institution_path <@ (SELECT path FROM institutions WHERE id = (
        SELECT institution_id FROM role_assignments WHERE user_id = ${await userId(t, 'hb_admin')} LIMIT 1))`.execute(t.deps.db);
    expect(r.body.totalCapped).toBe(false);
    expect(r.body.total).toBe(byPath.rows[0]!.n);
    expect(r.body.data).toHaveLength(5);
  });

  it('stops at the cap and says so', async () => {
    const user = await t.deps.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'hb_admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: user.id, kind: 'staff', displayName: user.display_name, sessionId: 'test', grants: await loadGrants(t.deps, user.id) };
    const today = toCstDate(t.clock.now());
    const all = await listCases(t.deps.db, actor, { sort: 'deadline' }, today, 1, 5);
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThan(3);
    const capped = await listCases(t.deps.db, actor, { sort: 'deadline' }, today, 1, 5, 3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(COUNT_CAP).toBe(10_000);
  });
});
