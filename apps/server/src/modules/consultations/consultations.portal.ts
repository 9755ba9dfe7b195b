import type { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { requireApplicant } from '../portal-cases/portal.drafts.ts';
import { proposeInstitutions } from '../portal-cases/portal.proposal.ts';
import { ownConsultation } from './consultations.access.ts';
import { threadOf } from './consultations.repository.ts';
import { indexConsultation } from '../search/search.index.ts';
import type { askBody } from './consultations.schemas.ts';

/**
 * Online consultations: a signed-in applicant asks; the question goes to the competent institution for
 * the asker's region (the same proposal as applications), staff answer, the asker follows up in the thread.
 */
export async function askOnline(deps: Deps, actor: Actor, input: z.infer<typeof askBody>, ctx: AuditContext): Promise<string> {
  requireApplicant(actor);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const [inst] = await proposeInstitutions(tx, { regionCode: input.regionCode, service: 'consultation', ipType: input.ipType }, 1);
    if (!inst) throw new AppError(422, 'no_institution', '该地区暂无可受理咨询的机构', 'No institution takes consultations for this region', 'regionCode');
    const user = await tx.selectFrom('users').select(['display_name', 'party_kind', 'org_name']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
    const row = await tx.insertInto('consultations').values({
      institution_id: inst.id, institution_path: inst.path, channel: 'online', asker_kind: user.party_kind ?? 'unknown',
      enterprise_size: input.enterpriseSize ?? null, region_code: input.regionCode, ip_type: input.ipType ?? null, topic: input.topic,
      question: input.question, answer: null, status: 'open', minutes_spent: null, asker_name: user.org_name ?? user.display_name,
      asker_contact_enc: null, asker_contact_masked: null, asker_user_id: actor.userId, staff_id: null, case_id: null,
      asked_at: now, answered_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('consultation_messages')
      .values({ consultation_id: row.id, author: 'asker', author_id: actor.userId, body: input.question, created_at: now }).execute();
    await indexConsultation(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'consultation.ask', objectType: 'consultation', objectId: row.id, institutionId: inst.id, institutionPath: inst.path,
      detail: { topic: input.topic },
    });
    return row.id;
  });
}

/** A follow-up question in the same thread: back in the staff queue. */
export async function followUp(deps: Deps, actor: Actor, consultationId: string, body: string, ctx: AuditContext): Promise<void> {
  requireApplicant(actor);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const c = await ownConsultation(tx, actor, consultationId, true);
    await tx.insertInto('consultation_messages')
      .values({ consultation_id: c.id, author: 'asker', author_id: actor.userId, body, created_at: now }).execute();
    await tx.updateTable('consultations').set({ status: 'open', updated_at: now }).where('id', '=', c.id).execute();
    // Open again: no longer a desk suggestion until answered (ADR 0034).
    await indexConsultation(tx, c.id);
    await recordAudit(tx, ctx, {
      action: 'consultation.follow_up', objectType: 'consultation', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
    });
  });
}

export async function ownConsultations(deps: Deps, actor: Actor) {
  const rows = await deps.db
    .selectFrom('consultations as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.topic', 'c.ip_type', 'c.question', 'c.status', 'c.asked_at', 'c.answered_at', 'i.name as institution_name'])
    .where('c.asker_user_id', '=', actor.userId)
    .orderBy('c.asked_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id, topic: r.topic, ipType: r.ip_type, question: r.question, status: r.status, institution: r.institution_name,
    askedAt: new Date(r.asked_at).toISOString(), answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
  }));
}

/** The asker's view: the thread with staff shown by institution, never by name. */
export async function ownConsultationView(deps: Deps, actor: Actor, consultationId: string) {
  const c = await ownConsultation(deps.db, actor, consultationId);
  const inst = await deps.db.selectFrom('institutions').select('name').where('id', '=', c.institution_id).executeTakeFirstOrThrow();
  const thread = await threadOf(deps.db, c.id);
  return {
    id: c.id, topic: c.topic, ipType: c.ip_type, status: c.status, institution: inst.name, askedAt: new Date(c.asked_at).toISOString(),
    messages: thread.map((m) => ({ id: m.id, author: m.author, body: m.body, at: new Date(m.created_at).toISOString() })),
  };
}
