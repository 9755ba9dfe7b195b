import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, RoleGrant } from '../../authz/actor.ts';
import { isRole, mfaRequiredRoles } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';

export const SESSION_COOKIE = 'yz_sid';

export const hashToken = (t: string) => crypto.createHash('sha256').update(t).digest('hex');

export interface SessionState {
  idHash: string;
  userId: string;
  csrfToken: string;
  mfaPassed: boolean;
  mfaNeeded: boolean;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  actor: Actor;
}

export async function loadGrants(deps: Deps, userId: string): Promise<RoleGrant[]> {
  const rows = await deps.db
    .selectFrom('role_assignments as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.role', 'r.institution_id', 'i.path'])
    .where('r.user_id', '=', userId)
    .where('i.status', '=', 'active')
    .execute();
  return rows.flatMap((r) => (isRole(r.role) ? [{ role: r.role, institutionId: r.institution_id, institutionPath: r.path }] : []));
}

export function needsMfa(user: { totp_enabled: boolean; totp_required: boolean }, grants: RoleGrant[]): boolean {
  return user.totp_enabled || user.totp_required || grants.some((g) => mfaRequiredRoles.includes(g.role));
}

/** Create a session row; returns the cookie value (only its hash is stored). */
export async function createSession(
  deps: Deps,
  userId: string,
  opts: { mfaPassed: boolean; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  await deps.db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      mfa_passed: opts.mfaPassed,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3600_000),
      ip: opts.ip ?? null,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Resolve a cookie to a live session: 30 min idle and 12 h absolute by default. A touch is written
 * at most once a minute so reads stay cheap.
 */
export async function loadSession(deps: Deps, token: string): Promise<SessionState | null> {
  const idHash = hashToken(token);
  const row = await deps.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id_hash', 's.user_id', 's.csrf_token', 's.mfa_passed', 's.last_seen_at', 's.expires_at',
      'u.kind', 'u.display_name', 'u.status', 'u.must_change_password', 'u.password_changed_at',
      'u.totp_enabled', 'u.totp_required',
      // The grants in the same round trip (as loadGrants reads them): every staff request starts here (issue 8).
      sql<RoleGrant[]>`(SELECT coalesce(json_agg(json_build_object('role', r.role, 'institutionId', r.institution_id,
        'institutionPath', i.path::text)), '[]') FROM role_assignments r JOIN institutions i ON i.id = r.institution_id
        WHERE r.user_id = s.user_id AND i.status = 'active')`.as('grants'),
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = deps.clock.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + deps.config.sessionIdleMinutes * 60_000;
  if (row.status !== 'active' || now.getTime() > idleLimit || now > new Date(row.expires_at)) {
    await deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await deps.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  const grants = row.kind === 'applicant' ? [] : row.grants.filter((g) => isRole(g.role));
  const maxAge = deps.config.passwordMaxAgeDays;
  const passwordExpired =
    row.kind !== 'applicant' && maxAge > 0 && now.getTime() - new Date(row.password_changed_at).getTime() > maxAge * 86400_000;
  return {
    idHash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    mfaPassed: row.mfa_passed,
    mfaNeeded: row.kind !== 'applicant' && needsMfa(row, grants),
    mustChangePassword: row.must_change_password,
    passwordExpired,
    actor: { userId: row.user_id, kind: row.kind, displayName: row.display_name, grants, sessionId: idHash },
  };
}
