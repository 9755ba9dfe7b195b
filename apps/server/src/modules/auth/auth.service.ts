import { isValidMobile, passwordProblems } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { accountLocked, clearFailures, identifierSubject, lockedUntil, recordFailure, userSubject } from './lockout.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { createSession, loadGrants, loadSession, type SessionState } from './session.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', '用户名或密码错误', 'Wrong user name or password');

/** Find an account by what was typed at the sign-in box: user name, e-mail or mobile number. */
export async function findByIdentifier(deps: Deps, identifier: string) {
  const id = identifier.trim();
  let q = deps.db.selectFrom('users').selectAll();
  if (id.includes('@')) q = q.where('email', '=', id.toLowerCase());
  else if (isValidMobile(id)) q = q.where('phone_hmac', '=', deps.secrets.hmac(id));
  else q = q.where('username', '=', id.toLowerCase());
  return q.executeTakeFirst();
}

export async function login(
  deps: Deps,
  input: { username: string; password: string },
  meta: { ip: string; userAgent?: string },
  ctx: AuditContext,
): Promise<{ token: string }> {
  const user = await findByIdentifier(deps, input.username);
  const subject = user ? userSubject(deps, user.id) : identifierSubject(deps, input.username);
  const locked = await lockedUntil(deps, subject);
  if (locked) throw accountLocked(locked);
  const ok = user
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await dummyHash(), input.password), false);
  // Sign-in entries belong to the user's institution, so auditors below the root see their own staff's.
  const grant = user && user.kind !== 'applicant' ? (await loadGrants(deps, user.id))[0] : undefined;
  const audit = {
    ...ctx,
    actorId: user?.id ?? null,
    actorName: user?.display_name ?? null,
    institutionId: grant?.institutionId ?? null,
    institutionPath: grant?.institutionPath ?? null,
  };
  if (!ok || !user || user.status !== 'active') {
    const lockedNow = await recordFailure(deps, subject);
    await recordAudit(deps.db, audit, {
      action: lockedNow ? 'auth.lock' : 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      result: 'failure',
      detail: { reason: !user ? 'unknown_user' : user.status !== 'active' ? 'disabled' : 'wrong_password' },
    });
    if (lockedNow) throw accountLocked(lockedNow);
    throw invalidCredentials();
  }
  await clearFailures(deps, subject);
  const s = await createSession(deps, user.id, { mfaPassed: false, ip: meta.ip, userAgent: meta.userAgent });
  await deps.db.updateTable('users').set({ last_login_at: deps.clock.now() }).where('id', '=', user.id).execute();
  await recordAudit(deps.db, audit, { action: 'auth.login', objectType: 'user', objectId: user.id });
  return { token: s.token };
}

function requireSession(s: SessionState | null): SessionState {
  if (!s) throw new AppError(401, 'unauthenticated', '请先登录', 'Please sign in');
  return s;
}

async function markMfaPassed(deps: Deps, s: SessionState): Promise<void> {
  await deps.db.updateTable('sessions').set({ mfa_passed: true }).where('id_hash', '=', s.idHash).execute();
}

const badCode = () => new AppError(422, 'invalid_code', '动态验证码不正确或已过期', 'Wrong or expired code', 'code');

export async function verifyMfa(deps: Deps, session: SessionState | null, code: string, ctx: AuditContext): Promise<void> {
  const s = requireSession(session);
  const u = await deps.db.selectFrom('users').select(['totp_secret_enc', 'totp_enabled']).where('id', '=', s.userId).executeTakeFirstOrThrow();
  if (!u.totp_enabled || !u.totp_secret_enc) throw new AppError(409, 'mfa_not_enabled', '尚未启用双因素认证', 'Two-factor sign-in is not set up');
  const subject = userSubject(deps, s.userId);
  const locked = await lockedUntil(deps, subject);
  if (locked) throw accountLocked(locked);
  if (!verifyTotp(deps.secrets.decrypt(u.totp_secret_enc), code, deps.clock.now())) {
    const lockedNow = await recordFailure(deps, subject);
    await recordAudit(deps.db, ctx, { action: 'auth.mfa', objectType: 'user', objectId: s.userId, result: 'failure' });
    if (lockedNow) {
      await deps.db.deleteFrom('sessions').where('user_id', '=', s.userId).execute();
      throw accountLocked(lockedNow);
    }
    throw badCode();
  }
  await clearFailures(deps, subject);
  await markMfaPassed(deps, s);
  await recordAudit(deps.db, ctx, { action: 'auth.mfa', objectType: 'user', objectId: s.userId });
}

