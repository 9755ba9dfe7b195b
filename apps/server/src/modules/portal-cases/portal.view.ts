import { caseEventLabels, isCaseEvent, openCaseStates, type CaseState } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';
import type { DB, Tx } from '../../platform/db.ts';
import { deadlinesOf, type StoredDeadline } from '../cases/cases.deadlines.ts';
import { stateOut } from '../cases/cases.presenter.ts';
import { eventsOf, namesOf, type CaseRow, type EventRow } from '../cases/cases.repository.ts';
import { evidenceOf } from './portal.drafts.ts';
import { documentKindLabels } from '../cases/case-documents.ts';
import type { DocumentKind } from '../documents/documents.model.ts';

/**
 * The applicant's view of a case (also what an anonymous tracking token reads): state, what happens next
 * and by when, what staff wrote to the applicant, requests for more material, documents issued, the files
 * the applicant gave. No data of the other parties, no internal notes or review comments.
 */
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Events whose text is meant for the applicant, and where it is kept. */
const applicantText: Partial<Record<string, (e: EventRow) => string | null>> = {
  requestSupplement: (e) => e.reason,
  decline: (e) => e.reason,
  supplement: (e) => str(e.payload, 'note'),
  conclude: (e) => str(e.payload, 'result'),
  withdraw: (e) => e.reason,
  suspend: (e) => e.reason,
};
const str = (p: unknown, k: string) => {
  const v = (p as Record<string, unknown> | null)?.[k];
  return typeof v === 'string' ? v : null;
};

const nextStep: Partial<Record<CaseState, { zh: string; en: string }>> = {
  submitted: { zh: '援助机构正在审查您的申请，将决定是否受理', en: 'The institution is reviewing your application and will decide whether to accept it' },
  awaiting_supplement: { zh: '请按要求补充材料；补正期间受理期限暂停计算', en: 'Please supply the material asked for; the time limit is paused meanwhile' },
  accepted: { zh: '案件已受理，正在指派承办人', en: 'The case is accepted and a handler is being assigned' },
  assigned: { zh: '承办人将开始办理', en: 'The handler will start work on the case' },
  in_progress: { zh: '承办人正在办理', en: 'The handler is working on the case' },
  under_review: { zh: '办理意见正在审核', en: 'The opinion is being reviewed' },
  transferred: { zh: '案件正在移交其他援助机构', en: 'The case is being transferred to another institution' },
  referred: { zh: '案件已转有关部门处理，等待其反馈', en: 'The case was referred to another body; awaiting its feedback' },
  suspended: { zh: '案件中止办理，恢复后继续', en: 'The case is suspended and will resume later' },
  concluded: { zh: '案件已办结，欢迎评价我们的服务', en: 'The case is concluded; please rate the service' },
  archived: { zh: '案件已归档', en: 'The case is archived' },
  declined: { zh: '申请未被受理，理由见通知', en: 'The application was declined; see the reason given' },
  withdrawn: { zh: '您已撤回申请', en: 'You withdrew the application' },
};

export type ViewCase = Pick<CaseRow, 'id' | 'case_number' | 'state' | 'institution_id' | 'transfer_to_id' | 'ip_type' | 'ip_number' |
  'services' | 'overseas' | 'country' | 'field' | 'region_code' | 'summary' | 'request' | 'result' | 'submitted_at' | 'accepted_at' |
  'concluded_at' | 'channel'>;

