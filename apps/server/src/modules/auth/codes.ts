import crypto from 'node:crypto';
import { isValidMobile } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rateLimit } from '../../platform/rate-limit.ts';

export type CodePurpose = 'register' | 'reset_password' | 'track_case';
export type Channel = 'email' | 'sms';

const CODE_TTL_S = 600;
const MAX_ATTEMPTS = 5;

export function normaliseTarget(channel: Channel, target: string, field = 'target'): string {
  const t = target.trim();
  if (channel === 'sms') {
    if (!isValidMobile(t)) throw new AppError(422, 'invalid_phone', '请输入 11 位手机号码', 'Enter an 11-digit mobile number', field);
    return t;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) throw new AppError(422, 'invalid_email', '电子邮箱格式不正确', 'Invalid e-mail address', field);
  return t.toLowerCase();
}

const purposeText: Record<CodePurpose, string> = { register: '注册账号', reset_password: '重置密码', track_case: '查询案件进度' };

/** Create a 6-digit code (stored hashed, 10 minutes) and send it; limits per target and per IP. */
export async function sendCode(deps: Deps, purpose: CodePurpose, channel: Channel, target: string, ip: string, deliver = true): Promise<number> {
  const t = normaliseTarget(channel, target);
  const targetHmac = deps.secrets.hmac(`${channel}:${t}`);
  const now = deps.clock.now();
  await rateLimit(deps.db, `code-ip:${ip}`, 20, 3600, now);
  await rateLimit(deps.db, `code-target:${targetHmac}`, 1, 60, now);
  await rateLimit(deps.db, `code-target-day:${targetHmac}`, 10, 86400, now);
  if (!deliver) return CODE_TTL_S;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.db
    .insertInto('verification_codes')
    .values({ purpose, target_hmac: targetHmac, code_hash: deps.secrets.hmac(`code:${code}`), expires_at: new Date(now.getTime() + CODE_TTL_S * 1000), used_at: null })
    .execute();
  const text = `【援知】您正在${purposeText[purpose]}，验证码 ${code}，10 分钟内有效。如非本人操作请忽略。`;
  await deps.notifier.send({ channel, to: t, subject: `援知验证码：${purposeText[purpose]}`, body: text });
  return CODE_TTL_S;
}

/** Consume a code: the latest unexpired one for the target; five wrong tries void it. */
export async function consumeCode(deps: Deps, purpose: CodePurpose, channel: Channel, target: string, code: string): Promise<void> {
  const targetHmac = deps.secrets.hmac(`${channel}:${normaliseTarget(channel, target)}`);
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('verification_codes')
    .selectAll()
    .where('target_hmac', '=', targetHmac)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const bad = new AppError(422, 'invalid_code', '验证码不正确或已过期', 'Wrong or expired verification code', 'code');
  if (!row || row.attempts >= MAX_ATTEMPTS) throw bad;
  if (row.code_hash !== deps.secrets.hmac(`code:${code.trim()}`)) {
    await deps.db.updateTable('verification_codes').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    throw bad;
  }
  await deps.db.updateTable('verification_codes').set({ used_at: now }).where('id', '=', row.id).execute();
}
