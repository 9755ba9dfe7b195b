import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';

export const MAX_FAILURES = 5; // the 6th wrong password within the window locks
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 30 * 60_000;

export const accountLocked = (until: Date) =>
  new AppError(423, 'account_locked', `账号已锁定，请于 ${until.toISOString()} 后再试或联系安全管理员`, `Account locked until ${until.toISOString()}`, undefined, {
    lockedUntil: until.toISOString(),
  });

/** Subjects are keyed hashes, so no phone number or e-mail typed at the sign-in box is stored. */
export const userSubject = (deps: Deps, userId: string) => deps.secrets.hmac(`user:${userId}`);
export const identifierSubject = (deps: Deps, identifier: string) => deps.secrets.hmac(`id:${identifier.trim().toLowerCase()}`);

export async function lockedUntil(deps: Deps, subject: string): Promise<Date | null> {
  const r = await deps.db.selectFrom('login_locks').select('locked_until').where('subject', '=', subject).executeTakeFirst();
  if (!r) return null;
  const until = new Date(r.locked_until);
  return until > deps.clock.now() ? until : null;
}

/** Record a failure; returns the lock end if this failure locked the subject. */
export async function recordFailure(deps: Deps, subject: string): Promise<Date | null> {
  const now = deps.clock.now();
  await deps.db.insertInto('login_failures').values({ subject, at: now }).execute();
  const r = await deps.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('subject', '=', subject)
    .where('at', '>', new Date(now.getTime() - FAILURE_WINDOW_MS))
    .executeTakeFirstOrThrow();
  if (Number(r.n) <= MAX_FAILURES) return null;
  const until = new Date(now.getTime() + LOCK_MS);
  await sql`INSERT INTO login_locks (subject, locked_until) VALUES (${subject}, ${until})
            ON CONFLICT (subject) DO UPDATE SET locked_until = excluded.locked_until`.execute(deps.db);
  await deps.db.deleteFrom('login_failures').where('subject', '=', subject).execute();
  return until;
}

export async function clearFailures(deps: Deps, subject: string): Promise<void> {
  await deps.db.deleteFrom('login_failures').where('subject', '=', subject).execute();
  await deps.db.deleteFrom('login_locks').where('subject', '=', subject).execute();
}
