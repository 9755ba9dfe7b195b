import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/http/error-handler.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import type { EffectReport } from '../cases/cases.effects.ts';
import { recordConsent } from '../privacy/retention.ts';
import { claimKey, requestHash } from '../cases/cases.idempotency.ts';
import { partyRow } from '../cases/cases.parties.ts';
import { insertParties, isUuid, lockCase, moveAttachments } from '../cases/cases.repository.ts';
import type { PartyIn } from '../cases/cases.schemas.ts';
import { transitionLocked } from '../cases/cases.transition.ts';
import { chosenInstitution, evidenceOf, loadOwnDraft, requireApplicant, type DraftRecord } from './portal.drafts.ts';
import { proposeInstitutions } from './portal.proposal.ts';
import { applicationSchema, crossFieldIssues, withoutBlanks, type Application } from './portal.schemas.ts';

/**
 * Submitting a draft: one transaction that claims the Idempotency-Key, checks the whole application
 * (422 naming every wrong field; the draft stays as it was), settles the institution (chosen, else the top
 * proposal), writes the parties (personal data encrypted) and fires `submit` through the state machine.
 * A retry with the same key — sequential or concurrent — answers the same receipt and makes no second case.
 */
export interface Receipt {
  caseId: string;
  caseNumber: string;
  submittedAt: string;
  institution: { id: string; name: string; chosen: boolean; reason: { zh: string; en: string } | null };
  evidence: { name: string; sizeBytes: number; sha256: string }[];
}

export interface Submitted {
  receipt: Receipt;
  replayed: boolean;
  effects: EffectReport[];
}

export const missingKey = () =>
  new AppError(400, 'idempotency_key_required', '提交申请须带 Idempotency-Key 请求头', 'Submitting needs an Idempotency-Key header', 'Idempotency-Key');

export async function submitDraft(deps: Deps, actor: Actor, id: string, key: string | undefined, ctx: AuditContext): Promise<Submitted> {
  if (!key) throw missingKey();
  requireApplicant(actor);
  const owner = `portal:${actor.userId}`;
  const out = await deps.db.transaction().execute(async (tx): Promise<Submitted> => {
    const earlier = await claimKey(tx, owner, key, requestHash({ submitDraft: id }));
    if (earlier) return { receipt: await storedReceipt(tx, earlier.response as unknown as StoredReceipt), replayed: true, effects: [] };
    await refuseIfSubmitted(tx, actor, id);
    const draft = await loadOwnDraft(deps, tx, actor, id, true).catch(async (e: unknown) => {
      await refuseIfSubmitted(tx, actor, id); // submitted meanwhile under another key: say so (409), not 404
      throw e;
    });
    const app = validate(draft);
    const inst = await settleInstitution(tx, draft, app);
    await tx.updateTable('cases').set({
      institution_id: inst.id, institution_path: inst.path, applicant_kind: app.applicant.kind,
      enterprise_size: app.applicant.enterpriseSize ?? null, enterprise_tags: app.applicant.enterpriseTags, ip_type: app.ipType,
      ip_number: app.ipNumber ?? null, services: app.services, overseas: app.overseas, country: app.overseas ? (app.country ?? null) : null,
      field: app.field ?? null, region_code: app.regionCode, summary: app.summary, request: app.request,
    }).where('id', '=', id).execute();
    if (inst.path !== draft.institutionPath) await moveAttachments(tx, id, inst.path);
    await tx.deleteFrom('case_parties').where('case_id', '=', id).execute();
    await insertParties(tx, [
      partyRow(deps.secrets, id, 'applicant', app.applicant as PartyIn, 0),
      ...app.opposingParties.map((p, i) => partyRow(deps.secrets, id, 'opposing', p as PartyIn, i + 1)),
    ]);
    await recordConsent(tx, id, deps.clock.now());
    const evidence = (await evidenceOf(tx, id, ['evidence'])).map((e) => ({ name: e.name, sizeBytes: e.sizeBytes, sha256: e.sha256 }));
    // What was typed now lives in the case and its parties; the draft copy goes.
    await tx.deleteFrom('portal_drafts').where('case_id', '=', id).execute();
    // The answer for a retry is stored before the transition: the number and the submission time are read from the
    // case when a retry comes, because the transition takes the number as the transaction's last statement and
    // every other submission there waits from then to commit (ADR 0043).
    const stored: StoredReceipt = { caseId: id, institution: { id: inst.id, name: inst.name, chosen: inst.reason === null, reason: inst.reason }, evidence };
    await tx.updateTable('idempotency_keys').set({ status_code: 201, response: JSON.stringify(stored) })
      .where('owner', '=', owner).where('key', '=', key).execute();
    const row = (await lockCase(tx, id))!;
    const t = await transitionLocked(tx, deps, actor, row, 'submit', {}, ctx);
    const receipt = receiptOf(stored, t.caseNumber!, t.at);
    return { receipt, replayed: false, effects: t.effects };
  });
  // Notices were queued inside the transition's transaction (cases/case-notifications.ts).
  return out;
}

