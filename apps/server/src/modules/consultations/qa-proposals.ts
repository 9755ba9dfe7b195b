import { stripPersonalDetails } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, scopeFor, type Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { consultationFor } from './consultations.access.ts';

/**
 * 优秀问答: a good question and answer is proposed with personal details removed (stripPersonalDetails,
 * knowing the asker's and staff's names), then approved or returned by a reviewer. Approved proposals
 * wait for the articles module, which publishes them as Articles of kind 'qa' (approvedQaProposals()).
 */
export async function proposeQa(
  deps: Deps, actor: Actor, consultationId: string, edits: { question?: string | undefined; answer?: string | undefined }, ctx: AuditContext,
) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await consultationFor(tx, actor, consultationId, 'consultation.record', true);
    if (c.status !== 'answered' || !c.answer) throw new AppError(422, 'invalid', '只有已答复的咨询可以推荐', 'Only an answered consultation can be proposed', 'answer');
    const staff = await tx.selectFrom('consultation_messages as m').innerJoin('users as u', 'u.id', 'm.author_id')
      .select('u.display_name').where('m.consultation_id', '=', c.id).distinct().execute();
    const names = [c.asker_name ?? '', ...staff.map((s) => s.display_name)];
    const q = stripPersonalDetails(edits.question ?? c.question, names);
    const a = stripPersonalDetails(edits.answer ?? c.answer, names);
    const pending = await tx.selectFrom('qa_proposals').select('id').where('consultation_id', '=', c.id).where('status', '=', 'proposed').executeTakeFirst();
    if (pending) throw Conflict('already_proposed', '该咨询已有待审核的推荐', 'This consultation already has a proposal awaiting review');
    const row = await tx.insertInto('qa_proposals').values({
      consultation_id: c.id, institution_path: c.institution_path, question: q.text, answer: a.text, ip_type: c.ip_type, topic: c.topic,
      proposed_by: actor.userId, proposed_at: deps.clock.now(), reviewed_by: null, reviewed_at: null, review_comment: null, article_id: null,
    }).returning('id').executeTakeFirstOrThrow();
    const removed = Object.fromEntries(Object.keys(q.removed).map((k) => [k, q.removed[k as keyof typeof q.removed] + a.removed[k as keyof typeof a.removed]]));
    await recordAudit(tx, ctx, {
      action: 'qa.propose', objectType: 'qa_proposal', objectId: row.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { consultationId: c.id, removed },
    });
    return { id: row.id, removed };
  });
}

export async function reviewQa(deps: Deps, actor: Actor, proposalId: string, decision: 'approve' | 'return', comment: string | undefined, ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const p = await tx.selectFrom('qa_proposals').selectAll().where('id', '=', proposalId).forUpdate().executeTakeFirst();
    if (!p || !can(actor, 'consultation.review', { institutionPath: p.institution_path })) throw NotFound('proposal', '推荐问答');
    if (p.status !== 'proposed') throw Conflict('already_reviewed', '该推荐已审核', 'This proposal has been reviewed', 'decision');
    if (decision === 'return' && !comment) throw new AppError(422, 'invalid', '退回时请说明理由', 'Say why it is returned', 'comment');
    await tx.updateTable('qa_proposals').set({
      status: decision === 'approve' ? 'approved' : 'returned', reviewed_by: actor.userId, reviewed_at: deps.clock.now(), review_comment: comment ?? null,
    }).where('id', '=', p.id).execute();
    await recordAudit(tx, ctx, { action: `qa.${decision}`, objectType: 'qa_proposal', objectId: p.id, institutionPath: p.institution_path });
  });
}

export async function listQaProposals(db: DB, actor: Actor, status: 'proposed' | 'approved' | 'returned' | undefined) {
  let q = db.selectFrom('qa_proposals as p').innerJoin('users as u', 'u.id', 'p.proposed_by')
    .select(['p.id', 'p.consultation_id', 'p.question', 'p.answer', 'p.ip_type', 'p.topic', 'p.status', 'p.proposed_at', 'p.review_comment', 'p.article_id', 'u.display_name as proposed_by'])
    .where(inScope(scopeFor(actor, 'consultation.read'), 'p.institution_path'));
  if (status) q = q.where('p.status', '=', status);
  const rows = await q.orderBy('p.proposed_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id, consultationId: r.consultation_id, question: r.question, answer: r.answer, ipType: r.ip_type, topic: r.topic, status: r.status,
    proposedAt: new Date(r.proposed_at).toISOString(), proposedBy: r.proposed_by, reviewComment: r.review_comment, articleId: r.article_id,
  }));
}

/**
 * The approved, not yet published featured Q&A in a scope: what the articles module turns into Articles
 * of kind 'qa' (then sets qa_proposals.article_id). Texts are already de-identified.
 */
export async function approvedQaProposals(db: DB, scope: Scope) {
  return db.selectFrom('qa_proposals')
    .select(['id', 'question', 'answer', 'ip_type', 'topic', 'reviewed_at', (eb) => eb.cast<string>('institution_path', 'text').as('institution_path')])
    .where('status', '=', 'approved').where('article_id', 'is', null).where(inScope(scope, 'institution_path'))
    .orderBy('reviewed_at').execute();
}
