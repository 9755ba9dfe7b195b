import { toCstDate } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { deadlinesOf, type StoredDeadline } from '../cases/cases.deadlines.ts';
import { registerCase } from '../cases/cases.register.ts';
import { eventFor } from './events.service.ts';
import type { z } from 'zod';
import type { ComplaintInput, noticeBody, outcomeBody } from './events.schemas.ts';

export interface TakenComplaint { complaintId: string; caseId: string; caseNumber: string | null; deadlines: StoredDeadline[]; replayed: boolean }

/**
 * An on-site complaint becomes a case through the ordinary registration (channel 'exhibition') on the fast
 * track, so its acceptance deadline is the same day (packages/domain deadline-rules: sameDayChannels); the
 * complaint row that ties it to the event is written in the same transaction. Only while the event is on.
 */
export async function takeComplaint(deps: Deps, actor: Actor, eventId: string, input: ComplaintInput, ctx: AuditContext, idempotencyKey?: string): Promise<TakenComplaint> {
  return deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, eventId, 'event.desk');
    const today = toCstDate(deps.clock.now());
    if (today < e.starts_on || today > e.ends_on) {
      throw new AppError(422, 'event_not_on', `活动期间（${e.starts_on} 至 ${e.ends_on}）才能受理现场投诉`, `Complaints are taken while the event is on (${e.starts_on} to ${e.ends_on})`, 'eventId');
    }
    const summary = `【${e.name}·展位 ${input.booth}】${input.summary}`;
    const reg = await registerCase(deps, actor, {
      institutionId: e.institution_id, channel: 'exhibition',
      applicant: { kind: input.complainant.kind, name: input.complainant.name, ...(input.complainant.phone ? { phone: input.complainant.phone } : {}), enterpriseTags: [] },
      opposingParties: [{ kind: 'legal_person', name: input.respondent, enterpriseTags: [] }],
      ipType: input.ipType, ...(input.ipNumber ? { ipNumber: input.ipNumber } : {}), services: ['infringement_opinion'], overseas: false,
      field: e.kind === 'trade_fair' ? 'trade_fair' : 'exhibition', summary, request: '展会现场投诉，请求当日处理 / on-site complaint, to be handled the same day',
      evidenceIds: input.photoIds,
    }, ctx, idempotencyKey, { track: 'fast', tx });
    const existing = await tx.selectFrom('onsite_complaints').select('id').where('case_id', '=', reg.caseId).executeTakeFirst();
    const complaintId = existing?.id ?? (await tx
      .insertInto('onsite_complaints')
      .values({
        event_id: eventId, case_id: reg.caseId, booth: input.booth, respondent: input.respondent, ip_type: input.ipType, ip_number: input.ipNumber ?? null,
        taken_on: today, created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    if (!existing) {
      await recordAudit(tx, ctx, { action: 'event.complaint', objectType: 'event', objectId: eventId, institutionPath: e.institution_path, detail: { complaint: complaintId, case: reg.caseId, photos: input.photoIds.length } });
    }
    const c = await tx.selectFrom('cases').select('case_number').where('id', '=', reg.caseId).executeTakeFirstOrThrow();
    return { complaintId, caseId: reg.caseId, caseNumber: c.case_number, deadlines: await deadlinesOf(tx, reg.caseId), replayed: reg.replayed };
  });
}

type NoticeInput = z.infer<typeof noticeBody>;
type OutcomeInput = z.infer<typeof outcomeBody>;

/** The respondent (the exhibitor complained about) was told: how, when (the server's time), a note. Once. */
export async function recordNotice(deps: Deps, actor: Actor, eventId: string, complaintId: string, input: NoticeInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, eventId, 'event.desk');
    const hit = await tx
      .updateTable('onsite_complaints')
      .set({ notified_at: deps.clock.now(), notice_method: input.method, notice_note: input.note ?? null })
      .where('id', '=', complaintId)
      .where('event_id', '=', eventId)
      .where('notified_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!hit) {
      const exists = await tx.selectFrom('onsite_complaints').select('id').where('id', '=', complaintId).where('event_id', '=', eventId).executeTakeFirst();
      if (!exists) throw NotFound('complaint', '投诉');
      throw Conflict('already_notified', '已记录过对被投诉方的通知', 'The respondent notice is already recorded', 'method');
    }
    await recordAudit(tx, ctx, { action: 'event.complaint.notice', objectType: 'event', objectId: eventId, institutionPath: e.institution_path, detail: { complaint: complaintId, method: input.method } });
  });
}

/** The outcome: withdrawn from display, settled, or referred to enforcement. A later record replaces an earlier one (audited). */
export async function recordOutcome(deps: Deps, actor: Actor, eventId: string, complaintId: string, input: OutcomeInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, eventId, 'event.desk');
    const hit = await tx
      .updateTable('onsite_complaints')
      .set({ outcome: input.outcome, outcome_note: input.note ?? null, outcome_at: deps.clock.now() })
      .where('id', '=', complaintId)
      .where('event_id', '=', eventId)
      .returning('id')
      .executeTakeFirst();
    if (!hit) throw NotFound('complaint', '投诉');
    await recordAudit(tx, ctx, { action: 'event.complaint.outcome', objectType: 'event', objectId: eventId, institutionPath: e.institution_path, detail: { complaint: complaintId, outcome: input.outcome } });
  });
}
