import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Forbidden, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { canOnCase } from './cases.access.ts';
import { loadVisibleCase } from './cases.read.ts';
import type { NoteInput } from './cases.schemas.ts';
import { caseArchived } from './cases.transition.ts';

/** The working file of a case: internal notes, tasks (due date, done), contact log entries. Staff only. */
export async function addNote(deps: Deps, actor: Actor, caseId: string, input: NoteInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const c = await loadVisibleCase({ ...deps, db: tx }, actor, caseId);
    if (!canOnCase(actor, 'case.note', c)) throw Forbidden();
    if (c.state === 'archived') throw caseArchived();
    const now = deps.clock.now();
    const r = await tx
      .insertInto('case_notes')
      .values({
        case_id: c.id, kind: input.kind, body: input.body, due_on: input.kind === 'task' ? (input.dueOn ?? null) : null,
        done_at: null, contact_method: input.kind === 'contact' ? input.contactMethod : null,
        contacted_at: input.kind === 'contact' ? new Date(input.contactedAt ?? now) : null,
        author_id: actor.userId, author_name: actor.displayName, created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'case.note', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { noteId: r.id, kind: input.kind },
    });
    return r.id;
  });
}

export async function completeTask(deps: Deps, actor: Actor, caseId: string, noteId: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const c = await loadVisibleCase({ ...deps, db: tx }, actor, caseId);
    if (!canOnCase(actor, 'case.note', c)) throw Forbidden();
    if (c.state === 'archived') throw caseArchived();
    const n = await tx.selectFrom('case_notes').select(['kind', 'done_at']).where('id', '=', noteId).where('case_id', '=', c.id).forUpdate().executeTakeFirst();
    if (!n) throw NotFound('note', '记录');
    if (n.kind !== 'task') throw new AppError(409, 'not_a_task', '只有待办任务可以标记完成', 'Only a task can be marked done');
    if (n.done_at) return;
    await tx.updateTable('case_notes').set({ done_at: deps.clock.now() }).where('id', '=', noteId).execute();
    await recordAudit(tx, ctx, {
      action: 'case.task_done', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { noteId },
    });
  });
}

export async function listNotes(deps: Deps, actor: Actor, caseId: string) {
  const c = await loadVisibleCase(deps, actor, caseId);
  const rows = await deps.db.selectFrom('case_notes').selectAll().select((eb) => eb.cast<string | null>('due_on', 'text').as('due_on'))
    .where('case_id', '=', c.id).orderBy('created_at').orderBy('id').execute();
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((n) => ({
    id: n.id, kind: n.kind, body: n.body, dueOn: n.due_on, done: n.done_at !== null, doneAt: iso(n.done_at),
    contactMethod: n.contact_method, contactedAt: iso(n.contacted_at), author: { id: n.author_id, name: n.author_name },
    createdAt: iso(n.created_at)!,
  }));
}
