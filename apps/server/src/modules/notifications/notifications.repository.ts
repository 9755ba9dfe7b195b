import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';

/** Only ever the caller's own notifications: every query here is keyed by user_id. */
export async function listOwn(db: DB, userId: string, opts: { page: number; pageSize: number; unreadOnly: boolean }) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const [rows, counts] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute(),
    db
      .selectFrom('notifications')
      .where('user_id', '=', userId)
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`count(*) FILTER (WHERE read_at IS NULL)`.as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: opts.unreadOnly ? counts.unread : counts.total, unread: counts.unread };
}

export async function markRead(db: DB, userId: string, id: string, now: Date) {
  // COALESCE keeps the first reading time.
  return db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

export async function markAllRead(db: DB, userId: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
