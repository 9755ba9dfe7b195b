import { isValidCreditCode, maskPhone } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Invalid } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { checkPassword, findByIdentifier } from './auth.service.ts';
import { consumeCode, normaliseTarget, sendCode, type Channel } from './codes.ts';
import { clearFailures, userSubject } from './lockout.ts';
import { hashPassword } from './password.ts';
import { createSession } from './session.ts';

export interface RegisterInput {
  partyKind: 'natural_person' | 'legal_person' | 'unincorporated_org' | 'individual_business';
  displayName: string;
  orgName?: string;
  creditCode?: string;
  email?: string;
  phone?: string;
  code: string;
  password: string;
}

/** A public applicant signs up as a natural person or an organisation, proving the phone or e-mail by a code. */
export async function registerApplicant(deps: Deps, input: RegisterInput, meta: { ip: string; userAgent?: string }, ctx: AuditContext) {
  const isOrg = input.partyKind !== 'natural_person';
  if (isOrg) {
    if (!input.orgName?.trim()) throw Invalid('orgName', '请填写单位名称', 'Enter the organisation name');
    if (!input.creditCode || !isValidCreditCode(input.creditCode)) {
      throw Invalid('creditCode', '统一社会信用代码不正确（校验位不符）', 'Invalid unified social credit code (check digit)');
    }
  }
  if (!input.email && !input.phone) throw Invalid('phone', '请填写手机号码或电子邮箱', 'Give a mobile number or an e-mail address');
  const email = input.email ? normaliseTarget('email', input.email, 'email') : null;
  const phone = input.phone ? normaliseTarget('sms', input.phone, 'phone') : null;
  if (email && (await findByIdentifier(deps, email))) throw new AppError(409, 'account_exists', '该邮箱已注册', 'This e-mail is already registered', 'email');
  if (phone && (await findByIdentifier(deps, phone))) throw new AppError(409, 'account_exists', '该手机号已注册', 'This mobile number is already registered', 'phone');
  checkPassword(input.password, false, null, 'password');
  const channel: Channel = phone ? 'sms' : 'email';
  await consumeCode(deps, 'register', channel, (phone ?? email)!, input.code);
  const hash = await hashPassword(input.password);
  const user = await deps.db.transaction().execute(async (tx) => {
    const u = await tx
      .insertInto('users')
      .values({
        kind: 'applicant',
        username: null,
        display_name: input.displayName.trim(),
        email,
        phone_enc: phone ? deps.secrets.encrypt(phone) : null,
        phone_hmac: phone ? deps.secrets.hmac(phone) : null,
        phone_masked: phone ? maskPhone(phone) : null,
        party_kind: input.partyKind,
        org_name: isOrg ? input.orgName!.trim() : null,
        credit_code: isOrg ? input.creditCode!.trim().toUpperCase() : null,
        password_hash: hash,
        totp_secret_enc: null,
        locked_until: null,
        last_login_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { ...ctx, actorId: u.id, actorName: input.displayName }, {
      action: 'auth.register', objectType: 'user', objectId: u.id, detail: { partyKind: input.partyKind },
    });
    return u;
  });
  return createSession(deps, user.id, { mfaPassed: true, ip: meta.ip, userAgent: meta.userAgent });
}

/** Ask for a reset code: the same answer whether or not an account exists. */
export async function requestReset(deps: Deps, channel: Channel, target: string, ip: string): Promise<number> {
  const exists = await findByIdentifier(deps, normaliseTarget(channel, target));
  return sendCode(deps, 'reset_password', channel, target, ip, Boolean(exists));
}

export async function resetPassword(
  deps: Deps,
  input: { channel: Channel; target: string; code: string; newPassword: string },
  ctx: AuditContext,
): Promise<void> {
  const target = normaliseTarget(input.channel, input.target);
  await consumeCode(deps, 'reset_password', input.channel, target, input.code);
  const user = await findByIdentifier(deps, target);
  if (!user) throw new AppError(422, 'invalid_code', '验证码不正确或已过期', 'Wrong or expired verification code', 'code');
  checkPassword(input.newPassword, user.kind !== 'applicant', user.username);
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash, password_changed_at: deps.clock.now(), must_change_password: false }).where('id', '=', user.id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await recordAudit(tx, { ...ctx, actorId: user.id, actorName: user.display_name }, { action: 'auth.password_reset', objectType: 'user', objectId: user.id });
  });
  await clearFailures(deps, userSubject(deps, user.id));
}
