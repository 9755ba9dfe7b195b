import { sql } from 'kysely';
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
    expect((await reviewer.post(`/api/alerts/${other.id}/publish`)).body.data.reach).toMatchObject({ delivered: 0, read: 0 });
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
    expect((await handler.get(`/api/alerts/${id}`)).body.data.reach).toMatchObject({ delivered: 1, read: 1 });
    expect((await t.anon().get('/api/portal/alerts')).body.data.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('reaches the key enterprises it concerns through their liaison officers, and logs it with each enterprise', async () => {
    const db = t.deps.db;
    const ids = async (name: string) => db.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path')]).where('name', '=', name).executeTakeFirstOrThrow();
    const whInst = await ids('武汉市知识产权维权援助中心');
    const ycInst = await ids('宜昌市知识产权维权援助中心');
    const liaison = (await db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow()).id;
    const put = async (name: string, inst: { id: string; path: string }, industry: string, tags: string[], creditCode: string) =>
      (await db.insertInto('key_enterprises').values({
        institution_id: inst.id, institution_path: inst.path, name, credit_code: creditCode, industry, tags, liaison_user_id: liaison, status: 'active',
      }).returning('id').executeTakeFirstOrThrow()).id;
    const exporter = await put('预警测试光电出口公司', whInst, 'biomedicine', ['exporter'], '91420100MA4K5T2Q3Q');
    const domesticOnly = await put('预警测试内销公司', whInst, 'biomedicine', ['specialised_innovative'], '91420100MA4K5T2Q4Q');
    const elsewhere = await put('预警测试宜昌出口公司', ycInst, 'biomedicine', ['exporter'], '91420500MA4K5T2Q3Q');
    const id = (await reviewer.post('/api/alerts', alert({ title: '德国展会生物医药专利风险', countries: ['DE'], industries: ['biomedicine'] }))).body.data.id;
    const pub = await reviewer.post(`/api/alerts/${id}/publish`);
    expect(pub.status).toBe(200);
    const reached = await db.selectFrom('risk_alert_enterprises').select(['enterprise_id', 'notification_id']).where('alert_id', '=', id).execute();
    expect(reached.map((r) => r.enterprise_id)).toContain(exporter);
    expect(reached.map((r) => r.enterprise_id)).not.toContain(domesticOnly);
    expect(reached.map((r) => r.enterprise_id)).not.toContain(elsewhere);
    expect(pub.body.data.reach.enterprises).toBe(reached.length);
    const notes = (await handler.get('/api/notifications')).body.data as { kind: string; body: string }[];
    expect(notes.some((n) => n.kind === 'risk_alert' && n.body.includes('预警测试光电出口公司'))).toBe(true);
    const log = await db.selectFrom('key_enterprise_logs').select(['kind', 'summary', 'service']).where('enterprise_id', '=', exporter).execute();
    expect(log).toEqual([{ kind: 'service', service: 'risk_alert', summary: '推送风险预警《德国展会生物医药专利风险》' }]);
  });

  it('keeps to the institution subtree', async () => {
    const id = (await reviewer.post('/api/alerts', alert({ title: '仅武汉可见' }))).body.data.id;
    expect((await yichang.get(`/api/alerts/${id}`)).status).toBe(404);
    expect((await yichang.get('/api/alerts')).body.data.map((x: { id: string }) => x.id)).not.toContain(id);
  });
});
