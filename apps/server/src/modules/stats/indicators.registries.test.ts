import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeInstitution } from './stats.test-support.ts';

/** Registry indicators on a hand-counted set in a fresh subtree: partners with universities and social organisations apart, teams, volunteers, hours. */
let t: TestApp;
let hb: TestClient;
let sup: TestClient;
const inst: Record<string, { id: string; path: string }> = {};
beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '名录统计中心', '420000');
  inst.A = await makeInstitution(t, '名录统计中心', '名录统计武汉点', '420100');
  inst.B = await makeInstitution(t, '名录统计中心', '名录统计宜昌点', '420500');
  [hb, sup] = await Promise.all([t.login('hb_admin'), t.login('hb_supervisor')]);
  const add = async (url: string, body: Record<string, unknown>) => {
    const r = await hb.post(url, body);
    expect(r.status, r.raw).toBe(201);
    return r.body.data as { id: string; version: number };
  };
  await add('/api/partners', { institutionId: inst.A.id, name: '统计高校一', kind: 'university' });
  await add('/api/partners', { institutionId: inst.B.id, name: '统计高校二', kind: 'university' });
  await add('/api/partners', { institutionId: inst.A.id, name: '统计协会', kind: 'industry_association' });
  await add('/api/partners', { institutionId: inst.A.id, name: '统计律所', kind: 'law_firm' });
  await add('/api/partners', { institutionId: inst.B.id, name: '统计法院', kind: 'court' });
  const ended = await add('/api/partners', { institutionId: inst.B.id, name: '统计已终止律所', kind: 'law_firm' });
  expect((await hb.patch(`/api/partners/${ended.id}`, { version: ended.version, status: 'ended' })).status).toBe(200);
  const teamA = await add('/api/volunteer-teams', { institutionId: inst.A.id, name: '统计队一', hostKind: 'university' });
  await add('/api/volunteer-teams', { institutionId: inst.B.id, name: '统计队二', hostKind: 'law_firm' });
  const v1 = await add('/api/volunteers', { institutionId: inst.A.id, teamId: teamA.id, name: '统计志愿者一' });
  const v2 = await add('/api/volunteers', { institutionId: inst.A.id, teamId: teamA.id, name: '统计志愿者二' });
  for (const [v, servedOn, hours] of [[v1, '2026-03-01', 2.5], [v2, '2026-10-31', 4], [v1, '2025-12-31', 8]] as const) {
    expect((await hb.post(`/api/volunteers/${v.id}/hours`, { servedOn, activity: '统计服务', hours })).status).toBe(201);
  }
});
afterAll(() => t?.close());

async function figures(query: string) {
  const r = await sup.get(`/api/stats/summary?${query}`);
  expect(r.status, r.raw).toBe(200);
  return Object.fromEntries(r.body.data.map((x: { id: string; value: number | null }) => [x.id, x.value]));
}

describe('registry indicators', () => {
  it('counts partners with universities and social organisations apart, teams, volunteers and the hours of the period', async () => {
    const f = await figures(`period=2026&institutionId=${inst.P.id}`);
    expect(f['registries.partners']).toBe(5);
    expect(f['registries.universities']).toBe(2);
    expect(f['registries.social_organisations']).toBe(2);
    expect(f['registries.volunteer_teams']).toBe(2);
    expect(f['registries.volunteers']).toBe(2);
    expect(f['registries.volunteer_hours']).toBe(6.5);
    const last = await figures(`period=2025&institutionId=${inst.P.id}`);
    expect(last['registries.volunteer_hours']).toBe(8);
    expect(last['registries.partners']).toBe(0);
  });

  it('breaks down by city and follows the subtree', async () => {
    const r = await sup.get(`/api/stats/breakdown?period=2026&indicator=registries.partners&by=city&institutionId=${inst.P.id}`);
    expect(r.status, r.raw).toBe(200);
    const byCity = Object.fromEntries(r.body.data.map((x: { key: string; value: number }) => [x.key, x.value]));
    expect(byCity).toMatchObject({ 420100: 3, 420500: 2 });
    expect((await figures(`period=2026&institutionId=${inst.B.id}`))['registries.universities']).toBe(1);
  });
});
