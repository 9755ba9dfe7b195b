import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let reviewer: TestClient;
let handler: TestClient;
let yichang: TestClient;
let applicant: TestClient;
let wh: string;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.login('wh_reviewer');
  handler = await t.login('wh_handler');
  yichang = await t.login('yc_handler');
  applicant = await t.login('applicant@example.com');
  wh = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const alert = (over: Record<string, unknown> = {}) => ({
  institutionId: wh, title: '美国 337 调查涉及光通信器件', countries: ['US'], industries: ['manufacturing'], riskKind: 'litigation',
  body: '近期美国国际贸易委员会对多家光通信器件企业发起 337 调查。', advice: '梳理出口产品专利风险，及早委托律师评估，必要时申请应诉指导。', source: '国家海外知识产权纠纷应对指导中心', ...over,
});

describe('risk alerts', () => {
  it('an applicant subscribes by country and industry; bad input names the field', async () => {
    const empty = await applicant.put('/api/portal/alert-subscription', { countries: [], industries: [] });
    expect([empty.status, empty.raw.includes('countries')]).toEqual([400, true]);
    expect((await applicant.put('/api/portal/alert-subscription', { countries: ['usa'], industries: [] })).status).toBe(400);
    const ok = await applicant.put('/api/portal/alert-subscription', { countries: ['us', 'DE'], industries: ['manufacturing'] });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ countries: ['US', 'DE'], industries: ['manufacturing'], email: true });
    expect((await handler.put('/api/portal/alert-subscription', { countries: ['US'], industries: [] })).status).toBe(403);
  });

  it('publishing reaches matching subscribers in-app and by e-mail; deliveries and reads are counted', async () => {
    const other = (await reviewer.post('/api/alerts', alert({ title: '日本展会投诉风险', countries: ['JP'] }))).body.data;
    const hit = await reviewer.post('/api/alerts', alert());
    expect(hit.status).toBe(201);
    expect(hit.body.abilities.publish).toBe(true);
    const id = hit.body.data.id;
    expect((await t.anon().get(`/api/portal/alerts/${id}`)).status).toBe(404);
    expect((await handler.post(`/api/alerts/${id}/publish`)).status).toBe(403);
    expect((await reviewer.post(`/api/alerts/${other.id}/publish`)).body.data.reach).toEqual({ delivered: 0, read: 0 });
    const pub = await reviewer.post(`/api/alerts/${id}/publish`);
    expect(pub.body.data).toMatchObject({ state: 'published', reach: { delivered: 1, read: 0 } });
    expect((await reviewer.post(`/api/alerts/${id}/publish`)).status).toBe(409);
    await t.drainJobs();
    expect(t.sent.some((m) => m.channel === 'email' && m.body.includes('美国 337 调查涉及光通信器件'))).toBe(true);
    const mine = (await applicant.get('/api/notifications')).body.data as { id: string; kind: string; title: string; link: string }[];
    const n = mine.find((x) => x.link === `/alerts/${id}`);
    expect(n).toMatchObject({ kind: 'risk_alert', title: expect.stringContaining('美国 337') });
    expect(mine.filter((x) => x.link === `/alerts/${id}`)).toHaveLength(1);
    expect(mine.some((x) => x.link === `/alerts/${other.id}`)).toBe(false);
    await applicant.post(`/api/notifications/${n!.id}/read`);
    expect((await handler.get(`/api/alerts/${id}`)).body.data.reach).toEqual({ delivered: 1, read: 1 });
    expect((await t.anon().get('/api/portal/alerts')).body.data.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('keeps to the institution subtree', async () => {
    const id = (await reviewer.post('/api/alerts', alert({ title: '仅武汉可见' }))).body.data.id;
    expect((await yichang.get(`/api/alerts/${id}`)).status).toBe(404);
    expect((await yichang.get('/api/alerts')).body.data.map((x: { id: string }) => x.id)).not.toContain(id);
  });
});
