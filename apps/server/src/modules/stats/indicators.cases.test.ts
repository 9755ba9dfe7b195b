import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/client.ts';
import { makeCase, makeInstitution, type HandCase } from './stats.test-support.ts';

/**
 * Ten hand-made cases under a fresh parent P with two children A (武汉, 420100) and B (宜昌, 420500).
 * The expected figures below were counted by hand from this list.
 */
const cases: HandCase[] = [
  // c1 accepted in 2025, concluded in 2026: 2025's received and accepted, 2026's concluded. Never rated; no deadline row.
  { at: 'A', state: 'concluded', submitted: '2025-12-20T02:00:00Z', accepted: '2025-12-28T02:00:00Z', concluded: '2026-01-10T02:00:00Z' },
  // c2 overseas, trademark, online, small enterprise, fast track, on time, rated 5 on the portal; two services.
  { at: 'A', state: 'archived', submitted: '2026-03-01T02:00:00Z', accepted: '2026-03-02T02:00:00Z', concluded: '2026-04-01T02:00:00Z',
    overseas: true, ipType: 'trademark', channel: 'online', size: 'small', track: 'fast', handlingLate: false, portalScore: 5, services: ['consultation', 'mediation'] },
  // c3 accepted at A, transferred to B, accepted there: counted once, at B.
  { at: 'B', state: 'in_progress', submitted: '2026-05-01T02:00:00Z', accepted: '2026-05-02T02:00:00Z',
    events: [['accept', '2026-05-02T02:00:00Z'], ['transfer', '2026-05-05T02:00:00Z'], ['acceptTransfer', '2026-05-10T02:00:00Z']] },
  // c4 declined.
  { at: 'A', state: 'declined', submitted: '2026-06-01T02:00:00Z', events: [['decline', '2026-06-03T02:00:00Z']] },
  // c5 withdrawn after acceptance.
  { at: 'A', state: 'withdrawn', submitted: '2026-07-01T02:00:00Z', accepted: '2026-07-02T02:00:00Z', events: [['accept', '2026-07-02T02:00:00Z'], ['withdraw', '2026-07-05T02:00:00Z']] },
  // c6 withdrawn before acceptance.
  { at: 'B', state: 'withdrawn', submitted: '2026-08-01T02:00:00Z', events: [['withdraw', '2026-08-02T02:00:00Z']] },
  // c7 concluded late, rated 3 at the follow-up visit.
  { at: 'B', state: 'concluded', submitted: '2026-08-10T02:00:00Z', accepted: '2026-08-15T02:00:00Z', concluded: '2026-09-10T02:00:00Z', handlingLate: true, followUpScore: 3 },
  // c8 a draft: never counted.
  { at: 'A', state: 'draft' },
  // c9 submitted 2025-12-31 16:30 UTC = 2026-01-01 00:30 in Beijing: a 2026 application.
  { at: 'A', state: 'accepted', submitted: '2025-12-31T16:30:00Z', accepted: '2026-01-02T02:00:00Z' },
  // c10 referred twice: one referred case.
  { at: 'A', state: 'referred', submitted: '2026-01-30T02:00:00Z', accepted: '2026-02-01T02:00:00Z',
    events: [['refer', '2026-02-05T02:00:00Z'], ['recordReferralFeedback', '2026-02-20T02:00:00Z'], ['refer', '2026-03-01T02:00:00Z']] },
];

let t: TestApp;
let sup: TestClient;
const inst: Record<string, { id: string; path: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '统计测试中心', '420000');
  const pName = '统计测试中心';
  inst.A = await makeInstitution(t, pName, '统计测试武汉点', '420100');
  inst.B = await makeInstitution(t, pName, '统计测试宜昌点', '420500');
  for (const c of cases) await makeCase(t, inst, c);
  sup = await t.login('hb_supervisor');
});
afterAll(() => t?.close());

async function figures(query: string): Promise<Record<string, { value: number | null; previous: number | null; yoy: number | null }>> {
  const r = await sup.get(`/api/stats/summary?${query}`);
  expect(r.status, r.raw).toBe(200);
  return Object.fromEntries(r.body.data.map((x: { id: string }) => [x.id, x]));
}