export async function portalCaseView(deps: Deps, c: ViewCase, opts: { readOnly: boolean }) {
  const [deadlines, events, evidence, documents, names, rating] = await Promise.all([
    deadlinesOf(deps.db, c.id),
    eventsOf(deps.db, c.id),
    evidenceOf(deps.db, c.id, ['evidence', 'supplement']),
    // the issued documents (one row each, both formats): their ids are what the download route takes
    deps.db.selectFrom('case_documents').select(['id', 'kind', 'doc_number', 'issued_at']).where('case_id', '=', c.id).where('status', '=', 'issued')
      .orderBy('issued_at').orderBy('id').execute(),
    namesOf(deps.db, 'institutions', [c.institution_id, c.transfer_to_id]),
    deps.db.selectFrom('portal_ratings').select(['rated_at']).where('case_id', '=', c.id).executeTakeFirst(),
  ]);
  const state = c.state as CaseState;
  const open = (openCaseStates as readonly string[]).includes(state);
  const messages = events.map((e) => ({
    seq: e.seq, at: iso(e.at)!, event: e.event, label: isCaseEvent(e.event) ? caseEventLabels[e.event] : { zh: e.event, en: e.event },
    to: e.to_state ? stateOut(e.to_state) : null, text: applicantText[e.event]?.(e) ?? null,
    kind: e.event === 'requestSupplement' ? 'supplement_request' : 'event',
  }));
  const lastRequest = [...messages].reverse().find((m) => m.kind === 'supplement_request');
  return {
    id: c.id, caseNumber: c.case_number, state: stateOut(c.state), channel: c.channel,
    institution: { id: c.institution_id, name: names.get(c.institution_id) ?? '' },
    transferTo: c.transfer_to_id ? { id: c.transfer_to_id, name: names.get(c.transfer_to_id) ?? '' } : null,
    ipType: c.ip_type, ipNumber: c.ip_number, services: c.services, overseas: c.overseas, country: c.country, field: c.field,
    regionCode: c.region_code, summary: c.summary, request: c.request, result: c.result,
    submittedAt: iso(c.submitted_at), acceptedAt: iso(c.accepted_at), concludedAt: iso(c.concluded_at),
    next: next(state, deadlines),
    deadlines: deadlines.map((d) => ({ kind: d.kind, due: d.due, status: d.status, late: d.late, rule: d.rule, explanation: d.explanation })),
    supplementRequest: state === 'awaiting_supplement' && lastRequest ? { at: lastRequest.at, text: lastRequest.text } : null,
    messages,
    documents: documents.map((d) => ({
      id: d.id, kind: d.kind, docNumber: d.doc_number, issuedAt: iso(d.issued_at),
      name: `${documentKindLabels[d.kind as DocumentKind]?.zh ?? d.kind}（${d.doc_number}）`,
    })),
    evidence: evidence.map((e) => ({ id: e.id, name: e.name, sizeBytes: e.sizeBytes, sha256: e.sha256, purpose: e.purpose, addedAt: e.addedAt })),
    rated: Boolean(rating?.rated_at),
    abilities: {
      withdraw: !opts.readOnly && open,
      supplement: !opts.readOnly && state === 'awaiting_supplement',
    },
  };
}
export type PortalCaseView = Awaited<ReturnType<typeof portalCaseView>>;

/** What happens next and by when: the nearest open deadline explains the date. */
function next(state: CaseState, deadlines: StoredDeadline[]) {
  const open = deadlines.filter((d) => d.status !== 'met').sort((a, b) => a.due.localeCompare(b.due));
  const d = open[0];
  const step = nextStep[state] ?? { zh: '', en: '' };
  if (!d) return { ...step, due: null, deadline: null };
  const paused = d.status === 'paused';
  return {
    zh: paused ? `${step.zh}（期限暂停）` : `${step.zh}，预计 ${d.due} 前`,
    en: paused ? `${step.en} (time limit paused)` : `${step.en}, by ${d.due}`,
    due: d.due, deadline: { kind: d.kind, status: d.status, explanation: d.explanation },
  };
}

export async function ownCases(db: DB | Tx, userId: string) {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.case_number', 'c.state', 'c.ip_type', 'c.services', 'c.submitted_at', 'c.updated_at', 'i.name as institution_name'])
    .where('c.applicant_user_id', '=', userId)
    .where('c.state', '!=', 'draft')
    .orderBy('c.submitted_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id, caseNumber: r.case_number, state: stateOut(r.state), ipType: r.ip_type, services: r.services,
    institution: r.institution_name, submittedAt: iso(r.submitted_at), updatedAt: iso(r.updated_at),
  }));
}
