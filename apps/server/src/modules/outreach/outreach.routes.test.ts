import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let handler: TestClient;
let yichang: TestClient;
let wh: string;

beforeAll(async () => {
  t = await createTestApp();
  handler = await t.login('wh_handler');
  yichang = await t.login('yc_handler');
  wh = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('publicity activities', () => {
  it('records an activity with its reach, sums the reach, keeps to the subtree, exports', async () => {
    const bad = await handler.post('/api/outreach', { institutionId: wh, name: '4·26 宣传周', heldOn: '2026-4-26', kind: 'ip_day', channel: 'on_site' });
    expect([bad.status, bad.raw.includes('heldOn')]).toEqual([400, true]);
    const before = (await handler.get('/api/outreach?year=2026')).body;
    const ycBefore = (await yichang.get('/api/outreach')).body.total;
    const a = await handler.post('/api/outreach', { institutionId: wh, name: '4·26 知识产权宣传周进社区', heldOn: '2026-04-26', kind: 'ip_day', channel: 'on_site', reachPeople: 800 });
    const b = await handler.post('/api/outreach', { institutionId: wh, name: '维权援助微信推文', heldOn: '2026-04-27', kind: 'campaign', channel: 'wechat', reachViews: 12000 });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.data).toMatchObject({ heldOn: '2026-04-26', kind: 'ip_day', reachPeople: 800 });
    const list = await handler.get('/api/outreach?year=2026');
    expect(list.body.total).toBe(before.total + 2);
    expect(list.body.reach).toEqual({ people: before.reach.people + 800, views: before.reach.views + 12000 });
    expect((await handler.patch(`/api/outreach/${a.body.data.id}`, { reachPeople: 950 })).body.data.reachPeople).toBe(950);
    const yc = (await yichang.get('/api/outreach')).body;
    expect(yc.total).toBe(ycBefore);
    expect(yc.data.map((x: { id: string }) => x.id)).not.toContain(a.body.data.id);
    expect((await yichang.patch(`/api/outreach/${a.body.data.id}`, { reachPeople: 1 })).status).toBe(404);
    const x = await t.app.inject({ method: 'GET', url: '/api/outreach/export.xlsx', headers: { cookie: handler.cookie! } });
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
