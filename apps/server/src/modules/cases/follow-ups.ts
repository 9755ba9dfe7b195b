import type { Deadline } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { actingRole, canOnCase, canSeeCase, caseNotFound } from './cases.access.ts';
import { storeDeadlines } from './cases.deadlines.ts';
import { appendEvent, findCase, isUuid, lockCase, type CaseRow } from './cases.repository.ts';

/**
 * Follow-up visits (回访). Concluding a case schedules one, due on the domain's `follow_up` deadline
 * (10 working days after conclusion, deadline-rules.ts); reopening drops an open one (the next
 * conclusion schedules another). Staff record it done (method, satisfaction 1–5, notes) or skipped
 * with the reason; either appends a `followUp` event, which meets the follow_up deadline. A case is
 * archived only once its follow-up is done or skipped.
 */

export type FollowUpView = {
  id: string;
  dueOn: string;
  status: 'open' | 'done' | 'skipped';
  doneAt: string | null;
  method: string | null;
  satisfaction: number | null;
  notes: string | null;
  by: { id: string | null; name: string } | null;
  skippedReason: string | null;
  overdue: boolean;
};

/** In the conclude transition: schedule the visit on the follow_up deadline just computed. */
export async function scheduleFollowUp(tx: Tx, caseId: string, deadlines: readonly Deadline[]): Promise<void> {
  const d = deadlines.find((x) => x.kind === 'follow_up' && x.status !== 'met');
  if (!d) return;
  await tx.insertInto('case_follow_ups').values({ case_id: caseId, due_on: d.due }).execute();
}

/** In the reopen transition: an open visit no longer applies. */
export async function dropOpenFollowUps(tx: Tx, caseId: string): Promise<void> {
  await tx.deleteFrom('case_follow_ups').where('case_id', '=', caseId).where('done_at', 'is', null).where('skipped_at', 'is', null).execute();
}

/** After a recompute (calendar change): open visits move with the follow_up deadline. */
export async function syncFollowUpDue(tx: Tx, caseId: string, deadlines: readonly Deadline[]): Promise<void> {
  const d = deadlines.find((x) => x.kind === 'follow_up' && x.status !== 'met');
  if (!d) return;
  await tx
    .updateTable('case_follow_ups')
    .set({ due_on: d.due })
    .where('case_id', '=', caseId)
    .where('done_at', 'is', null)
    .where('skipped_at', 'is', null)
    .execute();
}

/** In the archive transition: refuse while a visit is still open. */
export async function assertFollowUpsClosed(tx: Tx, caseId: string): Promise<void> {
  const open = await tx
    .selectFrom('case_follow_ups')
    .select(sql<string>`due_on::text`.as('due_on'))
    .where('case_id', '=', caseId)
    .where('done_at', 'is', null)
    .where('skipped_at', 'is', null)
    .executeTakeFirst();
  if (open) {
    throw new AppError(409, 'follow_up_pending', `回访（应于 ${open.due_on} 前完成）尚未完成，请先登记回访或说明未回访的原因`,
      `The follow-up visit (due ${open.due_on}) is not done: record it, or record why it was skipped, before archiving`);
  }
}

