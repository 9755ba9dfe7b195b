import type { FastifyRequest } from 'fastify';
import type { DB, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/** Who did it and from where: taken from the request. */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  institutionId: string | null;
  institutionPath: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  /** Never personal data: ids, field names and outcomes only. */
  detail?: Record<string, unknown>;
  /** Institution the object belongs to, when it is not the actor's own. */
  institutionId?: string | null;
  institutionPath?: string | null;
}

export function auditContext(req: FastifyRequest): AuditContext {
  const a = req.actor ?? req.session?.actor ?? null;
  const g = a?.grants[0];
  return {
    actorId: a?.userId ?? null,
    actorName: a?.displayName ?? null,
    institutionId: g?.institutionId ?? null,
    institutionPath: g?.institutionPath ?? null,
    ip: req.ip ?? null,
    requestId: req.id,
  };
}

/**
 * Append an entry, inside the caller's transaction so the entry and the change commit together
 * (and if the entry cannot be written, the change is rolled back). The trigger chains the hash.
 */
export async function recordAudit(db: DB | Tx, ctx: AuditContext, e: AuditEvent): Promise<void> {
  try {
    await insertEntry(db, ctx, e);
  } catch (err) {
    // Fail closed: no change without its audit entry. The caller's transaction rolls back on this throw;
    // the cause stays in the server log (ids and codes only), the user is told to retry later.
    throw auditUnavailable((err as { code?: string }).code ?? 'unknown');
  }
}

/** The audit_log columns of an entry (the trigger adds seq and the hashes). */
export function auditValues(ctx: AuditContext, e: AuditEvent) {
  return {
    actor_id: ctx.actorId,
    actor_name: ctx.actorName,
    institution_id: e.institutionId ?? ctx.institutionId,
    institution_path: e.institutionPath ?? ctx.institutionPath,
    action: e.action,
    object_type: e.objectType,
    object_id: e.objectId ?? null,
    result: e.result ?? 'success',
    ip: ctx.ip,
    request_id: ctx.requestId,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
}

/** The answer when the entry cannot be written: nothing was changed (fail closed). */
export const auditUnavailable = (code: string) =>
  new AppError(503, 'audit_unavailable', '审计日志暂时无法写入，操作未执行，请稍后重试',
    `The audit log cannot be written (${code}); nothing was changed, please retry later`);

async function insertEntry(db: DB | Tx, ctx: AuditContext, e: AuditEvent): Promise<void> {
  await db.insertInto('audit_log').values(auditValues(ctx, e)).execute();
}
