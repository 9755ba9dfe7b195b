import fs from 'node:fs/promises';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { DB, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { attach, type StoredFile } from '../../platform/storage/index.ts';
import { pathForKey } from '../../platform/storage/layout.ts';
import { caseNotFound } from '../cases/cases.access.ts';
import { insertCase, institutionBrief, isUuid, linkAttachments, moveAttachments } from '../cases/cases.repository.ts';
import type { DraftApplication } from './portal.schemas.ts';

/**
 * Drafts of online applications: a `cases` row in state 'draft' owned by the applicant, plus what they typed
 * (any subset of the form) encrypted in `portal_drafts`. Until an institution is chosen the row points at the
 * root of the network (a placeholder: drafts are seen by nobody but their applicant).
 */
export interface DraftRecord {
  id: string;
  version: number;
  institutionId: string;
  institutionPath: string;
  institutionChosen: boolean;
  application: DraftApplication;
  createdAt: Date;
  updatedAt: Date;
}

export const applicantsOnly = () =>
  new AppError(403, 'applicants_only', '只有申请人账号可以在线申请', 'Only applicant accounts may apply online');

export function requireApplicant(actor: Actor): void {
  if (actor.kind !== 'applicant') throw applicantsOnly();
}

async function placeholderInstitution(tx: Tx) {
  return tx.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path')]).where('parent_id', 'is', null)
    .orderBy('path').limit(1).executeTakeFirstOrThrow();
}

/** An open institution the applicant chose, else 422 naming `institutionId`. */
export async function chosenInstitution(db: DB | Tx, id: string) {
  const inst = await institutionBrief(db, id);
  if (!inst || inst.status !== 'active') {
    throw new AppError(422, 'invalid_field', '所选机构不存在或已撤销，请重新选择', 'The institution chosen does not exist or is closed; choose another', 'institutionId');
  }
  return inst;
}

export async function createDraft(deps: Deps, actor: Actor, input: DraftApplication): Promise<string> {
  requireApplicant(actor);
  return deps.db.transaction().execute(async (tx) => {
    const inst = input.institutionId ? await chosenInstitution(tx, input.institutionId) : await placeholderInstitution(tx);
    const now = deps.clock.now();
    const id = await insertCase(tx, {
      case_number: null, institution_id: inst.id, institution_path: inst.path, transfer_to_id: null, transfer_to_path: null,
      state: 'draft', channel: 'online', applicant_user_id: actor.userId, handler_id: null, suspended_from: null,
      supplement_from: null, transferred_from: null, referred_from: null, referral_body: null, applicant_kind: null,
      enterprise_size: null, enterprise_tags: [], ip_type: null, ip_number: null, services: [], overseas: false, country: null,
      field: null, region_code: null, summary: '', request: '', result: null, submitted_at: null, accepted_at: null,
      concluded_at: null, archived_at: null, created_by: actor.userId, created_at: now, updated_at: now,
    });
    await tx.insertInto('portal_drafts').values({
      case_id: id, application_enc: deps.secrets.encrypt(JSON.stringify(input)), institution_chosen: Boolean(input.institutionId), updated_at: now,
    }).execute();
    return id;
  });
}

/** The caller's draft (locked when `tx` is a transaction that asks), else 404 — also for a submitted case. */
export async function loadOwnDraft(deps: Deps, db: DB | Tx, actor: Actor, id: string, lock = false): Promise<DraftRecord> {
  if (!isUuid(id)) throw caseNotFound();
  let q = db
    .selectFrom('cases as c')
    .leftJoin('portal_drafts as d', 'd.case_id', 'c.id')
    .select(['c.id', 'c.version', 'c.institution_id', sql<string>`c.institution_path::text`.as('institution_path'), 'c.state',
      'c.applicant_user_id', 'c.created_at', 'd.updated_at', 'd.application_enc', 'd.institution_chosen'])
    .where('c.id', '=', id);
  if (lock) q = q.forUpdate(['c']);
  const r = await q.executeTakeFirst();
  if (!r || r.state !== 'draft' || r.applicant_user_id !== actor.userId) throw caseNotFound();
  return {
    id: r.id, version: r.version, institutionId: r.institution_id, institutionPath: r.institution_path,
    // A draft written elsewhere (insertDraft) has no portal copy: it starts empty here.
    institutionChosen: r.institution_chosen ?? true,
    application: r.application_enc ? (JSON.parse(deps.secrets.decrypt(r.application_enc)) as DraftApplication) : {},
    createdAt: r.created_at, updatedAt: new Date(r.updated_at ?? r.created_at),
  };
}

/** Autosave: the fields sent replace those stored; the others are kept. `institutionId: null` clears the choice. */
export async function saveDraft(deps: Deps, actor: Actor, id: string, input: DraftApplication): Promise<void> {
  requireApplicant(actor);
  await deps.db.transaction().execute(async (tx) => {
    const d = await loadOwnDraft(deps, tx, actor, id, true);
    const application: DraftApplication = { ...d.application, ...input };
    const now = deps.clock.now();
    let chosen = d.institutionChosen;
    if (input.institutionId !== undefined) {
      const inst = input.institutionId ? await chosenInstitution(tx, input.institutionId) : await placeholderInstitution(tx);
      chosen = Boolean(input.institutionId);
      if (inst.id !== d.institutionId) {
        await tx.updateTable('cases').set({ institution_id: inst.id, institution_path: inst.path }).where('id', '=', id).execute();
        await moveAttachments(tx, id, inst.path);
      }
    }
    await tx.updateTable('cases').set({ version: d.version + 1, updated_at: now }).where('id', '=', id).execute();
    const set = { application_enc: deps.secrets.encrypt(JSON.stringify(application)), institution_chosen: chosen, updated_at: now };
    await tx.insertInto('portal_drafts').values({ case_id: id, ...set }).onConflict((oc) => oc.column('case_id').doUpdateSet(set)).execute();
  });
}

export async function listDrafts(deps: Deps, actor: Actor): Promise<DraftRecord[]> {
  const ids = await deps.db.selectFrom('cases').select('id').where('applicant_user_id', '=', actor.userId)
    .where('state', '=', 'draft').orderBy('updated_at', 'desc').limit(100).execute();
  return Promise.all(ids.map((r) => loadOwnDraft(deps, deps.db, actor, r.id)));
}

/** A draft and its evidence go for good: rows, links and the stored files. */
export async function deleteDraft(deps: Deps, actor: Actor, id: string): Promise<void> {
  const keys = await deps.db.transaction().execute(async (tx) => {
    await loadOwnDraft(deps, tx, actor, id, true);
    const gone = await tx.updateTable('attachments').set({ status: 'deleted', deleted_at: deps.clock.now() })
      .where('owner_type', '=', 'case').where('owner_id', '=', id).returning('storage_key').execute();
    await tx.deleteFrom('cases').where('id', '=', id).execute();
    return gone.map((g) => g.storage_key);
  });
  for (const k of keys) await fs.rm(pathForKey(deps.config.dataDir, k), { force: true });
}

export type EvidenceItem = {
  id: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  purpose: string;
  addedAt: string;
};

export async function evidenceOf(db: DB | Tx, caseId: string, purposes: readonly ('evidence' | 'supplement' | 'document')[] = ['evidence', 'supplement']): Promise<EvidenceItem[]> {
  const rows = await db
    .selectFrom('case_attachments as ca')
    .innerJoin('attachments as a', 'a.id', 'ca.attachment_id')
    .select(['a.id', 'a.original_name', 'a.media_type', 'a.size_bytes', 'a.sha256', 'ca.purpose', 'ca.added_at'])
    .where('ca.case_id', '=', caseId)
    .where('ca.purpose', 'in', [...purposes])
    .where('a.status', '=', 'attached')
    .orderBy('ca.added_at').orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id, name: r.original_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256,
    purpose: r.purpose, addedAt: new Date(r.added_at).toISOString(),
  }));
}

