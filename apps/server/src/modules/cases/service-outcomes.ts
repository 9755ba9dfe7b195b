/**
 * The outcome of each service of a case (issue 3, item 7) and the experts attached to a case by hand.
 * One row per (case, service) in `case_outcomes`; the data is validated here per service, so a wrong field is a
 * 422 naming it. The infringement assessment opinion is composed by the handler from the experts' own texts
 * (`case_experts.opinion`); the reviewer's `signOff` marks it signed off (domain snapshot + signed_off_at here), and
 * a signed-off opinion cannot be changed without a rework (returnForRework resets the sign-off).
 */
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DB, Tx } from '../../platform/db.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { caseNotFound, canOnCase, canSeeCase } from './cases.access.ts';
import { findCase, isUuid, type CaseRow } from './cases.repository.ts';

type Q = DB | Tx;

export const OUTCOME_SERVICES = ['infringement_opinion', 'mediation', 'funding_aid', 'overseas_guidance', 'warning_analysis'] as const;
export type OutcomeService = (typeof OUTCOME_SERVICES)[number];
export const isOutcomeService = (v: string): v is OutcomeService => (OUTCOME_SERVICES as readonly string[]).includes(v);

const text = (max: number) => z.string().trim().min(1).max(max);
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const money = z.number().nonnegative().multipleOf(0.01).max(1e9);

const compared = z.strictObject({ item: text(100), protected: text(1000), accused: text(1000), finding: text(50) });

export const outcomeSchemas = {
  infringement_opinion: z.strictObject({
    conclusion: z.enum(['likely', 'unlikely', 'cannot_tell']),
    reasoning: z.array(text(4000)).min(1).max(30),
    /** What was compared as a whole: 权利要求1, 第12345678号注册商标 … */
    comparedWhat: text(200).optional(),
    /** The claims' features or the marks' elements, one row each. */
    compared: z.array(compared).max(100).default([]),
    /** The experts named on the opinion (name and field); defaults to the invited experts' names. */
    experts: z.array(text(100)).max(20).optional(),
  }),
  mediation: z
    .strictObject({
      agreementReached: z.boolean(),
      termsSummary: text(4000).optional(),
      judicialConfirmation: z.boolean(),
      court: text(200).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.agreementReached && !v.termsSummary) ctx.addIssue({ code: 'custom', path: ['termsSummary'], message: 'required when an agreement was reached' });
      if (v.judicialConfirmation && !v.court) ctx.addIssue({ code: 'custom', path: ['court'], message: 'name the court that confirmed the agreement' });
      if (v.judicialConfirmation && !v.agreementReached) ctx.addIssue({ code: 'custom', path: ['judicialConfirmation'], message: 'no agreement to confirm' });
    }),
  funding_aid: z
    .strictObject({ amountApproved: money, amountPaid: money.default(0), paidOn: dateText.optional() })
    .superRefine((v, ctx) => {
      if (v.amountPaid > v.amountApproved) ctx.addIssue({ code: 'custom', path: ['amountPaid'], message: 'more than the amount approved' });
      if (v.amountPaid > 0 && !v.paidOn) ctx.addIssue({ code: 'custom', path: ['paidOn'], message: 'required when an amount was paid' });
    }),
  overseas_guidance: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code'), adviceSummary: text(8000) }),
  warning_analysis: z.strictObject({ findingsSummary: text(8000) }),
} as const;

export type OpinionOutcome = z.infer<(typeof outcomeSchemas)['infringement_opinion']>;

/** Chinese names of the fields, for the messages. */
const fieldZh: Record<string, string> = {
  conclusion: '判定结论', reasoning: '理由', comparedWhat: '比对对象', compared: '比对内容', experts: '专家', agreementReached: '是否达成协议',
  termsSummary: '协议要点', judicialConfirmation: '司法确认', court: '确认法院', amountApproved: '批准金额', amountPaid: '已拨付金额',
  paidOn: '拨付日期', country: '国家或地区', adviceSummary: '指导意见要点', findingsSummary: '分析结论',
};

/** Every field the request body may carry (the body schema lists them; the service's schema decides). */
export const outcomeFieldNames = Object.keys(fieldZh);

