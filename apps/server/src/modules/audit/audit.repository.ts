import { sql, type Expression, type SqlBool } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';

/** The root of the institution tree; an audit admin there also sees entries with no institution. */
export const ROOT_PATH = 'cn';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditFilter {
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  /** An actor's id (exact) or part of the actor's name. */
  actor?: string;
  /** Exact action, or a prefix written `auth.*`. */
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: AuditResult;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  institutionId: string | null;
  institutionPath: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: AuditResult;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
  hash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * Entries the scope may see: below one of its institutions; entries with no institution (a failed
 * sign-in of an unknown user, a CLI action) only when the scope holds the root.
 */
export function auditVisible(scope: Scope): Expression<SqlBool> {
  if (scope.paths.includes(ROOT_PATH)) return sql<SqlBool>`true`;
  return inScope(scope, 'institution_path');
}

function filtered(db: DB, scope: Scope, f: AuditFilter) {
  let q = db.selectFrom('audit_log').where(auditVisible(scope));
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.actor) {
    const a = f.actor.trim();
    q = UUID.test(a) ? q.where('actor_id', '=', a.toLowerCase()) : q.where('actor_name', 'ilike', `%${likeEscape(a)}%`);
  }
  if (f.action) {
    q = f.action.endsWith('.*')
      ? q.where('action', 'like', `${likeEscape(f.action.slice(0, -1))}%`)
      : q.where('action', '=', f.action);
  }
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.result) q = q.where('result', '=', f.result);
  return q;
}

const columns = [
  'seq', 'at', 'actor_id', 'actor_name', 'institution_id', 'institution_path', 'action', 'object_type', 'object_id',
  'result', 'ip', 'request_id', 'detail', 'hash',
] as const;

type Row = {
  seq: number; at: Date; actor_id: string | null; actor_name: string | null; institution_id: string | null;
  institution_path: string | null; action: string; object_type: string; object_id: string | null; result: AuditResult;
  ip: string | null; request_id: string | null; detail: unknown; hash: string;
};

export function toEntry(r: Row): AuditEntry {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    institutionId: r.institution_id,
    institutionPath: r.institution_path,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    result: r.result,
    ip: r.ip,
    requestId: r.request_id,
    detail: r.detail ?? null,
    hash: r.hash,
  };
}

/** One page of entries in scope, newest first, and the number matching. */
export async function searchAudit(
  db: DB,
  scope: Scope,
  f: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<{ rows: AuditEntry[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select([...columns])
      .orderBy('seq', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    filtered(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: (rows as Row[]).map(toEntry), total: Number(count.n) };
}

/** Every matching entry, newest first, fetched in batches (keyset on seq); at most `limit`. */
export async function* eachAudit(db: DB, scope: Scope, f: AuditFilter, limit: number, batch = 5000): AsyncGenerator<AuditEntry> {
  let before: number | null = null;
  let n = 0;
  while (n < limit) {
    let q = filtered(db, scope, f);
    if (before !== null) q = q.where('seq', '<', before);
    const rows = (await q
      .select([...columns])
      .orderBy('seq', 'desc')
      .limit(Math.min(batch, limit - n))
      .execute()) as Row[];
    for (const r of rows) yield toEntry(r);
    n += rows.length;
    if (rows.length === 0 || rows.length < batch) return;
    before = Number(rows[rows.length - 1].seq);
  }
}

export async function countAudit(db: DB, scope: Scope, f: AuditFilter): Promise<number> {
  const r = await filtered(db, scope, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
