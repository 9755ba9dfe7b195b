/**
 * The evidence files of a case (the applicant's evidence and supplements) for the people who work on it: staff in
 * scope here, attached experts through expert-view.ts. Downloads are re-hashed as they stream and audited.
 */
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors.ts';
import { openForDownload, type SecurityLog } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { caseNotFound, canSeeCase } from './cases.access.ts';
import { findCase, isUuid, type CaseRow } from './cases.repository.ts';

export async function evidenceOfCase(deps: Deps, caseId: string) {
  const rows = await deps.db
    .selectFrom('case_attachments as ca')
    .innerJoin('attachments as a', 'a.id', 'ca.attachment_id')
    .select(['a.id', 'a.original_name', 'a.media_type', 'a.size_bytes', 'a.sha256', 'ca.purpose', 'ca.added_at'])
    .where('ca.case_id', '=', caseId)
    .where('ca.purpose', 'in', ['evidence', 'supplement'])
    .where('a.status', '<>', 'deleted')
    .orderBy('ca.added_at')
    .orderBy('a.original_name')
    .execute();
  return rows.map((a) => ({
    id: a.id, name: a.original_name, mediaType: a.media_type, sizeBytes: Number(a.size_bytes), sha256: a.sha256, purpose: a.purpose,
    addedAt: new Date(a.added_at).toISOString(),
  }));
}

/** Staff who may read the case (its institution's subtree, or the receiving end of a transfer); anyone else 404. */
async function staffCase(deps: Deps, actor: Actor, caseId: string): Promise<CaseRow> {
  const c = await findCase(deps.db, caseId);
  if (!c || c.state === 'draft' || actor.kind === 'applicant' || !canSeeCase(actor, c)) throw caseNotFound();
  return c;
}

export async function listCaseEvidence(deps: Deps, actor: Actor, caseId: string) {
  const c = await staffCase(deps, actor, caseId);
  return evidenceOfCase(deps, c.id);
}

/** One evidence file of the case, by the case it belongs to (a file of another case answers 404); audited. */
export async function openCaseEvidence(deps: Deps, c: CaseRow, attachmentId: string, ctx: AuditContext, log?: SecurityLog) {
  if (!isUuid(attachmentId) || !(await evidenceOfCase(deps, c.id)).some((e) => e.id === attachmentId)) throw NotFound('attachment', '证据文件');
  await recordAudit(deps.db, ctx, {
    action: 'case.evidence.download', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
    detail: { attachmentId },
  });
  return openForDownload(deps, attachmentId, log ? { log } : {});
}

export async function downloadCaseEvidence(deps: Deps, actor: Actor, caseId: string, attachmentId: string, ctx: AuditContext, log?: SecurityLog) {
  return openCaseEvidence(deps, await staffCase(deps, actor, caseId), attachmentId, ctx, log);
}