export const MAX_EVIDENCE_FILES = 20;

/**
 * Uploaded files become evidence of the draft (in one transaction; the uploads stay pending on refusal). A file
 * already on the draft (same name and SHA-256) — an upload sent again because its answer was lost — is not added
 * twice: its new copy stays pending for the caller to discard. Returns the evidence ids standing for the files.
 */
export async function addEvidence(deps: Deps, actor: Actor, id: string, files: readonly StoredFile[]): Promise<{ ids: string[]; repeats: string[] }> {
  return deps.db.transaction().execute(async (tx) => {
    const d = await loadOwnDraft(deps, tx, actor, id, true);
    const have = await tx.selectFrom('case_attachments').innerJoin('attachments', 'attachments.id', 'case_attachments.attachment_id')
      .select(['attachments.id', 'attachments.sha256', 'attachments.original_name']).where('case_attachments.case_id', '=', id).execute();
    const known = new Map(have.map((a) => [`${a.sha256}/${a.original_name}`, a.id]));
    const fresh = files.filter((f) => !known.has(`${f.sha256}/${f.originalName}`));
    if (have.length + fresh.length > MAX_EVIDENCE_FILES) {
      throw new AppError(422, 'too_many_files', `每份申请最多 ${MAX_EVIDENCE_FILES} 个证据文件`, `At most ${MAX_EVIDENCE_FILES} evidence files per application`, 'file');
    }
    const freshIds = fresh.map((f) => f.id);
    if (freshIds.length > 0) {
      await attach(tx, freshIds, { type: 'case', id, institutionPath: d.institutionPath, uploadedBy: actor.userId });
      await linkAttachments(tx, id, freshIds, 'evidence', actor.userId);
    }
    return {
      ids: files.map((f) => known.get(`${f.sha256}/${f.originalName}`) ?? f.id),
      repeats: files.filter((f) => known.has(`${f.sha256}/${f.originalName}`)).map((f) => f.id),
    };
  });
}

export async function removeEvidence(deps: Deps, actor: Actor, id: string, attachmentId: string): Promise<void> {
  const key = await deps.db.transaction().execute(async (tx) => {
    await loadOwnDraft(deps, tx, actor, id, true);
    const link = await tx.deleteFrom('case_attachments').where('case_id', '=', id).where('attachment_id', '=', attachmentId)
      .returning('attachment_id').executeTakeFirst();
    if (!link) throw new AppError(404, 'not_found', '证据文件不存在', 'Evidence file not found', 'attachmentId');
    const a = await tx.updateTable('attachments').set({ status: 'deleted', deleted_at: deps.clock.now() })
      .where('id', '=', attachmentId).returning('storage_key').executeTakeFirstOrThrow();
    return a.storage_key;
  });
  await fs.rm(pathForKey(deps.config.dataDir, key), { force: true });
}
