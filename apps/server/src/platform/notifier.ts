import type { DB } from './db.ts';
import type { Secrets } from './secrets.ts';

export interface Message {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  body: string;
}

/**
 * Sends e-mail and SMS. Every message is written to the outbox table first; a transport then delivers
 * it. In embedded mode (no SMTP_URL) messages stay in the outbox ("kept"), which developers read at
 * /console/outbox. SMS has no gateway yet: it is always kept.
 */
export interface Notifier {
  send(msg: Message): Promise<void>;
}

export interface Transport {
  deliver(msg: Message): Promise<void>;
}

export function createNotifier(db: DB, secrets: Secrets, masked: (m: Message) => string, email?: Transport): Notifier {
  return {
    async send(msg) {
      const row = await db
        .insertInto('outbox')
        .values({
          channel: msg.channel,
          recipient_enc: secrets.encrypt(msg.to),
          recipient_masked: masked(msg),
          subject: msg.subject,
          body: msg.body,
          status: 'pending',
          error: null,
          sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const transport = msg.channel === 'email' ? email : undefined;
      if (!transport) {
        await db.updateTable('outbox').set({ status: 'kept' }).where('id', '=', row.id).execute();
        return;
      }
      try {
        await transport.deliver(msg);
        await db.updateTable('outbox').set({ status: 'sent', sent_at: new Date() }).where('id', '=', row.id).execute();
      } catch (e) {
        await db
          .updateTable('outbox')
          .set({ status: 'failed', error: (e as Error).message.slice(0, 500) })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
