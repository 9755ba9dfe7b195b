import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import type { Message, Transport } from '../notifier.ts';
import { smtpTransport } from '../smtp.ts';

export const MAX_DELIVERY_RETRIES = 5;
/** A message younger than this may still be in the hands of the process that wrote it. */
const GRACE_MS = 60_000;
const BATCH = 50;

/** Minutes before retry n+1 (n retries made so far): 1, 2, 4, 8, 16 … capped at 6 hours. */
export const retryDelayMs = (retriesMade: number) => Math.min(2 ** retriesMade, 360) * 60_000;

export interface RetryResult {
  retried: number;
  sent: number;
  failed: number;
  /** No transport for the channel (SMS, or e-mail without SMTP_URL): kept in the outbox, as the notifier does. */
  kept: number;
}

/** The transport the notifier would use for a channel; none for SMS yet, none for e-mail without SMTP_URL. */
export function transportFor(deps: Pick<Deps, 'config'>): (channel: Message['channel']) => Transport | undefined {
  const email = deps.config.smtpUrl ? smtpTransport(deps.config.smtpUrl, deps.config.mailFrom) : undefined;
  return (channel) => (channel === 'email' ? email : undefined);
}

/**
 * Retry outbound messages that failed, or were left 'pending' by a process that stopped mid-send, once
 * they are a minute old. Each row is claimed first (attempts + 1, next attempt pushed out, committed)
 * with SKIP LOCKED, so two processes never retry the same message; then delivered outside any
 * transaction. After MAX_DELIVERY_RETRIES it stays 'failed' for a person to look at.
 */
export async function retryOutbox(
  deps: Pick<Deps, 'db' | 'secrets' | 'clock'>,
  transport: (channel: Message['channel']) => Transport | undefined,
  maxRetries = MAX_DELIVERY_RETRIES,
): Promise<RetryResult> {
  const now = deps.clock.now();
  const result: RetryResult = { retried: 0, sent: 0, failed: 0, kept: 0 };
  for (;;) {
    const claimed = await deps.db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('outbox')
        .select(['id', 'attempts'])
        .where('status', 'in', ['pending', 'failed'])
        .where('created_at', '<', new Date(now.getTime() - GRACE_MS))
        .where('attempts', '<', maxRetries)
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
        .orderBy('created_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      // One UPDATE; each row's next attempt follows its own count.
      return tx
        .updateTable('outbox')
        .set({
          attempts: sql<number>`attempts + 1`,
          next_attempt_at: sql<Date>`${now}::timestamptz + least(power(2, attempts), 360) * interval '1 minute'`,
        })
        .where('id', 'in', due.map((d) => d.id))
        .returning(['id', 'channel', 'recipient_enc', 'subject', 'body'])
        .execute();
    });
    if (claimed.length === 0) return result;
    for (const m of claimed) {
      result.retried++;
      const t = transport(m.channel);
      if (!t) {
        await deps.db.updateTable('outbox').set({ status: 'kept', next_attempt_at: null }).where('id', '=', m.id).execute();
        result.kept++;
        continue;
      }
      try {
        await t.deliver({ channel: m.channel, to: deps.secrets.decrypt(m.recipient_enc), subject: m.subject, body: m.body });
        await deps.db.updateTable('outbox').set({ status: 'sent', sent_at: deps.clock.now(), error: null, next_attempt_at: null }).where('id', '=', m.id).execute();
        result.sent++;
      } catch (e) {
        await deps.db
          .updateTable('outbox')
          .set({ status: 'failed', error: (e as Error).message.slice(0, 500) })
          .where('id', '=', m.id)
          .execute();
        result.failed++;
      }
    }
    if (claimed.length < BATCH) return result;
  }
}
