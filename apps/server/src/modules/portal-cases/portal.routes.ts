import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkNoticeVersion, privacyNotice } from '../privacy/notice.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { namesOf } from '../cases/cases.repository.ts';
import { portalCaseRoutes } from './portal.cases.routes.ts';
import {
  addEvidence, createDraft, deleteDraft, evidenceOf, listDrafts, loadOwnDraft, MAX_EVIDENCE_FILES, removeEvidence, requireApplicant,
  saveDraft, type DraftRecord,
} from './portal.drafts.ts';
import { proposeInstitutions } from './portal.proposal.ts';
import { draftBody, evidenceParams, idParams, proposalQuery } from './portal.schemas.ts';
import { submitDraft } from './portal.submit.ts';

/** The applicant's online application: drafts, evidence, the proposed institution, submit (docs/api-cases.md). */
const tags = ['portal'];
const data = z.object({ data: z.record(z.string(), z.unknown()) });
const list = z.object({ data: z.array(z.record(z.string(), z.unknown())) });
export const EVIDENCE_LIMITS = { maxFiles: 10, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxFields: 5 };

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  await app.register(multipart, { limits: { fileSize: EVIDENCE_LIMITS.maxFileBytes + 1, files: EVIDENCE_LIMITS.maxFiles + 1 } });
  await app.register(portalCaseRoutes);

  const present = async (d: DraftRecord) => {
    const names = await namesOf(deps.db, 'institutions', [d.institutionChosen ? d.institutionId : null]);
    return {
      id: d.id, version: d.version, application: d.application,
      institution: d.institutionChosen ? { id: d.institutionId, name: names.get(d.institutionId) ?? '' } : null,
      evidence: await evidenceOf(deps.db, d.id, ['evidence']),
      createdAt: new Date(d.createdAt).toISOString(), updatedAt: d.updatedAt.toISOString(),
    };
  };
  const own = async (actorId: ReturnType<typeof requireActor>, id: string) => present(await loadOwnDraft(deps, deps.db, actorId, id));

  r.post('/api/portal/drafts', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '新建申请草稿 Start an application (any subset of the form)', body: draftBody, response: { 201: data } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createDraft(deps, actor, req.body);
    return reply.status(201).send({ data: await own(actor, id) });
  });

  r.get('/api/portal/drafts', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的申请草稿 My drafts', response: { 200: list } },
  }, async (req) => {
    const drafts = await listDrafts(deps, requireActor(req));
    return { data: await Promise.all(drafts.map(present)) };
  });

  r.get('/api/portal/drafts/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '申请草稿 One draft', params: idParams, response: { 200: data } },
  }, async (req) => ({ data: await own(requireActor(req), req.params.id) }));

  r.put('/api/portal/drafts/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '自动保存草稿 Autosave: the fields sent replace the stored ones', params: idParams, body: draftBody, response: { 200: data } },
  }, async (req) => {
    const actor = requireActor(req);
    await saveDraft(deps, actor, req.params.id, req.body);
    return { data: await own(actor, req.params.id) };
  });

  r.delete('/api/portal/drafts/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '删除草稿 Delete a draft and its evidence', params: idParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await deleteDraft(deps, requireActor(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/portal/drafts/:id/evidence', {
    config: { access: 'authenticated' },
    schema: {
      tags, params: idParams, response: { 201: list },
      summary: `上传证据 Upload evidence (multipart field "file", ≤ ${EVIDENCE_LIMITS.maxFiles} files a request, ≤ ${MAX_EVIDENCE_FILES} in all)`,
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    requireApplicant(actor);
    await loadOwnDraft(deps, deps.db, actor, req.params.id);
    const up = await receiveUploads(deps, req, EVIDENCE_LIMITS, { ownerType: 'case', uploadedBy: actor.userId });
    let added: Awaited<ReturnType<typeof addEvidence>>;
    try {
      added = await addEvidence(deps, actor, req.params.id, up.files);
    } catch (e) {
      await discardPending(deps, up.files.map((f) => f.id)).catch(() => {});
      throw e;
    }
    if (added.repeats.length > 0) await discardPending(deps, added.repeats).catch(() => {});
    const ids = new Set(added.ids);
    return reply.status(201).send({ data: (await evidenceOf(deps.db, req.params.id, ['evidence'])).filter((e) => ids.has(e.id)) });
  });

  r.delete('/api/portal/drafts/:id/evidence/:attachmentId', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '删除一份证据 Remove one evidence file from a draft', params: evidenceParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeEvidence(deps, requireActor(req), req.params.id, req.params.attachmentId);
    return reply.status(204).send(null);
  });

  r.get('/api/portal/proposal', {
    config: { access: 'public' },
    schema: {
      tags, summary: '推荐受理机构 The competent institutions for a region, service and IP type, nearest first, with the reason',
      querystring: proposalQuery, response: { 200: list },
    },
  }, async (req) => {
    const rows = await proposeInstitutions(deps.db, req.query);
    return { data: rows.map(({ path: _p, ...x }) => x) };
  });

  r.get('/api/portal/privacy-notice', {
    config: { access: 'public' },
    schema: {
      tags, summary: '隐私告知 The privacy notice shown before submitting, with its version',
      response: { 200: z.object({ data: z.object({ version: z.string(), zh: z.array(z.string()), en: z.array(z.string()) }) }) },
    },
  }, async () => ({ data: privacyNotice }));

  r.post('/api/portal/drafts/:id/submit', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '提交申请 Submit a draft (header Idempotency-Key required): case number and evidence receipt',
      params: idParams, body: z.strictObject({ privacyNoticeVersion: z.string().max(40).optional() }).optional(),
      headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
      response: { 201: data, 200: data },
    },
  }, async (req, reply) => {
    checkNoticeVersion(req.body?.privacyNoticeVersion);
    const key = req.headers['idempotency-key'];
    const s = await submitDraft(deps, requireActor(req), req.params.id, typeof key === 'string' ? key : undefined, auditContext(req));
    return reply.status(s.replayed ? 200 : 201).send({ data: { ...s.receipt } });
  });
}
