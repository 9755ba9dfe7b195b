/**
 * The expert's own view of a case (issue 3, item 7). An expert holds no case permission; a case exists for them only
 * while they are attached to it (case_experts: by hand, or by accepting an invitation). What they see is what the
 * assessment needs — the facts, the right in suit, the evidence files — and no applicant's personal data: natural
 * persons and individual businesses appear by their kind only, and no phone, ID number, e-mail or address is sent.
 */
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict } from '../../platform/errors.ts';
import type { SecurityLog } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { caseNotFound } from './cases.access.ts';
import { stateOut } from './cases.presenter.ts';
import { findCase, namesOf, partiesOf, type CaseRow, type PartyRow } from './cases.repository.ts';
import { outcomeSchemas } from './service-outcomes.ts';
import { evidenceOfCase, openCaseEvidence } from './case-evidence.ts';

/** The expert's opinion: the case opinion's fields without the list of experts (the handler names them). */
export const expertOpinionSchema = outcomeSchemas.infringement_opinion.omit({ experts: true });
export type ExpertOpinion = z.infer<typeof expertOpinionSchema>;

const conclusionZh = { likely: '可能构成侵权', unlikely: '不太可能构成侵权', cannot_tell: '现有材料无法判断' } as const;
const finalStates = ['concluded', 'archived', 'withdrawn', 'declined', 'draft'];
const organisations = ['legal_person', 'unincorporated_org'];

/** The case and the expert's link to it, or 404: a case the expert is not attached to looks like a missing one. */
async function attachedCase(deps: Deps, actor: Actor, caseId: string) {
  if (actor.kind !== 'expert') throw caseNotFound();
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft') throw caseNotFound();
  const link = await deps.db.selectFrom('case_experts').selectAll().where('case_id', '=', c.id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!link) throw caseNotFound();
  return { c, link };
}

/** A party without personal data: organisations by name (not personal data), people by their kind only. */
export function presentPartyForExpert(p: PartyRow) {
  const named = p.kind !== null && organisations.includes(p.kind);
  return { role: p.role, kind: p.kind, name: named ? p.name : null, country: p.country };
}

/** The same, as a party row for the staff case page's presenter (GET /api/cases/:id reached by an attached expert). */
export function redactParty(p: PartyRow): PartyRow {
  const named = p.kind !== null && organisations.includes(p.kind);
  return {
    ...p, name: named ? p.name : '（已隐去）', credit_code: named ? p.credit_code : null, id_number_enc: null, id_number_masked: null,
    phone_enc: null, phone_hmac: null, phone_masked: null, email: null, address_enc: null, address_masked: null,
  };
}

export async function listExpertCases(deps: Deps, actor: Actor) {
  if (actor.kind !== 'expert') return [];
  const rows = await deps.db
    .selectFrom('case_experts as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.case_number', 'c.state', 'c.ip_type', 'c.services', 'c.field', 'c.summary', 'c.opinion_signed_off', 'i.name as institution_name', 'e.invited_at', 'e.opinion_at'])
    .where('e.user_id', '=', actor.userId)
    .where('c.state', '<>', 'draft')
    .orderBy('e.invited_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id, caseNumber: r.case_number, state: stateOut(r.state), ipType: r.ip_type, services: r.services, field: r.field,
    summary: r.summary.length > 120 ? `${r.summary.slice(0, 120)}…` : r.summary, institution: r.institution_name,
    attachedAt: new Date(r.invited_at).toISOString(), opinionAt: r.opinion_at ? new Date(r.opinion_at).toISOString() : null,
    opinionSignedOff: r.opinion_signed_off,
  }));
}

function presentForExpert(c: CaseRow, parties: PartyRow[], names: { institution: string; handler: string | null }) {
  return {
    id: c.id, caseNumber: c.case_number, state: stateOut(c.state), institution: names.institution, handler: names.handler,
    applicantKind: c.applicant_kind, ipType: c.ip_type, ipNumber: c.ip_number, services: c.services, overseas: c.overseas,
    country: c.country, field: c.field, summary: c.summary, request: c.request, opinionSignedOff: c.opinion_signed_off,
    submittedAt: c.submitted_at ? new Date(c.submitted_at).toISOString() : null,
    parties: parties.filter((p) => p.role !== 'agent').map(presentPartyForExpert),
  };
}