/** Validate an outcome for a service: the data, or 422 listing every wrong field in Chinese and English. */
export function parseOutcome(service: OutcomeService, body: unknown): Record<string, unknown> {
  const r = outcomeSchemas[service].safeParse(body);
  if (r.success) return r.data as Record<string, unknown>;
  const fields = r.error.issues.map((i) => {
    const path = i.code === 'unrecognized_keys' ? i.keys.join(',') : i.path.join('.');
    const top = String(i.path[0] ?? path);
    const zhName = fieldZh[top] ?? path;
    const zh = i.code === 'unrecognized_keys' ? `此项服务没有这些字段：${path}` : i.code === 'invalid_type' && i.input === undefined ? `请填写${zhName}` : `${zhName}无效`;
    return { field: path, message: `${path}：${zh}`, messageEn: `${path}: ${i.message}` };
  });
  return failOutcome(fields);
}

function failOutcome(fields: { field: string; message: string; messageEn: string }[]): never {
  const first = fields[0]!;
  throw new AppError(422, 'invalid_outcome', first.message, first.messageEn, first.field, { fields });
}

const finalStates = ['concluded', 'archived', 'withdrawn', 'declined', 'draft'];

/** Experts invited by hand see the case read-only (cases.read.ts calls this). */
export async function isInvitedExpert(db: Q, caseId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom('case_experts').select('user_id').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
  return r !== undefined;
}

/** The case for a caller who may see it: staff in scope, or an invited expert. Else 404. */
async function visibleCase(deps: Deps, actor: Actor, id: string): Promise<CaseRow> {
  const c = await findCase(deps.db, id);
  if (!c || c.state === 'draft') throw caseNotFound();
  if (actor.kind !== 'applicant' && canSeeCase(actor, c)) return c;
  if (actor.kind === 'expert' && (await isInvitedExpert(deps.db, c.id, actor.userId))) return c;
  throw caseNotFound();
}

function requireWork(actor: Actor, c: CaseRow, permissions: ('case.handle' | 'case.assign')[]): void {
  if (!canSeeCase(actor, c) || actor.kind === 'applicant') throw caseNotFound();
  if (!permissions.some((p) => canOnCase(actor, p, c))) {
    throw new AppError(403, 'forbidden', '无权记录本案的服务结果', 'You may not record outcomes of this case');
  }
  if (finalStates.includes(c.state)) {
    throw Conflict('case_closed', '案件已结束，不能再修改', 'The case is closed and cannot be changed');
  }
}

export function presentOutcome(service: OutcomeService, row: { data: unknown; updated_at: Date; updated_by: string | null; signed_off_at: Date | null } | undefined) {
  return {
    service,
    data: row ? (row.data as Record<string, unknown>) : null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.updated_by ?? null,
    signedOffAt: row?.signed_off_at ? new Date(row.signed_off_at).toISOString() : null,
  };
}

export async function outcomeRow(db: Q, caseId: string, service: OutcomeService) {
  return db.selectFrom('case_outcomes').selectAll().where('case_id', '=', caseId).where('service', '=', service).executeTakeFirst();
}

export async function getOutcome(deps: Deps, actor: Actor, caseId: string, service: OutcomeService) {
  const c = await visibleCase(deps, actor, caseId);
  const [row, experts] = await Promise.all([outcomeRow(deps.db, c.id, service), service === 'infringement_opinion' ? expertsOf(deps.db, c.id) : null]);
  return { ...presentOutcome(service, row), ...(experts ? { experts } : {}) };
}

export async function putOutcome(deps: Deps, actor: Actor, caseId: string, service: OutcomeService, body: unknown, ctx: AuditContext) {
  const data = parseOutcome(service, body);
  return deps.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('cases').selectAll().where('id', '=', isUuid(caseId) ? caseId : '00000000-0000-0000-0000-000000000000').forUpdate().executeTakeFirst();
    if (!c || c.state === 'draft') throw caseNotFound();
    requireWork(actor, c, ['case.handle']);
    if (!c.services.includes(service)) {
      throw new AppError(422, 'service_not_requested', '本案未申请此项服务', 'This service was not requested for the case', 'service');
    }
    if (service === 'infringement_opinion' && c.opinion_signed_off) {
      throw Conflict('opinion_signed_off', '侵权判定参考意见已审核签发，需退回修改后才能变更', 'The opinion is signed off; it must be returned for rework to change it');
    }
    if (service === 'infringement_opinion' && !data.experts) {
      const names = (await expertsOf(tx, c.id)).map((e) => e.name);
      if (names.length) data.experts = names;
    }
    const now = deps.clock.now();
    const row = await tx
      .insertInto('case_outcomes')
      .values({ case_id: c.id, service, data: JSON.stringify(data), updated_by: actor.userId, updated_at: now, signed_off_at: null, signed_off_by: null })
      .onConflict((oc) => oc.columns(['case_id', 'service']).doUpdateSet({ data: JSON.stringify(data), updated_by: actor.userId, updated_at: now, signed_off_at: null, signed_off_by: null }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'case.outcome', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path, detail: { service },
    });
    return presentOutcome(service, row);
  });
}