/** What a retry's answer keeps: the receipt without the number and the submission time (read from the case). */
type StoredReceipt = Omit<Receipt, 'caseNumber' | 'submittedAt'>;

async function storedReceipt(tx: Tx, stored: StoredReceipt): Promise<Receipt> {
  const c = await tx.selectFrom('cases').select(['case_number', 'submitted_at']).where('id', '=', stored.caseId).executeTakeFirstOrThrow();
  return receiptOf(stored, c.case_number!, new Date(c.submitted_at!));
}

const receiptOf = (s: StoredReceipt, caseNumber: string, submittedAt: Date): Receipt => ({
  caseId: s.caseId, caseNumber, submittedAt: submittedAt.toISOString(), institution: s.institution, evidence: s.evidence,
});

async function refuseIfSubmitted(tx: Tx, actor: Actor, id: string): Promise<void> {
  if (!isUuid(id)) return;
  const c = await tx.selectFrom('cases').select(['state', 'case_number', 'applicant_user_id']).where('id', '=', id).executeTakeFirst();
  if (c && c.applicant_user_id === actor.userId && c.state !== 'draft') {
    throw new AppError(409, 'already_submitted', `该申请已提交，案件编号 ${c.case_number}`, `This application was already submitted as ${c.case_number}`, undefined, {
      caseNumber: c.case_number,
    });
  }
}

/** The whole application, or 422 with every wrong field named (Chinese and English). */
export function validate(d: DraftRecord): Application {
  const raw = withoutBlanks(d.application);
  const r = applicationSchema.safeParse(raw);
  const issues = [...(r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.') || 'application', message: i.message }))), ...crossFieldIssues(raw)];
  if (r.success && issues.length === 0) return r.data;
  const seen = new Set<string>();
  const fields: FieldError[] = issues.filter((i) => !seen.has(i.path) && seen.add(i.path)).map(({ path: field, message }) => {
    const [zh, en] = message.includes(' / ') ? message.split(' / ') : ['内容不正确', message];
    return { field, message: `${field}：${zh}`, messageEn: `${field}: ${en}` };
  });
  const first = fields[0]!;
  throw new AppError(422, 'invalid_application', `申请未能提交：${first.message}（草稿已保留）`, `The application was not submitted: ${first.messageEn} (the draft is kept)`, first.field, { fields });
}

async function settleInstitution(tx: Tx, d: DraftRecord, app: Application) {
  const region = await tx.selectFrom('regions').select('code').where('code', '=', app.regionCode).executeTakeFirst();
  if (!region) throw new AppError(422, 'invalid_field', '所选地区不存在', 'Unknown region', 'regionCode', { fields: [{ field: 'regionCode', message: 'regionCode：所选地区不存在', messageEn: 'regionCode: unknown region' }] });
  if (d.institutionChosen && app.institutionId) {
    const inst = await chosenInstitution(tx, app.institutionId);
    return { id: inst.id, name: inst.name, path: inst.path, reason: null };
  }
  const [top] = await proposeInstitutions(tx, { regionCode: app.regionCode, service: app.services[0], ipType: app.ipType, overseas: app.overseas }, 1);
  if (!top) {
    throw new AppError(422, 'no_competent_institution', '未找到可受理该申请的机构，请自行选择受理机构', 'No institution fits this application; choose one', 'institutionId');
  }
  return { id: top.id, name: top.name, path: top.path, reason: top.reason };
}
