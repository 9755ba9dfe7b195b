import type { DB } from '../../platform/db.ts';

/** The latest messages, newest first. The recipient comes masked; its ciphertext is never selected. */
export async function latestMessages(db: DB, limit: number) {
  return db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient_masked', 'subject', 'body', 'status', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
