import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { sendDeadlineReminders } from '../notifications/deadline-reminders.ts';
import { caseDeadlineSource } from './case-deadline-source.ts';
import { fire, ok, register, userId } from './cases.test-support.ts';
import { chaseReferrals } from './referral-chase.ts';

let t: TestApp;
let clerk: TestClient;
let handler: TestClient;
let hbAdmin: TestClient;
let admin: TestClient;
let ids: { clerk: string; handler: string };

beforeAll(async () => {
  t = await createTestApp();
  [clerk, handler, hbAdmin, admin] = await Promise.all(['wh_clerk', 'wh_handler', 'hb_admin', 'admin'].map((u) => t.login(u)));
  ids = { clerk: await userId(t, 'wh_clerk'), handler: await userId(t, 'wh_handler') };
});
afterAll(() => t.close());

/** 09:00 China time on a day. */
const at9 = (day: string) => new Date(`${day}T01:00:00Z`);
const remind = (day: string) => sendDeadlineReminders(t.deps, caseDeadlineSource(t.deps), at9(day));
const notices = (caseId: string, kind: string) =>
  t.deps.db.selectFrom('notifications').select(['user_id', 'body']).where('kind', '=', kind).where('link', '=', `/console/cases/${caseId}`).execute();
const deadline = (caseId: string, kind: string) =>
  clerk.get(`/api/cases/${caseId}`).then((r) => r.body.data.deadlines.find((d: { kind: string }) => d.kind === kind));

async function assigned() {
  const id = await register(clerk);
  await ok(clerk, id, 'accept');
  await ok(hbAdmin, id, 'assign', { handlerId: ids.handler });
  return id;
}

