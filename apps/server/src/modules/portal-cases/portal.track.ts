import crypto from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rateLimit } from '../../platform/rate-limit.ts';
import { consumeCode, normaliseTarget, sendCode, type Channel } from '../auth/codes.ts';
import { findCase, type CaseRow } from '../cases/cases.repository.ts';

/**
 * Tracking without an account: a code goes to the phone or e-mail given in the application; the code buys a
 * read-only token (stored as a keyed hash, 30 minutes) sent back as `x-track-token`. The answers never tell
 * whether a case number and a contact belong together.
 */
export const TRACK_TOKEN_MINUTES = 30;

const channelOf = (contact: string): Channel => (contact.includes('@') ? 'email' : 'sms');
const tokenHash = (deps: Deps, token: string) => deps.secrets.hmac(`track-token:${token}`);

/** The case whose applicant gave this contact, if any (no draft: drafts have no number). */
async function caseFor(deps: Deps, caseNumber: string, channel: Channel, contact: string): Promise<string | null> {
  const target = normaliseTarget(channel, contact, 'contact');
  let q = deps.db
    .selectFrom('cases as c')
    .innerJoin('case_parties as p', (j) => j.onRef('p.case_id', '=', 'c.id').on('p.role', '=', 'applicant'))
    .select('c.id')
    .where('c.case_number', '=', caseNumber.trim().toUpperCase());
  q = channel === 'sms' ? q.where('p.phone_hmac', '=', deps.secrets.hmac(target)) : q.where('p.email', '=', target);
  return (await q.executeTakeFirst())?.id ?? null;
}

/** Same answer whether or not the pair matches; the code is sent only when it does. */
export async function sendTrackCode(deps: Deps, caseNumber: string, contact: string, ip: string): Promise<{ expiresInSeconds: number }> {
  const channel = channelOf(contact);
  const match = await caseFor(deps, caseNumber, channel, contact);
  const ttl = await sendCode(deps, 'track_case', channel, contact, ip, match !== null);
  return { expiresInSeconds: ttl };
}

export async function verifyTrackCode(deps: Deps, caseNumber: string, contact: string, code: string, ip: string) {
  await rateLimit(deps.db, `track-verify-ip:${ip}`, 30, 3600, deps.clock.now());
  const channel = channelOf(contact);
  await consumeCode(deps, 'track_case', channel, contact, code);
  const caseId = await caseFor(deps, caseNumber, channel, contact);
  if (!caseId) throw new AppError(422, 'invalid_code', '验证码不正确或已过期', 'Wrong or expired verification code', 'code');
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + TRACK_TOKEN_MINUTES * 60_000);
  await deps.db.insertInto('portal_track_tokens').values({ token_hash: tokenHash(deps, token), case_id: caseId, expires_at: expiresAt }).execute();
  return { token, expiresAt: expiresAt.toISOString() };
}

export const badTrackToken = () =>
  new AppError(401, 'invalid_track_token', '查询凭证无效或已过期，请重新获取验证码', 'The tracking token is invalid or expired; ask for a new code', 'x-track-token');

/** The case a tracking token opens, else 401. */
export async function caseForTrackToken(deps: Deps, token: string | undefined): Promise<CaseRow> {
  if (!token || token.length < 20 || token.length > 100) throw badTrackToken();
  const row = await deps.db.selectFrom('portal_track_tokens').select(['case_id', 'expires_at'])
    .where('token_hash', '=', tokenHash(deps, token)).executeTakeFirst();
  if (!row || new Date(row.expires_at) <= deps.clock.now()) throw badTrackToken();
  const c = await findCase(deps.db, row.case_id);
  if (!c) throw badTrackToken();
  return c;
}
