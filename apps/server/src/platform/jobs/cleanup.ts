import { FAILURE_WINDOW_MS } from '../../modules/auth/lockout.ts';
import type { Deps } from '../deps.ts';

export interface CleanupResult {
  sessions: number;
  verificationCodes: number;
  rateLimitWindows: number;
  loginFailures: number;
  loginLocks: number;
  remindersSent: number;
}

/** Reminder keys only matter on their day; kept two months for questions ("was I reminded?"). */
const REMINDER_KEYS_KEEP_DAYS = 60;

/** The longest rate-limit window in use (rate-limit.ts callers): a window older than this is over. */
const LONGEST_RATE_WINDOW_MS = 86_400_000;
/** Used and expired codes are kept a day (support questions: "my code did not work"), then removed. */
const CODE_KEEP_MS = 86_400_000;

/**
 * Remove what has expired: sessions past their absolute or idle limit, verification codes a day
 * after expiry, finished rate-limit windows, stale login failures, lapsed lock-outs and old reminder keys. Idempotent,
 * so two processes running it at once (or a retry) do no harm. Ages use the platform clock.
 */
export async function cleanupExpired(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<CleanupResult> {
  const now = deps.clock.now();
  const idleCutoff = new Date(now.getTime() - deps.config.sessionIdleMinutes * 60_000);
  const count = (r: { numDeletedRows: bigint }[]) => Number(r[0]?.numDeletedRows ?? 0n);
  return {
    sessions: count(
      await deps.db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleCutoff)])).execute(),
    ),
    verificationCodes: count(
      await deps.db.deleteFrom('verification_codes').where('expires_at', '<', new Date(now.getTime() - CODE_KEEP_MS)).execute(),
    ),
    rateLimitWindows: count(
      await deps.db.deleteFrom('rate_limits').where('window_start', '<', new Date(now.getTime() - LONGEST_RATE_WINDOW_MS)).execute(),
    ),
    loginFailures: count(await deps.db.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - FAILURE_WINDOW_MS)).execute()),
    loginLocks: count(await deps.db.deleteFrom('login_locks').where('locked_until', '<', now).execute()),
    remindersSent: count(
      await deps.db
        .deleteFrom('reminders_sent')
        .where('day', '<', new Date(now.getTime() - REMINDER_KEYS_KEEP_DAYS * 86_400_000))
        .execute(),
    ),
  };
}
