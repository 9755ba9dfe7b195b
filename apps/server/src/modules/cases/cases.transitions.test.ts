import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { fire, institutionId, ok, register, userId, WH, YC } from './cases.test-support.ts';

let t: TestApp;
let clerk: TestClient;
let handler: TestClient;
let reviewer: TestClient;
let hbAdmin: TestClient;
let ycHandler: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [clerk, handler, reviewer, hbAdmin, ycHandler] = await Promise.all(
    ['wh_clerk', 'wh_handler', 'wh_reviewer', 'hb_admin', 'yc_handler'].map((u) => t.login(u)),
  );
});
afterAll(() => t.close());

describe('registering a case', () => {
  it('creates a submitted case with a number, a submit event and an acceptance deadline', async () => {
    const r = await clerk.post('/api/cases', (await import('./cases.test-support.ts')).registration());
    expect(r.status).toBe(201);
    const c = r.body.data;
    expect(c.state).toEqual({ value: 'submitted', zh: '已提交', en: 'Submitted' });
    expect(c.caseNumber).toMatch(/^[A-Z0-9]+-2026-\d{6}$/);
    expect(c.institution.name).toBe(WH);
    expect(c.deadlines).toHaveLength(1);
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', status: 'running', startedOn: '2026-11-20', due: '2026-11-27' });
    expect(c.deadlines[0].explanation.zh).toContain('5 个工作日');
    expect(r.body.abilities.events).toEqual(expect.arrayContaining(['accept', 'decline', 'requestSupplement']));
    const tl = await clerk.get(`/api/cases/${c.id}/timeline`);
    expect(tl.body.data.map((e: { event: string }) => e.event)).toEqual(['submit']);
    expect(tl.body.data[0].actor.role).toBe('intake_clerk');
    // the applicant is told (outbox, by the delivery job after commit), by e-mail because an address was given
    await t.drainJobs();
    expect(t.sent.at(-1)?.body).toContain(c.caseNumber);
  });

  it('answers a retried registration with the same Idempotency-Key with the same case', async () => {
    const body = (await import('./cases.test-support.ts')).registration({ summary: '幂等测试' });
    const h = { 'idempotency-key': 'retry-key-0001' };
    const [a, b] = await Promise.all([clerk.request('POST', '/api/cases', body, h), clerk.request('POST', '/api/cases', body, h)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.data.id).toBe(b.body.data.id);
    const n = await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('summary', '=', '幂等测试').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await clerk.request('POST', '/api/cases', { ...body, summary: '另一个' }, h);
    expect(other.status).toBe(422);
  });
});

describe('refusals of the transition endpoint', () => {
  it('409 with the reason for an event the state does not allow', async () => {
    const id = await register(clerk);
    const r = await fire(clerk, id, 'archive');
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'illegal_transition', message: '当前状态“已提交”不能执行“归档”', messageEn: 'A submitted case cannot be archived', state: 'submitted' });
  });

  it('403 for an event the caller has no permission for', async () => {
    const id = await register(clerk);
    const r = await fire(reviewer, id, 'accept');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(r.body.error.message).toContain('受理');
  });

  it('404 outside the caller\'s scope, for reading and for events', async () => {
    const id = await register(clerk);
    expect((await ycHandler.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await fire(ycHandler, id, 'accept')).status).toBe(404);
    expect((await ycHandler.get(`/api/cases/${id}/timeline`)).status).toBe(404);
    expect((await hbAdmin.get(`/api/cases/${id}`)).status).toBe(200);
  });

  it('422 naming the field when a guard fails', async () => {
    const id = await register(clerk);
    const r = await fire(clerk, id, 'decline', {});
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'missing_field', field: 'reason', message: '请填写不予受理的理由' });
    const bad = await fire(clerk, id, 'decline', { reason: 'x', extra: 1 });
    expect(bad.status).toBe(400);
  });

  it('409 on a stale version', async () => {
    const id = await register(clerk);
    const r = await clerk.post(`/api/cases/${id}/transitions`, { event: 'accept', payload: {}, expectedVersion: 1 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('stale_version');
  });
});

describe('concurrency', () => {
  it('lets exactly one of two clerks accepting at once succeed', async () => {
    const id = await register(clerk);
    const clerk2 = await t.login('wh_clerk');
    const [a, b] = await Promise.all([fire(clerk, id, 'accept'), fire(clerk2, id, 'accept')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await t.deps.db.selectFrom('case_events').select('event').where('case_id', '=', id).where('event', '=', 'accept').execute();
    expect(events).toHaveLength(1);
  });
});

describe('a case from registration to archive', () => {
  it('walks the happy path with the review and records every step', async () => {
    const id = await register(clerk, { services: ['infringement_opinion'] });
    await ok(clerk, id, 'accept', { track: 'fast' });
    const handlerId = await userId(t, 'wh_handler');
    await ok(hbAdmin, id, 'assign', { handlerId });
    await ok(handler, id, 'start');
    const early = await fire(handler, id, 'conclude', { result: '已出具意见' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('opinion_not_signed_off');
    // the composed opinion (case-documents.test.ts covers outcomes and the issued document)
    const opinion = { conclusion: 'unlikely', reasoning: ['被诉产品缺少权利要求1的特征B。'], compared: [] };
    expect((await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, opinion)).status).toBe(200);
    await ok(handler, id, 'submitForReview');
    await ok(reviewer, id, 'signOff');
    const c = await ok(handler, id, 'conclude', { result: '已出具侵权判定参考意见' });
    expect(c.body.data.state.value).toBe('concluded');
    const handling = c.body.data.deadlines.find((d: { kind: string }) => d.kind === 'handling');
    expect(handling).toMatchObject({ status: 'met', workingDays: 15 });
    expect(handling.explanation.zh).toContain('快速通道减半');
    // archiving waits for the follow-up visit (回访)
    expect((await fire(clerk, id, 'archive')).body.error.code).toBe('follow_up_pending');
    const [f] = (await clerk.get(`/api/cases/${id}/follow-ups`)).body.data;
    expect((await clerk.post(`/api/cases/${id}/follow-ups/${f.id}/done`, { outcome: 'done', method: 'phone', satisfaction: 5 })).status).toBe(200);
    await ok(clerk, id, 'archive');
    const tl = await clerk.get(`/api/cases/${id}/timeline`);
    expect(tl.body.data.map((e: { event: string }) => e.event)).toEqual(['submit', 'accept', 'assign', 'start', 'submitForReview', 'signOff', 'conclude', 'followUp', 'archive']);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('case.signOff');
    const notes = await clerk.post(`/api/cases/${id}/notes`, { kind: 'note', body: '归档后' });
    expect(notes.status).toBe(409);
  });

  it('refuses a handler of another institution and transfers to 宜昌, who accept it', async () => {
    const id = await register(clerk);
    await ok(clerk, id, 'accept');
    const bad = await fire(hbAdmin, id, 'assign', { handlerId: await userId(t, 'yc_handler') });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('handlerId');
    const yc = await institutionId(t, YC);
    await ok(clerk, id, 'transfer', { toInstitutionId: yc, reason: '属地管辖' });
    const ycClerkUser = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'yc_handler').executeTakeFirstOrThrow();
    expect(ycClerkUser.id).toBeTruthy();
    // the receiving side: hb_admin holds case.transfer.receive over 宜昌
    const r = await ok(hbAdmin, id, 'acceptTransfer');
    expect(r.body.data.institution.name).toBe(YC);
    expect(r.body.data.state.value).toBe('accepted');
    expect((await clerk.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await ycHandler.get(`/api/cases/${id}`)).status).toBe(200);
  });
});
