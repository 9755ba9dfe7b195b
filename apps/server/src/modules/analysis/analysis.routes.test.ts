import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { institutionOf, multipart } from '../events/events.test-support.ts';

let t: TestApp;
let admin: TestClient;
let handler: TestClient;
let clerk: TestClient;
let yc: TestClient;
let wh: string;
beforeAll(async () => {
  t = await createTestApp();
  [admin, handler, clerk, yc] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('wh_clerk'), t.login('yc_handler')]);
  wh = await institutionOf(t, 'wh_handler');
}, 120_000);
afterAll(() => t.close());

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

describe('analysis projects (分析预警)', () => {
  let id: string;
  it('creates a project with its team, purpose and subject; an overseas subject needs the country', async () => {
    const staff = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow();
    const expert = await t.deps.db.selectFrom('experts').select('id').where('institution_path', '<@', (await t.deps.db.selectFrom('institutions').select('path').where('id', '=', wh).executeTakeFirstOrThrow()).path).executeTakeFirst();
    const body = {
      institutionId: wh, title: '光通信器件产业专利导航', commissionerKind: 'government', commissioner: '武汉东湖新技术开发区管委会', subjectKind: 'overseas_country',
      subject: '美国光通信市场', kind: 'freedom_to_operate', purpose: 'trade', staffIds: [staff.id], expertIds: expert ? [expert.id] : [],
      partnerAgency: '某专利代理事务所', startsOn: '2026-03-01', dueOn: '2026-06-30',
    };
    const noCountry = await handler.post('/api/analysis-projects', body);
    expect(noCountry.status).toBe(400);
    expect(noCountry.raw).toContain('country');
    const r = await handler.post('/api/analysis-projects', { ...body, country: 'us' });
    expect(r.status, r.raw).toBe(201);
    id = r.body.data.id;
    expect(r.body.data).toMatchObject({ country: 'US', purpose: 'trade', kind: 'freedom_to_operate', status: 'in_progress', reportVersion: 0 });
    expect(r.body.data.team.staff.map((s: { name: string }) => s.name)).toEqual(['张伟（承办）']);
    const outsider = await handler.post('/api/analysis-projects', { ...body, country: 'US', staffIds: [(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'yc_handler').executeTakeFirstOrThrow()).id] });
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.field).toBe('staffIds');
  });

  it('keeps milestones and every version of the deliverable report', async () => {
    const m = await handler.post(`/api/analysis-projects/${id}/milestones`, { title: '检索式确定', dueOn: '2026-04-15' });
    expect(m.status, m.raw).toBe(201);
    const done = await handler.post(`/api/analysis-projects/${id}/milestones/${m.body.data.milestones[0].id}/done`, { doneOn: '2026-04-10' });
    expect(done.body.data.milestones[0]).toMatchObject({ title: '检索式确定', doneOn: '2026-04-10' });
    const v1 = await multipart(handler, `/api/analysis-projects/${id}/reports`, [{ name: '报告初稿.pdf', type: 'application/pdf', data: pdf('v1') }], { note: '初稿' });
    expect(v1.status, v1.raw).toBe(201);
    const v2 = await multipart(handler, `/api/analysis-projects/${id}/reports`, [{ name: '报告终稿.pdf', type: 'application/pdf', data: pdf('v2') }]);
    expect(v2.status, v2.raw).toBe(201);
    expect(v2.body.data.reports.map((x: { version: number; name: string }) => [x.version, x.name])).toEqual([[2, '报告终稿.pdf'], [1, '报告初稿.pdf']]);
    expect(v2.body.data.reportVersion).toBe(2);
    const first = await handler.get(`/api/analysis-projects/${id}/reports/${v2.body.data.reports[1].id}`);
    expect(first.status).toBe(200);
    expect(first.raw).toContain('% v1');
    const noFile = await multipart(handler, `/api/analysis-projects/${id}/reports`, [], { note: 'x' });
    expect(noFile.status).toBe(400);
  });

  it('updates with a version, filters the list, and is scoped', async () => {
    const cur = (await handler.get(`/api/analysis-projects/${id}`)).body.data;
    expect((await handler.patch(`/api/analysis-projects/${id}`, { version: cur.version + 1, status: 'delivered' })).status).toBe(409);
    const ok = await handler.patch(`/api/analysis-projects/${id}`, { version: cur.version, status: 'delivered' });
    expect(ok.status, ok.raw).toBe(200);
    expect((await admin.get('/api/analysis-projects?purpose=trade&status=delivered')).body.data.map((p: { id: string }) => p.id)).toContain(id);
    expect((await admin.get('/api/analysis-projects?purpose=investment')).body.data.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await clerk.get(`/api/analysis-projects/${id}`)).status).toBe(200);
    expect((await clerk.patch(`/api/analysis-projects/${id}`, { version: 1, status: 'closed' })).status).toBe(403);
    expect((await yc.get(`/api/analysis-projects/${id}`)).status).toBe(404);
  });
});
