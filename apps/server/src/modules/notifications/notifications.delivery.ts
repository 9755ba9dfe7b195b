import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { DELIVERY_JOB, type DeliveryJobData } from './notifications.service.ts';
import { subjectFor } from './notifications.templates.ts';

export type DeliveryOutcome = 'sent' | 'no_address' | 'gone';

/**
 * Hand one notification to the notifier (outbox → SMTP/SMS) on one channel. The address is read now,
 * so a changed e-mail or phone is honoured and job data carries none. The notifier records transport
 * failures in the outbox without throwing; the outbox-retry job retries those. The subject is fixed
 * per kind (no personal data); the body repeats the in-app text in both languages.
 */
export async function deliverNotification(deps: Pick<Deps, 'db' | 'notifier' | 'secrets'>, data: DeliveryJobData): Promise<DeliveryOutcome> {
  // A user's own address, or — for an applicant without an account — the applicant party's.
  const n = await deps.db
    .selectFrom('notifications as n')
    .leftJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('case_parties as p', 'p.id', 'n.party_id')
    .select([
      'n.kind', 'n.title', 'n.body', 'n.title_en', 'n.body_en', 'n.link', 'n.user_id', 'u.status',
      (eb) => eb.fn.coalesce('u.email', 'p.email').as('email'),
      (eb) => eb.fn.coalesce('u.phone_enc', 'p.phone_enc').as('phone_enc'),
    ])
    .where('n.id', '=', data.notificationId)
    .executeTakeFirst();
  if (!n || (n.user_id !== null && n.status !== 'active')) return 'gone';
  const subject = subjectFor(n.kind);
  const link = n.link ? `\n${n.link}` : '';
  if (data.channel === 'email') {
    if (!n.email) return 'no_address';
    await deps.notifier.send({
      channel: 'email',
      to: n.email,
      subject: `${subject.zh} ${subject.en}`,
      body: `${n.title}\n\n${n.body}${link}\n\n——\n\n${n.title_en}\n\n${n.body_en}${link}\n`,
    });
    return 'sent';
  }
  if (!n.phone_enc) return 'no_address';
  await deps.notifier.send({ channel: 'sms', to: deps.secrets.decrypt(n.phone_enc), subject: subject.zh, body: `${subject.zh}：${n.title}。请登录援知平台查看。` });
  return 'sent';
}

export const notificationDeliveryJob = defineJob<DeliveryJobData>(DELIVERY_JOB, (data, deps) => deliverNotification(deps, data), {
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  timeoutSeconds: 120,
});
