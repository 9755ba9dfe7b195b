import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { renderTemplate, type NotificationKind, type TemplateData, type Text } from './notifications.templates.ts';

export const DELIVERY_JOB = 'notification-delivery';

export interface DeliveryJobData {
  notificationId: string;
  channel: 'email' | 'sms';
}

export interface NotifyInput {
  userIds: readonly string[];
  /**
   * Applicant parties without an account (case_parties ids): a row per party, never listed in-app,
   * delivered to the party's e-mail or phone (decrypted only by the delivery job).
   */
  partyIds?: readonly string[];
  kind: NotificationKind;
  title: Text;
  body: Text;
  /** A path inside the platform, e.g. /console/cases/…; no personal data. */
  link?: string | null;
  /** Also send by e-mail to users who have an address. */
  email?: boolean;
  /** Also send by SMS to users who have a phone. */
  sms?: boolean;
}

/**
 * Notify users: the in-app rows are written in the caller's transaction (they exist exactly when the
 * business change does), and each outbound message is a job enqueued in the same transaction, so it is
 * sent after the commit and a failure to send never rolls the business change back. The job data holds
 * the notification id only: addresses are read at delivery time.
 */
export async function notify(deps: Pick<Deps, 'jobs' | 'clock'>, tx: Tx, input: NotifyInput): Promise<string[]> {
  const recipients = [
    ...[...new Set(input.userIds)].map((id) => ({ user_id: id, party_id: null })),
    ...[...new Set(input.partyIds ?? [])].map((id) => ({ user_id: null, party_id: id })),
  ];
  if (recipients.length === 0) return [];
  const now = deps.clock.now();
  const rows = await tx
    .insertInto('notifications')
    .values(
      recipients.map((to) => ({
        ...to,
        kind: input.kind,
        title: input.title.zh,
        body: input.body.zh,
        title_en: input.title.en,
        body_en: input.body.en,
        link: input.link ?? null,
        read_at: null,
        created_at: now,
      })),
    )
    .returning('id')
    .execute();
  const channels = [...(input.email ? (['email'] as const) : []), ...(input.sms ? (['sms'] as const) : [])];
  for (const r of rows) {
    for (const channel of channels) {
      const data: DeliveryJobData = { notificationId: r.id, channel };
      await deps.jobs.enqueue(DELIVERY_JOB, data, { tx });
    }
  }
  return rows.map((r) => r.id);
}

/** notify() with the title and body written by the kind's template. */
export async function notifyFromTemplate(
  deps: Pick<Deps, 'jobs' | 'clock'>,
  tx: Tx,
  input: Omit<NotifyInput, 'title' | 'body'> & { data?: TemplateData },
): Promise<string[]> {
  const { title, body } = renderTemplate(input.kind, input.data);
  return notify(deps, tx, { ...input, title, body });
}
