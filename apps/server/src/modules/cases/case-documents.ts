/**
 * Documents issued by a case's transitions (issue 3, item 9): the `{ document: … }` effects of the domain's table.
 *
 * In the transition's transaction: a `case_documents` row is written as a numbered 'draft' holding the template data
 * (a snapshot), and a `case-document-render` job is enqueued in the same transaction. The job renders the .docx and the
 * PDF (Chromium, ~2 s — never inside the case's transaction), stores both as attachments of the case and marks the row
 * 'issued'; a database trigger keeps issued rows unchanged. A rendering failure leaves the case change in place and the
 * document a 'draft' with its error: pg-boss retries, and staff can regenerate it (same number).
 */
import { referralBodies, toCstDate, type CaseEvent, type CasePayload } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DB, Tx } from '../../platform/db.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { attach, openForDownload, storeUpload, type SecurityLog } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import type { DocumentCaseData } from '../documents/documents.data.ts';
import type { DocumentKind } from '../documents/documents.model.ts';
import { DOC_TYPE_WORDS, formatDocNumber } from '../documents/documents.number.ts';
import { renderDocument, type DocumentFormat } from '../documents/documents.render.ts';
import { buildDocument } from '../documents/documents.templates.ts';
import { caseNotFound, canOnCase } from './cases.access.ts';
import type { EffectReport } from './cases.effects.ts';
import { nextSerial } from './cases.numbers.ts';
import { loadVisibleCase } from './cases.read.ts';
import { findCase, isUuid, linkAttachments, type CaseRow } from './cases.repository.ts';
import { clearOpinionSignOff, markOpinionSignedOff, outcomeRow, type OpinionOutcome, type OutcomeService } from './service-outcomes.ts';

type Q = DB | Tx;

export const RENDER_JOB = 'case-document-render';

export const documentKindLabels: Record<DocumentKind, { zh: string; en: string }> = {
  acceptance_notice: { zh: '受理通知书', en: 'Acceptance notice' },
  decline_notice: { zh: '不予受理通知书', en: 'Decline notice' },
  supplement_request: { zh: '补正材料通知书', en: 'Request for supplementary material' },
  guidance_letter: { zh: '指导意见书', en: 'Guidance letter' },
  infringement_opinion: { zh: '侵权判定参考意见', en: 'Infringement assessment opinion' },
  transfer_letter: { zh: '移交函', en: 'Transfer letter' },
  referral_letter: { zh: '转办函', en: 'Referral letter' },
};

/** The renderer (a seam: tests make it fail to show that the case change stands). */
export const documentRenderer = { render: renderDocument };

/** Largest generated file stored (a document of a few pages is ~50 KB as .docx, ~300 KB as PDF). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const FORBIDDEN_IN_PREFIX = /[〔〕【】[\]()（）{}<>《》\s\d第号A-Za-z]/gu;

/** 机关代字: the institution's doc_prefix, else the first two characters of its name + 维援 (武汉维援). */
export function docPrefix(inst: { doc_prefix: string | null; name: string }): string {
  if (inst.doc_prefix) return inst.doc_prefix;
  const head = inst.name.replace(FORBIDDEN_IN_PREFIX, '').slice(0, 2);
  return `${head || '援知'}维援`;
}

// ---- in the transition's transaction ----

export interface TransitionFacts {
  event: CaseEvent;
  seq: number;
  /** The case's institution after the transition (acceptTransfer: the receiving one). */
  institutionId: string;
  services: readonly string[];
  now: Date;
}

/**
 * Carry out the document effects of a transition inside its transaction, and keep the opinion's sign-off on the
 * outcome row in step with the domain's. Returns the effect reports with the documents queued.
 */
export async function caseDocumentEffects(
  tx: Tx, deps: Deps, actor: Actor, row: CaseRow, t: TransitionFacts, payload: CasePayload, effects: EffectReport[],
): Promise<EffectReport[]> {
  if (t.event === 'signOff') await markOpinionSignedOff(tx, row.id, actor.userId, t.now);
  if (t.event === 'returnForRework' || t.event === 'reopen') await clearOpinionSignOff(tx, row.id);
  const out: EffectReport[] = [];
  for (const e of effects) {
    if (e.type !== 'document' || e.document === 'receipt') {
      out.push(e);
      continue;
    }
    for (const kind of kindsFor(e.document as DocumentKind, t)) {
      const doc = await createDraft(tx, deps, actor, row, kind, t, payload);
      out.push({ type: 'document', document: kind, status: 'queued', documentId: doc.id, docNumber: doc.docNumber });
    }
  }
  return out;
}

