import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFor, systemScope } from '../../authz/can.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { approvedQaProposals } from './qa-proposals.ts';

let t: TestApp;
let applicant: TestClient;
let clerk: TestClient;
let reviewer: TestClient;
let yc: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [applicant, clerk, reviewer, yc] = await Promise.all(['applicant@example.com', 'wh_clerk', 'wh_reviewer', 'yc_handler'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('online consultations', () => {
  let id: string;

  it('the applicant asks; it reaches the competent institution’s queue of unanswered questions', async () => {
    const r = await applicant.post('/api/portal/consultations', { regionCode: '420106', topic: 'evidence', ipType: 'copyright', question: '我的摄影作品被网站盗用，如何取证？' });
    expect(r.status).toBe(201);
    id = r.body.data.id;
    expect(r.body.data).toMatchObject({ status: 'open', institution: '武汉市知识产权维权援助中心' });
    const queue = await clerk.get('/api/consultations?status=open');
    expect(queue.body.data.map((x: { id: string }) => x.id)).toContain(id);
    expect((await yc.get('/api/consultations?status=open')).body.data.map((x: { id: string }) => x.id)).not.toContain(id);
  });

  it('staff answer; the asker is notified in-app and by e-mail, and reads the answer in the thread', async () => {
    const a = await clerk.post(`/api/consultations/${id}/answer`, { answer: '请对网页做可信时间戳或公证取证，并保留原图。' });
    expect(a.status).toBe(200);
    expect(a.body.data.status).toBe('answered');
    const notes = await applicant.get('/api/notifications');
    const n = notes.body.data.find((x: { link: string }) => x.link === `/my/consultations/${id}`);
    expect(n?.title).toBe('您的咨询已答复');
    expect(await t.drainJobs()).toBeGreaterThan(0);
    expect(t.sent.some((m) => m.to === 'applicant@example.com' && m.subject.includes('咨询已答复'))).toBe(true);
    const view = await applicant.get(`/api/portal/consultations/${id}`);
    expect(view.body.data.messages.map((m: { author: string }) => m.author)).toEqual(['asker', 'staff']);
    expect(JSON.stringify(view.body.data)).not.toContain('王芳');
  });

  it('the asker follows up in the same thread, which goes back to the queue; nobody else reaches it', async () => {
    const f = await applicant.post(`/api/portal/consultations/${id}/messages`, { body: '公证费用大概多少？' });
    expect(f.status).toBe(200);
    expect(f.body.data.status).toBe('open');
    expect(f.body.data.messages).toHaveLength(3);
    expect((await clerk.get('/api/consultations?status=open')).body.data.map((x: { id: string }) => x.id)).toContain(id);
    expect((await clerk.get(`/api/portal/consultations/${id}`)).status).toBe(404);
    expect((await clerk.post(`/api/portal/consultations/${id}/messages`, { body: 'x' })).status).toBe(403);
    const mine = await applicant.get('/api/portal/consultations');
    expect(mine.body.data.some((x: { id: string }) => x.id === id)).toBe(true);
  });

  it('one click turns it into a case carrying the data over, once', async () => {
    const r = await clerk.post(`/api/consultations/${id}/case`, {});
    expect(r.status).toBe(201);
    const k = await t.deps.db.selectFrom('cases').selectAll().where('id', '=', r.body.data.caseId).executeTakeFirstOrThrow();
    expect(k).toMatchObject({
      consultation_id: id, state: 'submitted', channel: 'online', ip_type: 'copyright', region_code: '420106', summary: '我的摄影作品被网站盗用，如何取证？',
      services: ['infringement_opinion'],
    });
    expect(k.case_number).toMatch(/^WH-/);
    expect(k.applicant_user_id).not.toBeNull();
    expect((await applicant.get('/api/portal/cases')).body.data.some((c: { id: string }) => c.id === k.id)).toBe(true);
    expect((await clerk.get(`/api/consultations/${id}`)).body.data.case.id).toBe(k.id);
    const again = await clerk.post(`/api/consultations/${id}/case`, {});
    expect(again.status).toBe(409);
  });

  it('a desk consultation without an IP type names the field it needs', async () => {
    const c = await clerk.post('/api/consultations', { channel: 'hotline', topic: 'other', question: '你们收费吗？', answer: '不收费。' });
    const r = await clerk.post(`/api/consultations/${c.body.data.id}/case`, {});
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('ipType');
  });
});

describe('featured Q&A proposals', () => {
  it('are de-identified, returned with a reason, approved, and then wait for publication', async () => {
    const c = await clerk.post('/api/consultations', {
      channel: 'hotline', topic: 'procedures', ipType: 'trademark', askerName: '陈晓东', askerContact: 'cxd@example.com',
      question: '我是陈晓东，电话13812345678，商标快到期了怎么续展？', answer: '陈晓东您好，期满前十二个月内可以办理续展，另有六个月宽展期。',
    });
    const p = await clerk.post(`/api/consultations/${c.body.data.id}/qa-proposals`, {});
    expect(p.status).toBe(201);
    expect(p.body.data.removed).toMatchObject({ phone: 1, name: 2 });
    expect((await clerk.post(`/api/consultations/${c.body.data.id}/qa-proposals`, {})).status).toBe(409);
    const list = await reviewer.get('/api/qa-proposals?status=proposed');
    const mine = list.body.data.find((x: { id: string }) => x.id === p.body.data.id);
    expect(mine.question).toBe('我是某某，电话[电话]，商标快到期了怎么续展？');
    expect(mine.answer).not.toContain('陈晓东');

    expect((await clerk.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await yc.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'approve' })).status).toBe(403);
    const noReason = await reviewer.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'return' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.field).toBe('comment');
    expect((await reviewer.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await reviewer.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'return', comment: 'x' })).status).toBe(409);

    const all = await approvedQaProposals(t.deps.db, systemScope());
    expect(all.map((x) => x.id)).toContain(p.body.data.id);
    const ycUser = { userId: 'x', kind: 'staff' as const, displayName: 'x', sessionId: 'x', grants: [] };
    expect(await approvedQaProposals(t.deps.db, scopeFor(ycUser, 'consultation.read'))).toEqual([]);
  });
});