/** Start TOTP enrolment: a new secret is stored (not yet enabled) and shown once. */
export async function setupMfa(deps: Deps, session: SessionState | null): Promise<{ secret: string; otpauthUrl: string }> {
  const s = requireSession(session);
  const u = await deps.db.selectFrom('users').select(['totp_enabled', 'username', 'email']).where('id', '=', s.userId).executeTakeFirstOrThrow();
  if (u.totp_enabled && !s.mfaPassed) throw new AppError(409, 'mfa_enabled', '已启用双因素认证，请输入动态码', 'Two-factor sign-in is already on');
  const secret = newTotpSecret();
  await deps.db.updateTable('users').set({ totp_secret_enc: deps.secrets.encrypt(secret), totp_enabled: false }).where('id', '=', s.userId).execute();
  return { secret, otpauthUrl: totpUri(secret, u.username ?? u.email ?? s.userId) };
}

export async function enableMfa(deps: Deps, session: SessionState | null, code: string, ctx: AuditContext): Promise<void> {
  const s = requireSession(session);
  const u = await deps.db.selectFrom('users').select(['totp_secret_enc']).where('id', '=', s.userId).executeTakeFirstOrThrow();
  if (!u.totp_secret_enc) throw new AppError(409, 'mfa_not_started', '请先生成密钥', 'Start the set-up first');
  if (!verifyTotp(deps.secrets.decrypt(u.totp_secret_enc), code, deps.clock.now())) throw badCode();
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ totp_enabled: true }).where('id', '=', s.userId).execute();
    await tx.updateTable('sessions').set({ mfa_passed: true }).where('id_hash', '=', s.idHash).execute();
    await recordAudit(tx, ctx, { action: 'auth.mfa_enable', objectType: 'user', objectId: s.userId });
  });
}

export function checkPassword(pw: string, staff: boolean, username: string | null, field = 'newPassword'): void {
  const problems = passwordProblems(pw, { staff, username });
  if (problems.length) {
    throw new AppError(422, 'weak_password', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '), field, {
      fields: problems.map((p) => ({ field, message: p.zh, messageEn: p.en })),
    });
  }
}

export async function changePassword(
  deps: Deps,
  session: SessionState | null,
  input: { currentPassword: string; newPassword: string },
  ctx: AuditContext,
): Promise<void> {
  const s = requireSession(session);
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', s.userId).executeTakeFirstOrThrow();
  if (u.totp_enabled && !s.mfaPassed) throw new AppError(403, 'mfa_required', '请先完成双因素认证', 'Complete two-factor sign-in first');
  if (!(await verifyPassword(u.password_hash, input.currentPassword))) {
    throw new AppError(422, 'wrong_password', '当前密码不正确', 'The current password is wrong', 'currentPassword');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError(422, 'same_password', '新密码不能与当前密码相同', 'Choose a password different from the current one', 'newPassword');
  }
  checkPassword(input.newPassword, u.kind !== 'applicant', u.username);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: deps.clock.now(), must_change_password: false, updated_at: deps.clock.now() })
      .where('id', '=', s.userId)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', s.userId).where('id_hash', '!=', s.idHash).execute();
    await recordAudit(tx, ctx, { action: 'auth.password_change', objectType: 'user', objectId: s.userId });
  });
}

export async function reloadSession(deps: Deps, token: string): Promise<SessionState> {
  const s = await loadSession(deps, token);
  if (!s) throw new AppError(401, 'unauthenticated', '请先登录', 'Please sign in');
  return s;
}