export async function listFollowUps(deps: Deps, actor: Actor, caseId: string): Promise<FollowUpView[]> {
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft' || actor.kind === 'applicant' || !canSeeCase(actor, c)) throw caseNotFound();
  const today = new Date(deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const rows = await deps.db
    .selectFrom('case_follow_ups')
    .select(['id', sql<string>`due_on::text`.as('due_on'), 'done_at', 'method', 'satisfaction', 'notes', 'done_by', 'done_by_name', 'skipped_at', 'skipped_reason'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const status = r.done_at ? 'done' : r.skipped_at ? 'skipped' : 'open';
    return {
      id: r.id, dueOn: r.due_on, status, doneAt: r.done_at ? new Date(r.done_at).toISOString() : null, method: r.method,
      satisfaction: r.satisfaction, notes: r.notes, by: r.done_by_name ? { id: r.done_by, name: r.done_by_name } : null,
      skippedReason: r.skipped_reason, overdue: status === 'open' && r.due_on < today,
    };
  });
}

export type FollowUpRecord =
  | { outcome: 'done'; method: 'phone' | 'visit' | 'email' | 'sms' | 'other'; satisfaction?: number | undefined; notes?: string | undefined }
  | { outcome: 'skipped'; reason: string };

/**
 * Record the visit done (or skipped, with the reason). One transaction under the case's row lock:
 * the follow-up row, a `followUp` event on the timeline (no state change), the deadlines, the audit entry.
 * `followUpId` null takes the case's open visit (the demo loader).
 */
export async function recordFollowUp(
  deps: Deps, actor: Actor, caseId: string, followUpId: string | null, rec: FollowUpRecord, ctx: AuditContext,
): Promise<FollowUpView[]> {
  await deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, caseId);
    if (!c || c.state === 'draft' || actor.kind === 'applicant' || !canSeeCase(actor, c)) throw caseNotFound();
    if (!canOnCase(actor, 'case.handle', c) && !canOnCase(actor, 'case.archive', c)) {
      throw new AppError(403, 'forbidden', '只有承办人、登记员或机构管理员可以登记回访', 'Only a handler, a clerk or an administrator records follow-up visits');
    }
    if (c.state === 'archived') throw Conflict('case_archived', '案件已归档，只能查看', 'The case is archived and read-only');
    if (followUpId !== null && !isUuid(followUpId)) throw NotFound('follow-up', '回访');
    let q = tx.selectFrom('case_follow_ups').select(['id', 'done_at', 'skipped_at']).where('case_id', '=', caseId).forUpdate();
    q = followUpId ? q.where('id', '=', followUpId) : q.where('done_at', 'is', null).where('skipped_at', 'is', null);
    const f = await q.executeTakeFirst();
    if (!f) throw NotFound('follow-up', '回访');
    if (f.done_at || f.skipped_at) throw Conflict('follow_up_closed', '该回访已登记', 'This follow-up visit is already recorded');
    await closeFollowUp(tx, deps, actor, c, f.id, rec, ctx);
  });
  return listFollowUps(deps, actor, caseId);
}

async function closeFollowUp(tx: Tx, deps: Deps, actor: Actor, c: CaseRow, id: string, rec: FollowUpRecord, ctx: AuditContext) {
  const now = deps.clock.now();
  const by = { done_by: actor.userId, done_by_name: actor.displayName };
  if (rec.outcome === 'done') {
    await tx
      .updateTable('case_follow_ups')
      .set({ done_at: now, method: rec.method, satisfaction: rec.satisfaction ?? null, notes: rec.notes?.trim() || null, ...by })
      .where('id', '=', id)
      .execute();
  } else {
    await tx.updateTable('case_follow_ups').set({ skipped_at: now, skipped_reason: rec.reason.trim(), ...by }).where('id', '=', id).execute();
  }
  const payload = rec.outcome === 'done'
    ? { followUpId: id, method: rec.method, ...(rec.satisfaction ? { satisfaction: rec.satisfaction } : {}), ...(rec.notes?.trim() ? { note: rec.notes.trim() } : {}) }
    : { followUpId: id, skipped: true };
  await appendEvent(tx, {
    case_id: c.id, event: 'followUp', from_state: null, to_state: null, actor_id: actor.userId, actor_name: actor.displayName,
    actor_role: actingRole(actor, c.institution_path, 'case.handle'), at: now, reason: rec.outcome === 'skipped' ? rec.reason.trim() : null,
    payload: JSON.stringify(payload),
  });
  await tx.updateTable('cases').set({ version: sql<number>`version + 1`, updated_at: now }).where('id', '=', c.id).execute();
  await storeDeadlines(tx, c.id, c.track as 'fast' | 'standard', now);
  await recordAudit(tx, ctx, {
    action: rec.outcome === 'done' ? 'case.followUp' : 'case.followUpSkipped', objectType: 'case', objectId: c.id,
    institutionId: c.institution_id, institutionPath: c.institution_path, detail: { followUpId: id, caseNumber: c.case_number },
  });
}
