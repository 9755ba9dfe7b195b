import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { ManualJobs } from '../../platform/jobs/manual.ts';
import { chinaDay, sendDeadlineReminders, type DeadlineSource, type DueDeadline } from './deadline-reminders.ts';
import { DELIVERY_JOB, notify, notifyFromTemplate } from './notifications.service.ts';
import { notificationKinds, renderTemplate, subjectFor } from './notifications.templates.ts';

let t: TestApp;
let handler: string;
let clerk: string;
let applicant: { id: string; email: string | null };

beforeAll(async () => {
  t = await createTestApp();
  const id = (u: string) => t.deps.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow().then((r) => r.id);
  handler = await id('wh_handler');
  clerk = await id('wh_clerk');
  applicant = await t.deps.db.selectFrom('users').select(['id', 'email']).where('kind', '=', 'applicant').executeTakeFirstOrThrow();
});
afterAll(() => t.close());

const jobs = () => t.deps.jobs as ManualJobs;
const rowsFor = (userId: string) => t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();

describe('templates', () => {
  it('render every kind in Chinese and English, with subjects that carry no data', () => {
    for (const kind of notificationKinds) {
      const r = renderTemplate(kind, { caseNo: '鄂知援〔2026〕17号', due: '2026-11-24', institution: '武汉工作站', note: '缺少授权书', period: '2026年第三季度' });
      for (const text of [r.title, r.body, r.subject]) {
        expect(text.zh.length, kind).toBeGreaterThan(0);
        expect(text.en.length, kind).toBeGreaterThan(0);
        expect(text.zh).not.toContain('undefined');
        expect(text.en).not.toContain('undefined');
      }
      // Kinds about something other than a case have no number to show: an answered consultation names nothing,
      // statistical returns name the institution or the period instead.
      if (kind.startsWith('return_')) expect(r.title.zh).toMatch(/武汉工作站|2026年第三季度/);
      // A risk alert is titled by the alert itself (passed as the note).
      else if (kind === 'risk_alert') expect(r.title.zh).toContain('缺少授权书');
      else if (kind !== 'consultation_answered') expect(r.title.zh).toContain('鄂知援〔2026〕17号');
      expect(JSON.stringify(r.subject)).not.toMatch(/2026|武汉|授权书|17号/);
    }
    expect(subjectFor('something_new').zh).toBe('【援知】新通知');
  });
});

describe('notify()', () => {
  it('writes the in-app rows in the caller\'s transaction and sends e-mail only after it commits', async () => {
    const before = t.sent.length;
    await t.deps.db.transaction().execute(async (tx) => {
      await notifyFromTemplate(t.deps, tx, { userIds: [handler, handler], kind: 'case_assigned', data: { caseNo: 'A-1' }, link: '/console/cases/1', email: true });
    });
    const rows = await rowsFor(handler);
    expect(rows).toHaveLength(1); // a repeated id is told once
    expect(rows[0]).toMatchObject({ kind: 'case_assigned', title: '新分派案件（A-1）', title_en: 'Case assigned to you (A-1)', link: '/console/cases/1', read_at: null });
    expect(jobs().queued.map((j) => j.name)).toEqual([DELIVERY_JOB]);
    expect(JSON.stringify(jobs().queued[0]!.data)).not.toContain('@'); // ids only in job data
    expect(t.sent.length).toBe(before); // nothing sent inside the transaction
    expect(await t.drainJobs()).toBe(1);
    const mail = t.sent.at(-1)!;
    expect(mail).toMatchObject({ channel: 'email', to: 'wh_handler@example.org', subject: '【援知】新分派案件 [Yuanzhi] Case assigned to you' });
    expect(mail.body).toContain('案件 A-1 已分派给您办理。');
    expect(mail.body).toContain('Case A-1 has been assigned to you.');
    expect(mail.body).toContain('/console/cases/1');
  });

  it('leaves nothing behind when the business change rolls back', async () => {
    const before = t.sent.length;
    await t.deps.db
      .transaction()
      .execute(async (tx) => {
        await notifyFromTemplate(t.deps, tx, { userIds: [clerk], kind: 'case_submitted', data: { caseNo: 'R-1' }, email: true, sms: true });
        throw new Error('case not acceptable');
      })
      .catch(() => {});
    expect(await rowsFor(clerk)).toEqual([]);
    expect(await t.drainJobs()).toBe(0);
    expect(t.sent.length).toBe(before);
  });

  it('keeps the business change when sending fails; the job fails (and pg-boss retries it)', async () => {
    const real = t.deps.notifier.send;
    t.deps.notifier.send = async () => {
      throw new Error('outbox unavailable');
    };
    try {
      await t.deps.db.transaction().execute(async (tx) => {
        await notifyFromTemplate(t.deps, tx, { userIds: [clerk], kind: 'review_requested', data: { caseNo: 'F-1' }, email: true });
      });
      await expect(t.drainJobs()).rejects.toThrow('outbox unavailable');
      expect(await rowsFor(clerk)).toHaveLength(1);
    } finally {
      t.deps.notifier.send = real;
    }
  });

  it('sends SMS to the phone on file (decrypted only at delivery), and skips users without an address', async () => {
    const withPhone = await t.deps.db.selectFrom('users').select(['id']).where('phone_enc', 'is not', null).executeTakeFirst();
    const ids = await t.deps.db.transaction().execute((tx) =>
      notify(t.deps, tx, {
        userIds: [applicant.id, handler, ...(withPhone ? [withPhone.id] : [])],
        kind: 'case_accepted',
        title: { zh: '案件已受理', en: 'Case accepted' },
        body: { zh: '正文', en: 'Body' },
        sms: true,
      }),
    );
    expect(ids.length).toBeGreaterThan(0);
    const before = t.sent.length;
    await t.drainJobs();
    const sms = t.sent.slice(before);
    expect(sms.length).toBeGreaterThan(0);
    expect(sms.every((m) => m.channel === 'sms' && /^1\d{10}$/.test(m.to))).toBe(true);
    const stored = await t.deps.db.selectFrom('outbox').select(['subject', 'body']).where('channel', '=', 'sms').orderBy('created_at', 'desc').execute();
    for (const m of stored) expect(m.body).not.toMatch(/1\d{10}/);
  });
});

