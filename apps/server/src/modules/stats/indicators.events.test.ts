import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeCase, makeInstitution } from './stats.test-support.ts';

/**
 * Hand-made rows under a fresh parent P with children A (武汉) and B (宜昌): three events (one in 2025), complaints
 * and desk consultations on days of them, four analysis projects. The figures below were counted from this list.
 */
let t: TestApp;
let sup: TestClient;
const inst: Record<string, { id: string; path: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '驻场统计测试中心', '420000');
  inst.A = await makeInstitution(t, '驻场统计测试中心', '驻场统计武汉点', '420100');
  inst.B = await makeInstitution(t, '驻场统计测试中心', '驻场统计宜昌点', '420500');
  const db = t.deps.db;
  const event = async (at: string, startsOn: string, endsOn: string) => (await db.insertInto('onsite_events').values({
    institution_id: inst[at].id, institution_path: inst[at].path, name: `统计展会${startsOn}`, kind: 'exhibition', venue: '馆', starts_on: startsOn, ends_on: endsOn,
    organiser: '主办', expected_exhibitors: null, pre_training: null, notes: null, created_by: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const e2025 = await event('A', '2025-12-30', '2026-01-02'); // counts in 2025 (its first day)
  const eA = await event('A', '2026-03-06', '2026-03-08');
  const eB = await event('B', '2026-09-20', '2026-09-21');
  const complaint = async (eventId: string, at: string, takenOn: string) => {
    const caseId = await makeCase(t, inst, { at, state: 'submitted', submitted: `${takenOn}T02:00:00Z`, channel: 'exhibition', track: 'fast' });
    await db.insertInto('onsite_complaints').values({ event_id: eventId, case_id: caseId, booth: 'A1', respondent: '某公司', ip_type: 'patent', ip_number: null, taken_on: takenOn, created_by: null }).execute();
  };
  await complaint(e2025, 'A', '2026-01-02'); // the 2025 event's complaint on 2 January 2026 counts in 2026
  await complaint(eA, 'A', '2026-03-07');
  await complaint(eA, 'A', '2026-03-07');
  await complaint(eB, 'B', '2026-09-20');
  for (const [eventId, onDate, count] of [[eA, '2026-03-06', 12], [eA, '2026-03-07', 5], [eB, '2026-09-21', 7], [e2025, '2025-12-31', 4]] as const) {
    await db.insertInto('onsite_consultations').values({ event_id: eventId, on_date: onDate, topic: '咨询', count, created_by: null }).execute();
  }
  for (const [at, startsOn, purpose] of [['A', '2026-02-01', 'trade'], ['A', '2026-05-01', 'public_rnd'], ['B', '2026-05-20', 'trade'], ['B', '2025-11-01', 'investment']] as const) {
    await db.insertInto('analysis_projects').values({
      institution_id: inst[at].id, institution_path: inst[at].path, title: `统计项目${startsOn}`, commissioner_kind: 'enterprise', commissioner: '某企业',
      subject_kind: 'industry', subject: '某产业', country: null, kind: 'patent_landscape', purpose, partner_agency: null, starts_on: startsOn, due_on: null, created_by: null,
    }).execute();
  }
  sup = await t.login('hb_supervisor');
}, 120_000);
afterAll(() => t?.close());

async function figures(query: string) {
  const r = await sup.get(`/api/stats/summary?${query}`);
  expect(r.status, r.raw).toBe(200);
  return Object.fromEntries(r.body.data.map((x: { id: string }) => [x.id, x])) as Record<string, { value: number | null; previous: number | null }>;
}

describe('on-site and analysis indicators on a hand-counted data set', () => {
  it('counts 2026 in the subtree with 2025 alongside', async () => {
    const f = await figures(`period=2026&institutionId=${inst.P.id}`);
    expect(f['events.onsite_services']).toMatchObject({ value: 2, previous: 1 });
    expect(f['events.onsite_complaints']).toMatchObject({ value: 4, previous: 0 });
    expect(f['events.onsite_consultations']).toMatchObject({ value: 24, previous: 4 });
    expect(f['analysis.projects']).toMatchObject({ value: 3, previous: 1 });
    expect(f['analysis.projects_trade']!.value).toBe(2);
    expect(f['analysis.projects_public_rnd']!.value).toBe(1);
    expect(f['analysis.projects_investment']).toMatchObject({ value: 0, previous: 1 });
  });

  it('cuts by institution, quarter and month, and does not apply case-only filters', async () => {
    const b = await figures(`period=2026&institutionId=${inst.B.id}`);
    expect(b['events.onsite_complaints']?.value, JSON.stringify(Object.keys(b))).toBe(1);
    expect((await figures(`period=2026-Q1&institutionId=${inst.P.id}`))['events.onsite_consultations']!.value).toBe(17);
    const q = `period=2026&institutionId=${inst.P.id}&indicator=analysis.projects`;
    const month = (await sup.get(`/api/stats/breakdown?${q}&by=month`)).body.data;
    expect(month.map((m: { value: number }) => m.value)).toEqual([0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    const city = (await sup.get(`/api/stats/breakdown?${q}&by=city`)).body.data;
    expect(city).toEqual([{ key: '420100', label: '武汉市', value: 2 }, { key: '420500', label: '宜昌市', value: 1 }]);
    expect((await figures(`period=2026&institutionId=${inst.P.id}&ipType=patent`))['events.onsite_services']).toBeUndefined(); // not applicable to a cut by IP type
  });

  it('stays inside the scope', async () => {
    const yc = await t.login('yc_handler');
    expect((await yc.get(`/api/stats/summary?period=2026&institutionId=${inst.P.id}`)).status).toBe(404);
    const r = await yc.get('/api/stats/summary?period=2026');
    const f = Object.fromEntries(r.body.data.map((x: { id: string; value: number | null }) => [x.id, x.value]));
    const ycPath = (await t.deps.db.selectFrom('institutions').select((eb) => eb.cast<string>('path', 'text').as('p')).where('name', '=', '宜昌市知识产权维权援助中心').executeTakeFirstOrThrow()).p;
    const own = await t.deps.db.selectFrom('analysis_projects').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('institution_path', '<@', ycPath).where('starts_on', '>=', '2026-01-01').where('starts_on', '<', '2027-01-01').executeTakeFirstOrThrow();
    expect(f['analysis.projects']).toBe(Number(own.n));
  });
});
