import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError, Conflict } from '../../platform/errors.ts';

/**
 * Rating a concluded case from a one-click link, no sign-in: a random token (stored as a keyed hash,
 * 30 days) opens the case's number and institution; one rating per case (409 after).
 */
export const RATING_LINK_DAYS = 30;

const hashOf = (deps: Pick<Deps, 'secrets'>, token: string) => deps.secrets.hmac(`rating-token:${token}`);

export interface RatingLink {
  token: string;
  /** The portal page of the link (the web app reads /rate/:token and calls GET /api/portal/rate/:token). */
  path: string;
  expiresAt: string;
}

/**
 * For the conclusion step (in its transaction): a fresh link for the case. A case already rated gets none
 * (null); an earlier unused link is replaced, so only the newest one works.
 */
export async function createRatingLink(deps: Pick<Deps, 'secrets' | 'clock'>, tx: Tx, caseId: string): Promise<RatingLink | null> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + RATING_LINK_DAYS * 86_400_000);
  const r = await sql<{ case_id: string }>`
    INSERT INTO portal_ratings (case_id, token_hash, expires_at) VALUES (${caseId}, ${hashOf(deps, token)}, ${expiresAt})
    ON CONFLICT (case_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at
      WHERE portal_ratings.rated_at IS NULL
    RETURNING case_id`.execute(tx);
  if (r.rows.length === 0) return null;
  return { token, path: `/rate/${token}`, expiresAt: expiresAt.toISOString() };
}

const linkNotFound = () =>
  new AppError(404, 'not_found', '评价链接无效或已过期', 'The rating link is invalid or has expired');

async function linkRow(deps: Deps, token: string) {
  const r = await deps.db
    .selectFrom('portal_ratings as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['r.case_id', 'r.expires_at', 'r.score', 'r.rated_at', 'c.case_number', 'c.concluded_at', 'i.id as institution_id', 'i.name as institution_name'])
    .where('r.token_hash', '=', hashOf(deps, token))
    .executeTakeFirst();
  if (!r || new Date(r.expires_at) <= deps.clock.now()) throw linkNotFound();
  return r;
}

export async function ratingLinkView(deps: Deps, token: string) {
  const r = await linkRow(deps, token);
  return {
    caseNumber: r.case_number, institution: { id: r.institution_id, name: r.institution_name },
    concludedAt: r.concluded_at ? new Date(r.concluded_at).toISOString() : null,
    rated: r.rated_at !== null, score: r.score, expiresAt: new Date(r.expires_at).toISOString(),
  };
}

export async function rateCase(deps: Deps, token: string, score: number, comment: string | undefined) {
  const r = await linkRow(deps, token);
  const now = deps.clock.now();
  const done = await deps.db
    .updateTable('portal_ratings')
    .set({ score, comment: comment?.trim() || null, rated_at: now })
    .where('case_id', '=', r.case_id)
    .where('token_hash', '=', hashOf(deps, token))
    .where('rated_at', 'is', null)
    .returning('case_id')
    .executeTakeFirst();
  if (!done) throw Conflict('already_rated', '该案件已评价，感谢您的反馈', 'This case has already been rated; thank you');
  return { caseNumber: r.case_number, score, ratedAt: now.toISOString() };
}