describe('deadline reminders', () => {
  const asOf = new Date('2026-11-23T00:30:00Z'); // 08:30 in China, Monday
  const items: DueDeadline[] = [
    { caseId: 'case-1', caseNo: 'D-1', userIds: [handler], kind: 'acceptance', due: new Date('2026-11-25T15:59:59Z'), label: { zh: '受理期限', en: 'acceptance deadline' } },
    { caseId: 'case-2', caseNo: 'D-2', userIds: [handler], kind: 'conclusion', due: new Date('2026-11-20T15:59:59Z') },
  ];
  const fake: DeadlineSource = { dueSoon: async () => items.map((i) => ({ ...i, userIds: [handler] })) };

  it('tells the handlers once per case, deadline kind and day, even when two processes run at once', async () => {
    await t.deps.db.deleteFrom('notifications').execute();
    const [a, b] = await Promise.all([sendDeadlineReminders(t.deps, fake, asOf), sendDeadlineReminders(t.deps, fake, asOf)]);
    expect(a.sent + b.sent).toBe(2);
    expect(a.skipped + b.skipped).toBe(2);
    const rows = await t.deps.db.selectFrom('notifications').select(['kind', 'title', 'body']).where('user_id', '=', handler).orderBy('kind').execute();
    expect(rows).toEqual([
      { kind: 'deadline_due_soon', title: '期限将至（D-1）', body: '案件 D-1 的受理期限将于 2026-11-25 届满，请及时办理。' },
      { kind: 'deadline_overdue', title: '已逾期（D-2）', body: '案件 D-2 的办理期限已于 2026-11-20 届满，请尽快处理。' },
    ]);
    // Later the same day: nothing new. The next day: reminded again.
    expect(await sendDeadlineReminders(t.deps, fake, new Date(asOf.getTime() + 5 * 3600_000))).toEqual({ sent: 0, skipped: 2 });
    expect(await sendDeadlineReminders(t.deps, fake, new Date(asOf.getTime() + 24 * 3600_000))).toEqual({ sent: 2, skipped: 0 });
    const keys = await t.deps.db.selectFrom('reminders_sent').select(['case_id', 'reminder']).where('case_id', '=', 'case-1').execute();
    expect(keys).toHaveLength(2);
  });

  it('counts the day in China time', () => {
    expect(chinaDay(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(chinaDay(new Date('2026-11-22T15:30:00Z'))).toBe('2026-11-22');
  });

  it('is a scheduled job reading the cases module\'s case_deadlines (tested in cases/case-reminders.test.ts)', async () => {
    const first = (await t.runJobNow('deadline-reminders', { asOf: asOf.toISOString() })) as { sent: number; skipped: number };
    expect(first.sent).toBeGreaterThan(0); // the demo cases' deadlines
    expect(await t.runJobNow('deadline-reminders', { asOf: asOf.toISOString() })).toEqual({ sent: 0, skipped: first.sent });
  });
});
