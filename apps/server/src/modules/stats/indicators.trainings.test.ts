import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeInstitution } from './stats.test-support.ts';

/** Trainings and publicity indicators on a hand-made set under a fresh institution P (figures counted by hand). */
let t: TestApp;
let sup: TestClient;
let P: { id: string; path: string };

async function training(state: string, startsAt: string, checkedIn: number, headCount: number | null) {
  const starts = new Date(startsAt);
  const row = await t.deps.db.insertInto('trainings').values({
    institution_id: P.id, institution_path: P.path, title: `统计培训${state}`, summary: null, topics: ['ip_basics'], audience: null, mode: 'offline', place: '会议室',
    online_url: null, starts_at: starts, ends_at: new Date(starts.getTime() + 3600_000), organiser: 'P', co_organisers: [], capacity: null, state: state as 'held',
    checkin_token: crypto.randomBytes(18).toString('base64url'), head_count: headCount, created_by: null, published_at: starts, updated_at: starts,
  }).returning('id').executeTakeFirstOrThrow();
  for (let k = 0; k < checkedIn + 1; k++) {
    const phone = `1350000${String(k).padStart(4, '0')}`;
    await t.deps.db.insertInto('training_registrations').values({
      training_id: row.id, name: `人${k}`, phone_enc: t.deps.secrets.encrypt(phone), phone_hmac: t.deps.secrets.hmac(phone), phone_masked: '135****0000', organisation: null,
      code: `C${String(k).padStart(5, '0')}`, status: 'confirmed', checked_in_at: k < checkedIn ? starts : null, checked_in_via: k < checkedIn ? 'qr' : null,
      reminded_at: null, created_at: starts, updated_at: starts,
    }).execute();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  P = await makeInstitution(t, '湖北省知识产权维权援助中心', '培训统计测试中心', '420100');
  await training('held', '2026-03-10T02:00:00Z', 3, null); // 3 check-ins, one registered absent
  await training('closed', '2026-04-26T02:00:00Z', 5, 200); // a head count overrides the 5 check-ins
  await training('published', '2026-05-10T02:00:00Z', 0, null); // not held: not counted
  await training('closed', '2025-11-10T02:00:00Z', 2, null); // last year
  for (const [d, p] of [['2026-04-26', 100], ['2026-04-27', 50]] as const) {
    await t.deps.db.insertInto('outreach_activities').values({
      institution_id: P.id, institution_path: P.path, name: `宣传${d}`, held_on: d, kind: 'ip_day', channel: 'on_site', reach_people: p, reach_views: 1000, notes: null, created_by: null, updated_at: new Date(),
    }).execute();
  }
  sup = await t.login('hb_supervisor');
});
afterAll(() => t?.close());

describe('training and publicity indicators', () => {
  it('count sessions and attendances (head count where recorded) with last year alongside', async () => {
    const r = await sup.get(`/api/stats/summary?period=2026&institutionId=${P.id}`);
    expect(r.status, r.raw).toBe(200);
    const f = Object.fromEntries(r.body.data.map((x: { id: string }) => [x.id, x]));
    expect(f['trainings.sessions']).toMatchObject({ value: 2, previous: 1, yoy: 100 });
    expect(f['trainings.attendances']).toMatchObject({ value: 203, previous: 2 });
    expect(f['outreach.activities']).toMatchObject({ value: 2, previous: 0 });
    expect(f['outreach.reach_people']!.value).toBe(150);
  });

  it('break down by month, and are not applicable to a cut by IP type', async () => {
    const r = await sup.get(`/api/stats/breakdown?period=2026&indicator=trainings.sessions&by=month&institutionId=${P.id}`);
    expect(r.status, r.raw).toBe(200);
    const byMonth = Object.fromEntries(r.body.data.map((x: { key: string; value: number }) => [x.key, x.value]));
    expect([byMonth['2026-03'], byMonth['2026-04'], byMonth['2026-05']]).toEqual([1, 1, 0]);
    const typed = await sup.get(`/api/stats/summary?period=2026&institutionId=${P.id}&ipType=patent`);
    expect(typed.body.data.map((x: { id: string }) => x.id)).not.toContain('trainings.sessions');
  });
});
