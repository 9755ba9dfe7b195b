import { sql } from 'kysely';
import type { DB } from './db.ts';
import { tooManyRequests } from './http/route-guard.ts';

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across restarts and several server processes.
 * Throws 429 when `key` has been hit more than `limit` times in the current window.
 */
export async function rateLimit(db: DB, key: string, limit: number, windowSeconds: number, now: Date): Promise<void> {
  const start = new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const r = await sql<{ count: number }>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${start}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`.execute(db);
  const count = r.rows[0]?.count ?? 0;
  if (count > limit) throw tooManyRequests(Math.ceil((start.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
  // Old windows are swept now and then rather than by a job.
  if (Math.random() < 0.01) {
    await sql`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 86400_000)}`.execute(db);
  }
}