/** On conclusion: the infringement opinion for an opinion case, the guidance letter for the other services. */
function kindsFor(kind: DocumentKind, t: TransitionFacts): DocumentKind[] {
  if (t.event !== 'conclude') return [kind];
  const opinion = t.services.includes('infringement_opinion');
  const others = t.services.some((s) => s !== 'infringement_opinion');
  return [...(opinion ? (['infringement_opinion'] as const) : []), ...(others || !opinion ? (['guidance_letter'] as const) : [])];
}

async function createDraft(
  tx: Tx, deps: Deps, actor: Actor, row: CaseRow, kind: DocumentKind, t: TransitionFacts, payload: CasePayload,
): Promise<{ id: string; docNumber: string }> {
  const inst = await tx
    .selectFrom('institutions')
    .select(['id', 'name', 'doc_prefix', 'address', 'phone'])
    .where('id', '=', t.institutionId)
    .executeTakeFirstOrThrow();
  const today = toCstDate(t.now);
  const year = Number(today.slice(0, 4));
  const serial = await nextSerial(tx, inst.id, `doc:${DOC_TYPE_WORDS[kind]}`, year);
  const docNumber = formatDocNumber(docPrefix(inst), DOC_TYPE_WORDS[kind], year, serial);
  const data = await documentData(tx, row, kind, inst, docNumber, today, payload);
  const r = await tx
    .insertInto('case_documents')
    .values({
      case_id: row.id, kind, institution_id: inst.id, year, serial, doc_number: docNumber, event_seq: t.seq, data: JSON.stringify(data),
      docx_attachment_id: null, pdf_attachment_id: null, error: null, issued_at: null, issued_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await deps.jobs.enqueue(RENDER_JOB, { documentId: r.id }, { tx });
  return { id: r.id, docNumber };
}

const lines = (v: string | undefined) => (v ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/** The template data of a document, from the case as it is now and the event's payload. No secrets: names only. */
async function documentData(
  tx: Tx, row: CaseRow, kind: DocumentKind, inst: { name: string; address: string | null; phone: string | null; doc_prefix: string | null },
  docNumber: string, today: string, payload: CasePayload,
): Promise<DocumentCaseData> {
  const parties = await tx.selectFrom('case_parties').select(['role', 'name']).where('case_id', '=', row.id).orderBy('position').execute();
  const handler = row.handler_id ? await tx.selectFrom('users').select('display_name').where('id', '=', row.handler_id).executeTakeFirst() : undefined;
  const d: DocumentCaseData = {
    issuer: { name: inst.name, shortName: docPrefix(inst), sealText: inst.name, ...(inst.address ? { address: inst.address } : {}), ...(inst.phone ? { phone: inst.phone } : {}) },
    docNumber,
    date: today,
    caseNumber: row.case_number ?? '',
    applicant: { name: parties.find((p) => p.role === 'applicant')?.name ?? '申请人' },
    ...(row.ip_type ? { ipType: row.ip_type } : {}),
    ...(row.ip_number ? { ipNumber: row.ip_number } : {}),
    service: kind === 'infringement_opinion' ? 'infringement_opinion' : (row.services.find((s) => s !== 'infringement_opinion') ?? row.services[0]),
    ...(row.submitted_at ? { receivedOn: toCstDate(new Date(row.submitted_at)) } : {}),
    ...(parties.some((p) => p.role === 'opposing') ? { opposingParty: parties.find((p) => p.role === 'opposing')!.name } : {}),
    ...(handler ? { handler: { name: handler.display_name } } : {}),
  };
  const reason = lines(payload.reason);
  if (kind === 'decline_notice' || kind === 'transfer_letter' || kind === 'referral_letter') d.reasons = reason;
  if (kind === 'supplement_request') d.supplement = { items: reason, workingDays: 15 };
  if (kind === 'transfer_letter' && payload.toInstitutionId) {
    const target = await tx.selectFrom('institutions').select('name').where('id', '=', payload.toInstitutionId).executeTakeFirst();
    d.target = { name: target?.name ?? '' };
  }
  if (kind === 'referral_letter' && payload.body) {
    d.outsideBody = { name: referralBodies.find((b) => b.value === payload.body)?.zh ?? payload.body, kind: payload.body };
  }
  if (kind === 'guidance_letter') d.guidance = await guidanceOf(tx, row, payload);
  if (kind === 'infringement_opinion') d.opinion = await opinionOf(tx, row.id);
  return d;
}

const outcomeLines: Partial<Record<OutcomeService, (o: Record<string, unknown>) => string>> = {
  mediation: (o) =>
    o.agreementReached
      ? `经调解，双方达成调解协议${o.termsSummary ? `：${String(o.termsSummary)}` : ''}${o.judicialConfirmation ? `，并经${String(o.court)}司法确认` : ''}。`
      : '经调解，双方未能达成调解协议。',
  funding_aid: (o) => `经审核，批准经费援助${String(o.amountApproved)}元，已拨付${String(o.amountPaid)}元。`,
  overseas_guidance: (o) => `海外纠纷应对指导（${String(o.country)}）：${String(o.adviceSummary)}`,
  warning_analysis: (o) => `分析预警结论：${String(o.findingsSummary)}`,
};

async function guidanceOf(tx: Tx, row: CaseRow, payload: CasePayload): Promise<NonNullable<DocumentCaseData['guidance']>> {
  const rows = await tx.selectFrom('case_outcomes').select(['service', 'data']).where('case_id', '=', row.id).execute();
  const advice = rows.flatMap((r) => {
    const f = outcomeLines[r.service as OutcomeService];
    return f ? [f(r.data as Record<string, unknown>)] : [];
  });
  return {
    analysis: lines(payload.result ?? row.result ?? ''),
    advice: advice.length ? advice : ['如情况发生变化或有其他问题，请及时与本中心联系。'],
  };
}

async function opinionOf(tx: Tx, caseId: string): Promise<NonNullable<DocumentCaseData['opinion']>> {
  const o = await outcomeRow(tx, caseId, 'infringement_opinion');
  if (!o || !o.signed_off_at) {
    throw new AppError(422, 'opinion_missing', '尚未形成经审核签发的侵权判定参考意见，不能办结', 'There is no signed-off infringement assessment opinion to issue', 'opinion');
  }
  const v = o.data as OpinionOutcome;
  return {
    conclusion: v.conclusion, reasoning: v.reasoning, compared: v.compared,
    ...(v.comparedWhat ? { comparedWhat: v.comparedWhat } : {}), ...(v.experts ? { experts: v.experts } : {}),
  };
}

// ---- the render job ----

export async function renderCaseDocument(deps: Deps, documentId: string): Promise<{ status: 'issued' | 'skipped' }> {
  const doc = isUuid(documentId) ? await deps.db.selectFrom('case_documents').selectAll().where('id', '=', documentId).executeTakeFirst() : undefined;
  if (!doc || doc.status === 'issued') return { status: 'skipped' };
  try {
    const model = buildDocument(doc.kind as DocumentKind, doc.data as DocumentCaseData);
    const docx = await documentRenderer.render(model, 'docx');
    const pdf = await documentRenderer.render(model, 'pdf');
    const base = `${model.title}（${doc.doc_number}）`;
    const store = (bytes: Buffer, ext: DocumentFormat) =>
      storeUpload(deps, once(bytes), { originalName: `${base}.${ext}`, maxBytes: MAX_DOCUMENT_BYTES, ownerType: 'case', uploadedBy: null });
    const a = await store(docx, 'docx');
    const b = await store(pdf, 'pdf');
    const issued = await deps.db.transaction().execute(async (tx) => {
      const cur = await tx.selectFrom('case_documents').select(['status']).where('id', '=', doc.id).forUpdate().executeTakeFirstOrThrow();
      if (cur.status === 'issued') return false; // a run that raced us won; our files stay pending and are swept
      const c = await tx.selectFrom('cases').select(['id', sql<string>`institution_path::text`.as('path')]).where('id', '=', doc.case_id).executeTakeFirstOrThrow();
      await attach(tx, [a.id, b.id], { type: 'case', id: c.id, institutionPath: c.path });
      await linkAttachments(tx, c.id, [a.id, b.id], 'document', doc.issued_by);
      await tx
        .updateTable('case_documents')
        .set({ status: 'issued', docx_attachment_id: a.id, pdf_attachment_id: b.id, error: null, attempts: sql`attempts + 1`, issued_at: deps.clock.now(), updated_at: deps.clock.now() })
        .where('id', '=', doc.id)
        .execute();
      return true;
    });
    return { status: issued ? 'issued' : 'skipped' };
  } catch (e) {
    const message = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 500);
    await deps.db
      .updateTable('case_documents')
      .set({ error: message, attempts: sql`attempts + 1`, updated_at: deps.clock.now() })
      .where('id', '=', doc.id)
      .where('status', '=', 'draft')
      .execute();
    throw e;
  }
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

export const caseDocumentJob = defineJob<{ documentId: string }>(RENDER_JOB, (data, deps) => renderCaseDocument(deps, data.documentId), {
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  timeoutSeconds: 5 * 60,
});

// ---- reading, downloading, regenerating ----

type DocRow = Awaited<ReturnType<typeof docsOf>>[number];

async function docsOf(db: Q, caseId: string) {
  return db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export function presentDocument(d: DocRow) {
  const kind = d.kind as DocumentKind;
  return {
    id: d.id, kind, label: documentKindLabels[kind], docNumber: d.doc_number, year: d.year, serial: d.serial, status: d.status,
    error: d.error, attempts: d.attempts, eventSeq: d.event_seq, issuedAt: d.issued_at ? new Date(d.issued_at).toISOString() : null,
    createdAt: new Date(d.created_at).toISOString(), formats: d.status === 'issued' ? ['docx', 'pdf'] : [],
  };
}

export async function listCaseDocuments(deps: Deps, actor: Actor, caseId: string) {
  const c = await loadVisibleCase(deps, actor, caseId);
  return (await docsOf(deps.db, c.id)).map(presentDocument);
}

async function docOfCase(db: Q, caseId: string, docId: string) {
  if (!isUuid(docId)) return undefined;
  return db.selectFrom('case_documents').selectAll().where('id', '=', docId).where('case_id', '=', caseId).executeTakeFirst();
}

const docNotFound = () => NotFound('document', '文书');

async function openIssued(deps: Deps, d: DocRow | undefined, format: DocumentFormat, log?: SecurityLog) {
  if (!d) throw docNotFound();
  if (d.status !== 'issued') throw Conflict('document_not_issued', '文书尚未生成完毕，请稍后再试', 'The document has not been issued yet');
  const id = format === 'docx' ? d.docx_attachment_id : d.pdf_attachment_id;
  return openForDownload(deps, id!, log ? { log } : {});
}

/** Staff in scope (and only them): an issued document's file, re-hashed as it streams. */
export async function downloadCaseDocument(deps: Deps, actor: Actor, caseId: string, docId: string, format: DocumentFormat, log?: SecurityLog) {
  const c = await loadVisibleCase(deps, actor, caseId);
  if (actor.kind === 'applicant') throw caseNotFound();
  return openIssued(deps, await docOfCase(deps.db, c.id, docId), format, log);
}

/** The applicant's own case only; drafts do not exist for them. Anyone else: 404. */
async function applicantCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseRow> {
  const c = await findCase(deps.db, caseId);
  if (!c || actor.kind !== 'applicant' || c.applicant_user_id !== actor.userId || c.state === 'draft') throw caseNotFound();
  return c;
}

export async function listPortalDocuments(deps: Deps, actor: Actor, caseId: string) {
  const c = await applicantCase(deps, actor, caseId);
  return (await docsOf(deps.db, c.id)).filter((d) => d.status === 'issued').map(presentDocument);
}

export async function downloadPortalDocument(deps: Deps, actor: Actor, caseId: string, docId: string, format: DocumentFormat, log?: SecurityLog) {
  const c = await applicantCase(deps, actor, caseId);
  const d = await docOfCase(deps.db, c.id, docId);
  return openIssued(deps, d?.status === 'issued' ? d : undefined, format, log);
}

/** A draft (its rendering failed, or it is still waiting): render it again under the same number. */
export async function regenerateCaseDocument(deps: Deps, actor: Actor, caseId: string, docId: string, ctx: AuditContext) {
  const c = await loadVisibleCase(deps, actor, caseId);
  if (actor.kind === 'applicant') throw caseNotFound();
  if (!(['case.handle', 'case.accept', 'case.transfer', 'case.refer'] as const).some((p) => canOnCase(actor, p, c))) {
    throw new AppError(403, 'forbidden', '无权重新生成本案文书', 'You may not regenerate documents of this case');
  }
  return deps.db.transaction().execute(async (tx) => {
    const d = isUuid(docId) ? await tx.selectFrom('case_documents').selectAll().where('id', '=', docId).where('case_id', '=', c.id).forUpdate().executeTakeFirst() : undefined;
    if (!d) throw docNotFound();
    if (d.status === 'issued') throw Conflict('document_issued', '文书已印发，不能重新生成', 'The document is issued and cannot be regenerated');
    const row = await tx.updateTable('case_documents').set({ error: null, updated_at: deps.clock.now() }).where('id', '=', d.id).returningAll().executeTakeFirstOrThrow();
    await deps.jobs.enqueue(RENDER_JOB, { documentId: d.id }, { tx });
    await recordAudit(tx, ctx, {
      action: 'case.document.regenerate', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { documentId: d.id, docNumber: d.doc_number },
    });
    return presentDocument(row);
  });
}
