import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.ts';
import type { ManualJobs } from '../../platform/jobs/manual.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { fire, institutionId, ok, register, userId, YC } from './cases.test-support.ts';
import { transitionCase } from './cases.transition.ts';

let t: TestApp;
let clerk: TestClient;
let handler: TestClient;
let reviewer: TestClient;
let hbAdmin: TestClient;
let ids: Record<'clerk' | 'handler' | 'reviewer' | 'hbAdmin' | 'ycHandler', string>;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, handler, reviewer, hbAdmin] = await Promise.all(['wh_clerk', 'wh_handler', 'wh_reviewer', 'hb_admin'].map((u) => t.login(u)));
  ids = {
    clerk: await userId(t, 'wh_clerk'), handler: await userId(t, 'wh_handler'), reviewer: await userId(t, 'wh_reviewer'),
    hbAdmin: await userId(t, 'hb_admin'), ycHandler: await userId(t, 'yc_handler'),
  };
});
afterAll(() => t.close());

/** In-app notices about a case (their link names it), oldest first. */
const noticesOf = (caseId: string) =>
  t.deps.db
    .selectFrom('notifications')
    .select(['user_id', 'party_id', 'kind', 'title', 'body', 'title_en', 'link'])
    .where((eb) => eb.or([eb('link', 'like', `%${caseId}%`), eb('party_id', 'in', eb.selectFrom('case_parties').select('id').where('case_id', '=', caseId))]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
const kindsFor = async (caseId: string, userId: string | null) =>
  (await noticesOf(caseId)).filter((n) => (userId === null ? n.party_id !== null : n.user_id === userId)).map((n) => n.kind);

async function assigned(over: Record<string, unknown> = {}) {
  const id = await register(clerk, over);
  await ok(clerk, id, 'accept');
  await ok(hbAdmin, id, 'assign', { handlerId: ids.handler });
  return id;
}

describe('notices of the case steps', () => {
  it('tells an applicant without an account through the party\'s e-mail, after the commit, with no data in the subject', async () => {
    const before = t.sent.length;
    const r = await clerk.post('/api/cases', (await import('./cases.test-support.ts')).registration());
    const id = r.body.data.id as string;
    expect(r.body.effects).toContainEqual({ type: 'notify', to: 'applicant', template: 'received', status: 'queued' });
    expect(t.sent.length).toBe(before); // nothing leaves inside the transaction
    const party = (await noticesOf(id)).find((n) => n.party_id !== null)!;
    expect(party).toMatchObject({ user_id: null, kind: 'case_submitted', link: '/portal/track' });
    // job data carries ids only
    expect(JSON.stringify((t.deps.jobs as ManualJobs).queued.map((j) => j.data))).not.toMatch(/@|1391234/);
    await t.drainJobs();
    const mail = t.sent.slice(before).find((m) => m.to === 'legal@example.com')!;
    expect(mail.subject).toBe('【援知】援助申请已提交 [Yuanzhi] Application submitted');
    expect(mail.body).toContain(r.body.data.caseNumber);
    expect(mail.body).not.toContain('武汉某某科技有限公司');
  });

  it('reaches a party with only a phone by SMS (decrypted by the delivery job)', async () => {
    const id = await register(clerk, { applicant: { kind: 'natural_person', name: '张三', phone: '13700001111' } });
    const before = t.sent.length;
    await ok(clerk, id, 'decline', { reason: '不属于知识产权纠纷' });
    const declined = (await noticesOf(id)).filter((n) => n.party_id !== null).at(-1)!;
    expect(declined.kind).toBe('case_declined');
    expect(declined.body).toContain('不属于知识产权纠纷');
    await t.drainJobs();
    const sms = t.sent.slice(before).find((m) => m.channel === 'sms')!;
    expect(sms.to).toBe('13700001111');
    expect(sms.body).not.toContain('张三');
  });

  it('walks the staff notices: assign, review requested, returned, signed off, concluded with the rating invitation', async () => {
    const id = await assigned({ services: ['infringement_opinion'] });
    expect(await kindsFor(id, ids.handler)).toEqual(['case_assigned']);
    expect(await kindsFor(id, null)).toEqual(['case_submitted', 'case_accepted']);
    await ok(handler, id, 'start');
    const opinion = { conclusion: 'likely', reasoning: ['被诉产品包含权利要求1的全部技术特征。'], compared: [] };
    expect((await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, opinion)).status).toBe(200);
    await ok(handler, id, 'submitForReview');
    expect(await kindsFor(id, ids.reviewer)).toEqual(['review_requested']);
    await ok(reviewer, id, 'returnForRework', { comments: '请补充比对表' });
    await ok(handler, id, 'submitForReview');
    await ok(reviewer, id, 'signOff');
    expect(await kindsFor(id, ids.handler)).toEqual(['case_assigned', 'review_returned', 'review_signed_off']);
    const returned = (await noticesOf(id)).find((n) => n.kind === 'review_returned')!;
    expect(returned.body).toContain('请补充比对表');
    const c = await ok(handler, id, 'conclude', { result: '已出具意见' });
    expect(c.body.transition.effects).toContainEqual({ type: 'notify', to: 'applicant', template: 'rating', status: 'queued' });
    expect(await kindsFor(id, null)).toEqual(['case_submitted', 'case_accepted', 'case_in_progress', 'case_concluded', 'rating_invitation']);
    const rating = (await noticesOf(id)).find((n) => n.kind === 'rating_invitation')!;
    // a real one-click link: its token opens the rating page without signing in
    const token = rating.body.match(/\/rate\/([A-Za-z0-9_-]{20,})/)![1];
    const page = await t.anon().get(`/api/portal/rate/${token}`);
    expect(page.status).toBe(200);
    // the actor is not told of their own step; the outbox gets the staff e-mails
    expect(await kindsFor(id, ids.clerk)).toEqual([]);
    await t.drainJobs();
    const staffMail = t.sent.filter((m) => m.to === 'wh_reviewer@example.org' && m.body.includes(c.body.data.caseNumber));
    expect(staffMail.length).toBeGreaterThanOrEqual(2);
  });

  it('tells the old and the new handler on reassignment', async () => {
    const id = await assigned();
    // a second handler at 武汉
    const r = await hbAdmin.post('/api/users', {
      kind: 'staff', username: 'wh_handler2', displayName: '第二承办人', password: 'Matrix#Test2026',
      roles: [{ role: 'case_handler', institutionId: (await t.deps.db.selectFrom('cases').select('institution_id').where('id', '=', id).executeTakeFirstOrThrow()).institution_id }],
    });
    expect(r.status).toBe(201);
    const second = r.body.data.id as string;
    await ok(hbAdmin, id, 'reassign', { handlerId: second, reason: '工作量调整' });
    expect(await kindsFor(id, second)).toEqual(['case_assigned']);
    expect(await kindsFor(id, ids.handler)).toEqual(['case_assigned', 'case_reassigned']);
  });

  it('tells the receiving side of a transfer, then the sending side when it is accepted or returned, and the applicant', async () => {
    const yc = await institutionId(t, YC);
    const a = await register(clerk);
    await ok(clerk, a, 'transfer', { toInstitutionId: yc, reason: '属地管辖' });
    // 宜昌 has no clerk or administrator of its own: the province centre's administrator takes transfers in
    expect(await kindsFor(a, ids.hbAdmin)).toEqual(['transfer_received']);
    const received = (await noticesOf(a)).find((n) => n.kind === 'transfer_received')!;
    expect(received.body).toContain('武汉市知识产权维权援助中心');
    expect(await kindsFor(a, null)).toEqual(['case_submitted', 'case_transferred']);
    await ok(hbAdmin, a, 'acceptTransfer');
    expect(await kindsFor(a, ids.clerk)).toEqual(['transfer_accepted']);
    expect(await kindsFor(a, null)).toEqual(['case_submitted', 'case_transferred', 'case_accepted']);

    const b = await register(clerk);
    await ok(clerk, b, 'transfer', { toInstitutionId: yc, reason: '属地管辖' });
    await ok(hbAdmin, b, 'returnTransfer', { reason: '不属于本地管辖' });
    const back = (await noticesOf(b)).filter((n) => n.user_id === ids.clerk);
    expect(back.map((n) => n.kind)).toEqual(['transfer_returned']);
    expect(back[0]!.body).toContain('不属于本地管辖');
  });

  it('tells the applicant of a supplement request and a referral, and the intake desk when material comes in', async () => {
    const id = await register(clerk);
    await ok(handler, id, 'requestSupplement', { reason: '请提供专利证书' });
    const supplemented = await ok(clerk, id, 'supplement', { note: '已补交' });
    // the clerk who recorded it is not told of their own step
    expect(supplemented.body.transition.effects).toContainEqual({ type: 'notify', to: 'intake', template: 'supplemented', status: 'no_contact' });
    const s = (await noticesOf(id)).find((n) => n.kind === 'supplement_requested')!;
    expect(s.body).toContain('请提供专利证书');
    await ok(clerk, id, 'accept');
    await ok(hbAdmin, id, 'assign', { handlerId: ids.handler });
    await ok(handler, id, 'refer', { body: 'mediation_committee', reason: '适合调解' });
    expect((await kindsFor(id, null)).at(-1)).toBe('case_referred');
  });

  it('confirms a withdrawal to an applicant with an account (in-app and e-mail) and tells the staff', async () => {
    const id = await assigned();
    const applicant = await t.deps.db.selectFrom('users').select(['id', 'display_name']).where('kind', '=', 'applicant').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('cases').set({ applicant_user_id: applicant.id }).where('id', '=', id).execute();
    const actor: Actor = { userId: applicant.id, kind: 'applicant', displayName: applicant.display_name, grants: [], sessionId: 'test' };
    const ctx = { actorId: applicant.id, actorName: applicant.display_name, institutionId: null, institutionPath: null, ip: null, requestId: 'test' };
    await transitionCase(t.deps, actor, id, 'withdraw', { reason: '已和解' }, ctx);
    expect(await kindsFor(id, applicant.id)).toEqual(['case_withdrawn']);
    expect(await kindsFor(id, ids.handler)).toEqual(['case_assigned', 'case_withdrawn_staff']);
    expect(await kindsFor(id, ids.clerk)).toEqual(['case_withdrawn_staff']);
    const link = (await noticesOf(id)).find((n) => n.user_id === applicant.id)!.link;
    expect(link).toBe(`/portal/cases/${id}`);
  });

  it('keeps the transition when the delivery fails; the delivery job fails and is retried', async () => {
    const id = await register(clerk);
    await t.drainJobs();
    const send = t.deps.notifier.send;
    t.deps.notifier.send = async () => {
      throw new Error('smtp down for legal@example.com');
    };
    try {
      const r = await fire(clerk, id, 'accept');
      expect(r.status).toBe(200);
      await expect(t.drainJobs()).rejects.toThrow('smtp down');
    } finally {
      t.deps.notifier.send = send;
    }
    const c = await t.deps.db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    expect(c.state).toBe('accepted');
    expect((await kindsFor(id, null)).at(-1)).toBe('case_accepted');
    (t.deps.jobs as ManualJobs).queued.length = 0;
  });

  it('writes no notice when the transition is refused (same transaction)', async () => {
    const id = await register(clerk);
    const before = (await noticesOf(id)).length;
    expect((await fire(clerk, id, 'decline', {})).status).toBe(422);
    expect((await noticesOf(id)).length).toBe(before);
  });
});