/** In the signOff transaction (case-documents.ts calls it from the transition): the composed opinion is signed off. */
export async function markOpinionSignedOff(tx: Tx, caseId: string, by: string, at: Date): Promise<void> {
  await tx.updateTable('case_outcomes').set({ signed_off_at: at, signed_off_by: by }).where('case_id', '=', caseId).where('service', '=', 'infringement_opinion').execute();
}

export async function clearOpinionSignOff(tx: Tx, caseId: string): Promise<void> {
  await tx.updateTable('case_outcomes').set({ signed_off_at: null, signed_off_by: null }).where('case_id', '=', caseId).where('service', '=', 'infringement_opinion').execute();
}

// ---- experts ----

export async function expertsOf(db: Q, caseId: string) {
  const rows = await db
    .selectFrom('case_experts as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.display_name', 'e.invited_at', 'e.opinion', 'e.opinion_at', 'e.opinion_data'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.invited_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id, name: r.display_name, invitedAt: new Date(r.invited_at).toISOString(), opinion: r.opinion,
    opinionAt: r.opinion_at ? new Date(r.opinion_at).toISOString() : null, opinionData: (r.opinion_data as Record<string, unknown> | null) ?? null,
  }));
}

export async function inviteExpert(deps: Deps, actor: Actor, caseId: string, userId: string, ctx: AuditContext) {
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft') throw caseNotFound();
  requireWork(actor, c, ['case.handle', 'case.assign']);
  const u = isUuid(userId) ? await deps.db.selectFrom('users').select(['id', 'kind', 'status']).where('id', '=', userId).executeTakeFirst() : undefined;
  if (!u || u.kind !== 'expert' || u.status !== 'active') {
    throw new AppError(422, 'not_an_expert', '所选用户不是在册专家', 'The user is not an active expert', 'userId');
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx.insertInto('case_experts').values({ case_id: c.id, user_id: u.id, invited_by: actor.userId, opinion: null, opinion_at: null }).onConflict((oc) => oc.doNothing()).execute();
    await recordAudit(tx, ctx, {
      action: 'case.expert.invite', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path, detail: { expertId: u.id },
    });
  });
  return expertsOf(deps.db, c.id);
}

export async function removeExpert(deps: Deps, actor: Actor, caseId: string, userId: string, ctx: AuditContext) {
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft') throw caseNotFound();
  requireWork(actor, c, ['case.handle', 'case.assign']);
  const gone = isUuid(userId) ? await deps.db.deleteFrom('case_experts').where('case_id', '=', c.id).where('user_id', '=', userId).executeTakeFirst() : null;
  if (!gone || Number(gone.numDeletedRows) === 0) throw NotFound('expert', '专家');
  await recordAudit(deps.db, ctx, {
    action: 'case.expert.remove', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path, detail: { expertId: userId },
  });
}

/** The invited expert writes (or rewrites) their own opinion text while the case is open. */
export async function writeExpertOpinion(deps: Deps, actor: Actor, caseId: string, opinion: string, ctx: AuditContext) {
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft' || !(await isInvitedExpert(deps.db, c.id, actor.userId))) throw caseNotFound();
  if (finalStates.includes(c.state)) throw Conflict('case_closed', '案件已结束，不能再修改', 'The case is closed and cannot be changed');
  if (c.opinion_signed_off) {
    throw Conflict('opinion_signed_off', '侵权判定参考意见已审核签发，不能再修改专家意见', 'The opinion is signed off; expert opinions can no longer change');
  }
  const now = deps.clock.now();
  await deps.db.updateTable('case_experts').set({ opinion: opinion.trim(), opinion_at: now, opinion_data: null }).where('case_id', '=', c.id).where('user_id', '=', actor.userId).execute();
  await recordAudit(deps.db, ctx, {
    action: 'case.expert.opinion', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path, detail: {},
  });
  return { opinion: opinion.trim(), opinionAt: now.toISOString() };
}