export async function expertCaseView(deps: Deps, actor: Actor, caseId: string) {
  const { c, link } = await attachedCase(deps, actor, caseId);
  const [parties, evidence, inst, users] = await Promise.all([
    partiesOf(deps.db, c.id), evidenceOfCase(deps, c.id), namesOf(deps.db, 'institutions', [c.institution_id]), namesOf(deps.db, 'users', [c.handler_id]),
  ]);
  const open = !finalStates.includes(c.state) && !c.opinion_signed_off && c.services.includes('infringement_opinion');
  return {
    data: {
      ...presentForExpert(c, parties, { institution: inst.get(c.institution_id) ?? '', handler: c.handler_id ? (users.get(c.handler_id) ?? null) : null }),
      evidence,
      myOpinion: link.opinion_at
        ? { data: (link.opinion_data as ExpertOpinion | null) ?? null, text: link.opinion, at: new Date(link.opinion_at).toISOString() }
        : null,
    },
    abilities: { writeOpinion: open },
  };
}

/** One evidence file of a case the expert is attached to, re-hashed as it streams; the download is audited. */
export async function downloadEvidenceForExpert(deps: Deps, actor: Actor, caseId: string, attachmentId: string, ctx: AuditContext, log?: SecurityLog) {
  const { c } = await attachedCase(deps, actor, caseId);
  return openCaseEvidence(deps, c, attachmentId, ctx, log);
}

/** The opinion as one text (the handler's list of experts' opinions shows it; older opinions are text only). */
export function opinionText(o: ExpertOpinion): string {
  const lines = [`结论：${conclusionZh[o.conclusion]}`];
  if (o.comparedWhat) lines.push(`比对对象：${o.comparedWhat}`);
  for (const r of o.compared) lines.push(`${r.item}：${r.protected} / ${r.accused} → ${r.finding}`);
  return [...lines, ...o.reasoning].join('\n');
}

/** The attached expert writes (or rewrites) their structured opinion while the case is open and not signed off. */
export async function writeStructuredOpinion(deps: Deps, actor: Actor, caseId: string, body: unknown, ctx: AuditContext) {
  const parsed = expertOpinionSchema.safeParse(body);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const field = i.path.join('.') || 'opinion';
    throw new AppError(422, 'invalid_opinion', `${field}：请检查此项（${fieldZh(String(i.path[0] ?? ''))}）`, `${field}: ${i.message}`, field);
  }
  const { c } = await attachedCase(deps, actor, caseId);
  if (!c.services.includes('infringement_opinion')) {
    throw new AppError(422, 'service_not_requested', '本案未申请侵权判定参考意见', 'This case did not ask for an infringement assessment opinion', 'service');
  }
  if (finalStates.includes(c.state)) throw Conflict('case_closed', '案件已结束，不能再修改', 'The case is closed and cannot be changed');
  if (c.opinion_signed_off) {
    throw Conflict('opinion_signed_off', '侵权判定参考意见已审核签发，不能再修改专家意见', 'The opinion is signed off; expert opinions can no longer change');
  }
  const o = parsed.data;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('case_experts').set({ opinion: opinionText(o), opinion_data: JSON.stringify(o), opinion_at: now })
      .where('case_id', '=', c.id).where('user_id', '=', actor.userId).execute();
    await recordAudit(tx, ctx, {
      action: 'case.expert.opinion', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path, detail: { conclusion: o.conclusion },
    });
  });
  return { data: o, text: opinionText(o), at: now.toISOString() };
}

function fieldZh(f: string): string {
  return ({ conclusion: '判定结论', reasoning: '理由', comparedWhat: '比对对象', compared: '比对内容' } as Record<string, string>)[f] ?? '意见';
}

