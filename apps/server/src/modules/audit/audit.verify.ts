import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type BreakReason = 'hash_mismatch' | 'link_broken';

export interface VerifyResult {
  ok: boolean;
  /** Entries checked (up to the first break, that one included). */
  checked: number;
  /** The first entry whose content or link does not match. */
  firstBadSeq?: number;
  reason?: BreakReason;
}

/** One entry as the SQL function audit_canonical() sees it: every field already as text. */
export interface CanonicalRow {
  seq: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  institution_id: string | null;
  institution_path: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  result: string;
  ip: string | null;
  request_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The text the chain trigger hashes; must stay identical to audit_canonical() in the migration. */
export function canonicalText(r: CanonicalRow): string {
  return [
    r.seq, r.at, r.actor_id ?? '', r.actor_name ?? '', r.institution_id ?? '', r.institution_path ?? '', r.action,
    r.object_type, r.object_id ?? '', r.result, r.ip ?? '', r.request_id ?? '', r.detail ?? '', r.prev_hash,
  ].join('|');
}

export const entryHash = (r: CanonicalRow) => crypto.createHash('sha256').update(canonicalText(r), 'utf8').digest('hex');

async function batchAfter(db: DB, after: bigint | null, upTo: string, size: number): Promise<CanonicalRow[]> {
  const r = await sql<CanonicalRow>`
    SELECT seq::text AS seq,
           to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
           actor_id::text AS actor_id, actor_name, institution_id::text AS institution_id,
           institution_path::text AS institution_path, action, object_type, object_id, result, ip, request_id,
           detail::text AS detail, prev_hash, hash
      FROM audit_log
     WHERE seq <= ${upTo}::bigint ${after === null ? sql`` : sql`AND seq > ${after.toString()}::bigint`}
     ORDER BY audit_log.seq
     LIMIT ${size}`.execute(db);
  return r.rows;
}

/**
 * Walk the whole chain in seq order, in batches, up to the last entry present when the walk starts.
 * Each entry's hash is recomputed from its fields, and each entry must link to the one before it
 * (the first to the genesis hash). Gaps in seq alone are not a break: a rolled-back transaction
 * leaves one; a deleted entry shows as a broken link at the entry after it.
 */
export async function verifyChain(db: DB, batchSize = 5000): Promise<VerifyResult> {
  const last = await sql<{ max: string | null }>`SELECT max(seq)::text AS max FROM audit_log`.execute(db);
  const upTo = last.rows[0]?.max;
  if (!upTo) return { ok: true, checked: 0 };
  let prev = GENESIS_HASH;
  let after: bigint | null = null;
  let checked = 0;
  for (;;) {
    const rows = await batchAfter(db, after, upTo, batchSize);
    for (const r of rows) {
      checked++;
      if (r.prev_hash !== prev) return { ok: false, checked, firstBadSeq: Number(r.seq), reason: 'link_broken' };
      if (entryHash(r) !== r.hash) return { ok: false, checked, firstBadSeq: Number(r.seq), reason: 'hash_mismatch' };
      prev = r.hash;
    }
    if (rows.length < batchSize) return { ok: true, checked };
    after = BigInt(rows[rows.length - 1].seq);
  }
}

export const breakReasonText: Record<BreakReason, { zh: string; en: string }> = {
  hash_mismatch: { zh: '该条目内容已被篡改（哈希不符）', en: 'the entry was altered (hash does not match)' },
  link_broken: {
    zh: '链接断开：其前一条目被删除或替换',
    en: 'broken link: the entry before it was deleted or replaced',
  },
};
