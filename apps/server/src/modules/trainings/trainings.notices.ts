import { sql } from 'kysely';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { chinaDay } from '../notifications/deadline-reminders.ts';

/**
 * Messages to registrants. They need no account, so these go straight to the notifier (outbox → SMS) by
 * phone, decrypted only inside the job; job data holds the registration id and the kind, nothing personal.
 */
export type NoticeKind = 'confirmed' | 'waitlisted' | 'promoted' | 'reminder';
export const NOTICE_JOB = 'training-notice';

export async function enqueueNotice(deps: Pick<Deps, 'jobs'>, tx: Tx, registrationId: string, kind: NoticeKind): Promise<void> {
  await deps.jobs.enqueue(NOTICE_JOB, { registrationId, kind }, { tx });
}

const when = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function text(kind: NoticeKind, t: { title: string; starts_at: Date; place: string | null; online_url: string | null }, code: string): string {
  const where = t.place ?? t.online_url ?? '';
  switch (kind) {
    case 'confirmed':
      return `您已报名“${t.title}”，时间 ${when(t.starts_at)}，地点 ${where}。报名码 ${code}，签到或取消时使用。`;
    case 'waitlisted':
      return `“${t.title}”名额已满，您已进入候补名单。有人取消时将按顺序递补并短信通知您。报名码 ${code}。`;
    case 'promoted':
      return `好消息：您已从候补递补为“${t.title}”的正式报名，时间 ${when(t.starts_at)}，地点 ${where}。报名码 ${code}。`;
    case 'reminder':
      return `提醒：您报名的“${t.title}”将于 ${when(t.starts_at)} 举行，地点 ${where}。到场请扫码签到，报名码 ${code}。`;
  }
}

export async function sendNotice(deps: Pick<Deps, 'db' | 'notifier' | 'secrets'>, data: { registrationId: string; kind: NoticeKind }): Promise<'sent' | 'gone'> {
  const r = await deps.db
    .selectFrom('training_registrations as r')
    .innerJoin('trainings as t', 't.id', 'r.training_id')
    .select(['r.phone_enc', 'r.code', 'r.status', 't.title', 't.starts_at', 't.place', 't.online_url'])
    .where('r.id', '=', data.registrationId)
    .executeTakeFirst();
  if (!r || r.status === 'cancelled') return 'gone';
  await deps.notifier.send({ channel: 'sms', to: deps.secrets.decrypt(r.phone_enc), subject: '【援知】培训报名', body: text(data.kind, r, r.code) });
  return 'sent';
}

export const trainingNoticeJob = defineJob<{ registrationId: string; kind: NoticeKind }>(NOTICE_JOB, (data, deps) => sendNotice(deps, data), {
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  timeoutSeconds: 120,
});

/**
 * The day before: confirmed registrants of a published training that starts tomorrow (China time) get a reminder.
 * reminded_at is claimed in the same statement, so a second run (or a second process) sends nothing twice.
 */
export async function sendReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const tomorrow = chinaDay(new Date(now.getTime() + 86400_000));
  return deps.db.transaction().execute(async (tx) => {
    const claimed = await sql<{ id: string }>`
      UPDATE training_registrations r SET reminded_at = ${now}
      FROM trainings t
      WHERE t.id = r.training_id AND t.state = 'published' AND r.status = 'confirmed' AND r.reminded_at IS NULL
        AND to_char(t.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') = ${tomorrow}
      RETURNING r.id`.execute(tx);
    for (const row of claimed.rows) await enqueueNotice(deps, tx, row.id, 'reminder');
    return claimed.rows.length;
  });
}

export const trainingRemindersJob = defineJob('training-reminders', (_data, deps) => sendReminders(deps), { schedule: '0 10 * * *' });
