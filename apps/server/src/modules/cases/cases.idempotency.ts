import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Idempotent submissions: the first request with a key claims it inside its transaction (the unique key
 * makes a concurrent retry wait for that transaction); a later request with the same key and body gets the
 * stored answer, with another body 422. Keys are per owner ('user:<id>').
 */
export interface StoredAnswer {
  statusCode: number;
  response: { caseId: string };
}

export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(stableJson(body)).digest('hex');
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const badKey = () =>
  new AppError(400, 'invalid_idempotency_key', 'Idempotency-Key 须为 8–100 个字母、数字或 -_', 'Idempotency-Key must be 8–100 letters, digits, - or _', 'Idempotency-Key');

/** Claim the key, or return the answer already given for it. */
export async function claimKey(tx: Tx, owner: string, key: string, hash: string): Promise<StoredAnswer | null> {
  if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) throw badKey();
  const claimed = await sql`
    INSERT INTO idempotency_keys (owner, key, request_hash) VALUES (${owner}, ${key}, ${hash})
    ON CONFLICT (owner, key) DO NOTHING RETURNING key`.execute(tx);
  if (claimed.rows.length > 0) return null;
  const row = await tx.selectFrom('idempotency_keys').selectAll().where('owner', '=', owner).where('key', '=', key).executeTakeFirstOrThrow();
  if (row.request_hash !== hash) {
    throw new AppError(422, 'idempotency_key_reused', '该 Idempotency-Key 已用于另一份申请', 'This Idempotency-Key was used for a different request', 'Idempotency-Key');
  }
  return { statusCode: row.status_code ?? 201, response: row.response as StoredAnswer['response'] };
}

export async function storeAnswer(tx: Tx, owner: string, key: string, a: StoredAnswer): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status_code: a.statusCode, response: JSON.stringify(a.response) })
    .where('owner', '=', owner)
    .where('key', '=', key)
    .execute();
}