describe('case indicators on a hand-counted data set', () => {
  it('counts 2026 in the subtree with last year alongside', async () => {
    const f = await figures(`period=2026&institutionId=${inst.P.id}`);
    expect(f['cases.received']).toMatchObject({ value: 8, previous: 1, yoy: 700 });
    expect(f['cases.accepted']).toMatchObject({ value: 6, previous: 1 });
    expect(f['cases.concluded']).toMatchObject({ value: 3, previous: 0, yoy: null });
    expect(f['cases.declined']!.value).toBe(1);
    expect(f['cases.withdrawn']!.value).toBe(2);
    expect(f['cases.domestic']!.value).toBe(5);
    expect(f['cases.overseas']!.value).toBe(1);
    expect(f['cases.sme']!.value).toBe(1);
    expect(f['cases.transfers_in']!.value).toBe(1);
    expect(f['cases.referred']!.value).toBe(1);
    expect(f['cases.fast_track']!.value).toBe(1);
    expect(f['cases.on_time_rate']!.value).toBe(50);
    expect(f['cases.satisfaction_rate']!.value).toBe(50);
    expect(f['network.institutions']!.value).toBe(3);
  });

  it('counts a transferred case once, at the receiving institution', async () => {
    const a = await figures(`period=2026&institutionId=${inst.A.id}`);
    const b = await figures(`period=2026&institutionId=${inst.B.id}`);
    expect(a['cases.accepted']!.value).toBe(4); // c2 c5 c9 c10
    expect(b['cases.accepted']!.value).toBe(2); // c3 c7
    expect(a['cases.transfers_in']!.value).toBe(0);
    expect(b['cases.transfers_in']!.value).toBe(1);
  });

  it('cuts by quarter, month and filters', async () => {
    expect((await figures(`period=2026-Q1&institutionId=${inst.P.id}`))['cases.accepted']!.value).toBe(3); // c9 c10 c2
    expect((await figures(`period=2026-01&institutionId=${inst.P.id}`))['cases.received']!.value).toBe(2); // c9 c10
    expect((await figures(`period=2026&institutionId=${inst.P.id}&ipType=trademark`))['cases.accepted']!.value).toBe(1);
    expect((await figures(`period=2026&institutionId=${inst.P.id}&channel=online`))['cases.accepted']!.value).toBe(1);
    expect((await figures(`period=2026&institutionId=${inst.P.id}&service=mediation`))['cases.accepted']!.value).toBe(1);
    expect((await figures(`period=2026&institutionId=${inst.P.id}&regionCode=420500`))['cases.accepted']!.value).toBe(2);
    const filtered = await figures(`period=2026&institutionId=${inst.P.id}&ipType=patent`);
    expect(filtered['network.institutions']).toBeUndefined(); // not applicable: institutions have no IP type
  });

  it('breaks down by month (with last year), city and service', async () => {
    const q = `period=2026&institutionId=${inst.P.id}&indicator=cases.accepted`;
    const month = (await sup.get(`/api/stats/breakdown?${q}&by=month`)).body.data;
    expect(month).toHaveLength(12);
    expect(month.map((m: { value: number }) => m.value)).toEqual([1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0]);
    expect(month[11].previous).toBe(1); // c1, December 2025
    const city = (await sup.get(`/api/stats/breakdown?${q}&by=city`)).body.data;
    expect(city).toEqual([{ key: '420100', label: '武汉市', value: 4 }, { key: '420500', label: '宜昌市', value: 2 }]);
    const service = (await sup.get(`/api/stats/breakdown?${q}&by=service`)).body.data;
    expect(service.map((s: { key: string; value: number }) => [s.key, s.value])).toEqual([['consultation', 6], ['mediation', 1]]);
  });

  it('lists the records behind a figure, and stays inside the scope', async () => {
    const r = await sup.get(`/api/stats/records?period=2026&institutionId=${inst.P.id}&indicator=cases.concluded`);
    expect(r.body.data).toHaveLength(3);
    const yc = await t.login('yc_handler');
    expect((await yc.get(`/api/stats/summary?period=2026&institutionId=${inst.P.id}`)).status).toBe(404);
    const own = await yc.get('/api/stats/summary?period=2026');
    const accepted = own.body.data.find((x: { id: string }) => x.id === 'cases.accepted');
    const all = await figures('period=2026');
    expect(accepted.value).toBeLessThan(all['cases.accepted']!.value!);
  });

  it('answers a bad period or indicator with a named field, never a 500', async () => {
    const bad = await sup.get('/api/stats/summary?period=2026-13');
    expect(bad.status).toBe(400);
    const unknown = await sup.get('/api/stats/breakdown?period=2026&indicator=nope&by=month');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('indicator');
  });
});