describe('deadline reminders from case_deadlines', () => {
  it('reminds the intake desk of an unassigned case within 2 working days, once per day even with two runs at once', async () => {
    const id = await register(clerk); // submitted 2026-11-20: acceptance due 2026-11-27
    expect((await deadline(id, 'acceptance')).due).toBe('2026-11-27');
    await remind('2026-11-24'); // 3 working days ahead: not yet
    expect(await notices(id, 'deadline_due_soon')).toHaveLength(0);
    await Promise.all([remind('2026-11-25'), remind('2026-11-25')]);
    const soon = await notices(id, 'deadline_due_soon');
    expect(soon).toEqual([{ user_id: ids.clerk, body: expect.stringContaining('2026-11-27') }]);
    await remind('2026-11-25');
    expect(await notices(id, 'deadline_due_soon')).toHaveLength(1);
    await remind('2026-11-26'); // a new day, a new reminder
    expect(await notices(id, 'deadline_due_soon')).toHaveLength(2);
    await remind('2026-11-30');
    expect(await notices(id, 'deadline_overdue')).toEqual([{ user_id: ids.clerk, body: expect.stringContaining('受理审查时限') }]);
  });

  it('reminds the handler of an assigned case, and not of a clock paused while waiting for the applicant', async () => {
    const id = await assigned();
    await ok(handler, id, 'start');
    const due = (await deadline(id, 'handling')).due as string;
    const after = new Date(new Date(`${due}T12:00:00Z`).getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    await remind(after);
    expect((await notices(id, 'deadline_overdue')).map((n) => n.user_id)).toEqual([ids.handler]);

    const paused = await assigned();
    await ok(handler, paused, 'start');
    await ok(handler, paused, 'requestSupplement', { reason: '请补充材料' });
    await remind(after);
    expect(await notices(paused, 'deadline_overdue')).toHaveLength(0);
  });
});

describe('referral chasing', () => {
  it('tells the handler once a day after the expected reply date and records it on the timeline', async () => {
    const id = await assigned();
    await ok(handler, id, 'refer', { body: 'mediation_committee', reason: '适合调解' });
    const due = (await deadline(id, 'referral_feedback')).due as string;
    expect(due).toBe('2026-12-11'); // 15 working days
    await chaseReferrals(t.deps, at9('2026-12-11')); // the due day itself is in time
    expect(await notices(id, 'referral_overdue')).toHaveLength(0);
    await Promise.all([chaseReferrals(t.deps, at9('2026-12-14')), chaseReferrals(t.deps, at9('2026-12-14'))]);
    expect(await notices(id, 'referral_overdue')).toEqual([{ user_id: ids.handler, body: expect.stringContaining('2026-12-11') }]);
    await chaseReferrals(t.deps, at9('2026-12-14'));
    await chaseReferrals(t.deps, at9('2026-12-15'));
    expect(await notices(id, 'referral_overdue')).toHaveLength(2);
    // the deadline reminders leave an overdue referral to the chase
    await remind('2026-12-14');
    expect(await notices(id, 'deadline_overdue')).toHaveLength(0);
    const tl = await clerk.get(`/api/cases/${id}/timeline`);
    expect(tl.status).toBe(200);
    expect(tl.body.data.filter((e: { event: string }) => e.event === 'referral_chased')).toHaveLength(2);
    // feedback ends the chase
    await ok(handler, id, 'recordReferralFeedback', { feedback: '调解委员会已受理' });
    await chaseReferrals(t.deps, at9('2026-12-16'));
    expect(await notices(id, 'referral_overdue')).toHaveLength(2);
  });
});

describe('follow-up visits', () => {
  async function concluded() {
    const id = await assigned();
    await ok(handler, id, 'start');
    await ok(handler, id, 'conclude', { result: '已提供维权指导' });
    return id;
  }

  it('schedules a visit 10 working days after conclusion and refuses archiving until it is recorded', async () => {
    const id = await concluded();
    const list = await clerk.get(`/api/cases/${id}/follow-ups`);
    expect(list.body.data).toEqual([expect.objectContaining({ status: 'open', dueOn: '2026-12-04', overdue: false })]);
    expect((await deadline(id, 'follow_up')).due).toBe('2026-12-04');
    const queue = await clerk.get('/api/cases?queue=follow_up&pageSize=100');
    expect(queue.body.data.map((c: { id: string }) => c.id)).toContain(id);
    const refused = await fire(clerk, id, 'archive');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'follow_up_pending', message: expect.stringContaining('2026-12-04') });
    const fid = list.body.data[0].id as string;
    expect((await handler.post(`/api/cases/${id}/follow-ups/${fid}/done`, { outcome: 'done', method: 'fax' })).status).toBe(400);
    const done = await handler.post(`/api/cases/${id}/follow-ups/${fid}/done`, { outcome: 'done', method: 'phone', satisfaction: 4, notes: '申请人表示满意' });
    expect(done.status).toBe(200);
    expect(done.body.data[0]).toMatchObject({ status: 'done', method: 'phone', satisfaction: 4, by: { name: '张伟（承办）' } });
    expect((await deadline(id, 'follow_up')).status).toBe('met');
    expect((await handler.post(`/api/cases/${id}/follow-ups/${fid}/done`, { outcome: 'done', method: 'phone' })).body.error.code).toBe('follow_up_closed');
    await ok(clerk, id, 'archive');
    expect((await clerk.get('/api/cases?queue=follow_up&pageSize=100')).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('lets staff record why a visit was skipped, and drops an open visit when the case is reopened', async () => {
    const id = await concluded();
    await ok(hbAdmin, id, 'reopen', { reason: '回访发现问题未解决' });
    expect((await clerk.get(`/api/cases/${id}/follow-ups`)).body.data).toEqual([]);
    await ok(handler, id, 'conclude', { result: '再次办结' });
    const [f] = (await clerk.get(`/api/cases/${id}/follow-ups`)).body.data;
    const skipped = await clerk.post(`/api/cases/${id}/follow-ups/${f.id}/done`, { outcome: 'skipped', reason: '申请人电话停机，多次联系未果' });
    expect(skipped.body.data[0]).toMatchObject({ status: 'skipped', skippedReason: '申请人电话停机，多次联系未果' });
    await ok(clerk, id, 'archive');
    expect((await clerk.post(`/api/cases/${id}/follow-ups/${f.id}/done`, { outcome: 'done', method: 'phone' })).body.error.code).toBe('case_archived');
  });
});

describe('the work calendar', () => {
  it('is read from the database (seeded from chinese-days); only the system administrator changes it', async () => {
    const y = await handler.get('/api/calendar/2026');
    expect(y.status).toBe(200);
    expect(y.body.data).toMatchObject({ year: 2026, source: 'chinese-days' });
    expect(y.body.data.holidays).toContain('2026-10-01');
    expect((await handler.get('/api/calendar/2199')).body.data).toMatchObject({ source: null, holidays: [] });
    expect((await clerk.put('/api/calendar/2026', { holidays: [], workdays: [] })).status).toBe(403);
    const bad = await admin.put('/api/calendar/2026', { holidays: ['2027-01-01'], workdays: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('invalid_calendar');
  });

  it('moves an open deadline when a year changes (the recompute job runs after the commit)', async () => {
    const id = await register(clerk);
    expect((await deadline(id, 'acceptance')).due).toBe('2026-11-27');
    const y = (await admin.get('/api/calendar/2026')).body.data;
    const extra = ['2026-11-23', '2026-11-24', '2026-11-25'];
    const put = await admin.put('/api/calendar/2026', {
      holidays: [...y.holidays, ...extra], workdays: y.workdays,
      names: { ...y.names, ...Object.fromEntries(extra.map((d) => [d, { zh: '测试假日', en: 'Test holiday' }])) },
    });
    expect(put.status).toBe(200);
    expect(put.body.data.source).toMatch(/^manual:/);
    expect((await deadline(id, 'acceptance')).due).toBe('2026-11-27'); // stored until recomputed
    await t.drainJobs({ name: 'deadlines-recompute' });
    const moved = await deadline(id, 'acceptance');
    expect(moved.due).toBe('2026-12-02');
    expect(moved.explanation.zh).toContain('测试假日');
    // a new case is counted with the new calendar at once
    const fresh = await register(clerk);
    expect((await deadline(fresh, 'acceptance')).due).toBe('2026-12-02');
  });
});
