import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import {
  downloadCaseDocument, downloadPortalDocument, listCaseDocuments, listPortalDocuments, regenerateCaseDocument,
} from './case-documents.ts';
import {
  getOutcome, inviteExpert, isOutcomeService, OUTCOME_SERVICES, outcomeFieldNames, putOutcome, removeExpert, writeExpertOpinion,
} from './service-outcomes.ts';
import { idParams } from './cases.schemas.ts';
import { AppError } from '../../platform/errors.ts';

const tags = ['cases'];
const list = z.object({ data: z.array(z.record(z.string(), z.unknown())) });
const one = z.object({ data: z.record(z.string(), z.unknown()) });
const docParams = z.strictObject({ id: z.string(), docId: z.string() });
const formatQuery = z.strictObject({ format: z.enum(['docx', 'pdf']).default('pdf') });
const serviceParams = z.strictObject({ id: z.string(), service: z.string() });
const expertParams = z.strictObject({ id: z.string(), userId: z.string() });
/** Every field any service's outcome may carry; the service's own schema then decides (422 naming the fields). */
const outcomeBody = z.strictObject(Object.fromEntries(outcomeFieldNames.map((k) => [k, z.unknown().optional()])));

function service(v: string) {
  if (!isOutcomeService(v)) {
    throw new AppError(404, 'not_found', `没有此项服务结果：${v}（可选：${OUTCOME_SERVICES.join('、')}）`, `No outcome for the service ${v}`);
  }
  return v;
}

/** Issued documents of a case, the applicant's downloads, service outcomes and invited experts. */
export async function caseDocumentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/cases/:id/documents', {
    config: { access: 'case.read' },
    schema: { tags, summary: '案件文书 Documents of the case (drafts and issued)', params: idParams, response: { 200: list } },
  }, async (req) => ({ data: await listCaseDocuments(deps, requireActor(req), req.params.id) }));

  r.get('/api/cases/:id/documents/:docId/download', {
    config: { access: 'case.read' },
    schema: { tags, summary: '下载文书 Download an issued document (.docx or PDF)', params: docParams, querystring: formatQuery },
  }, async (req, reply) => {
    const f = await downloadCaseDocument(deps, requireActor(req), req.params.id, req.params.docId, req.query.format, req.log);
    return reply.headers(f.headers).send(f.stream);
  });

  r.post('/api/cases/:id/documents/:docId/regenerate', {
    config: { access: ['case.handle', 'case.accept', 'case.transfer', 'case.refer'] },
    schema: {
      tags, summary: '重新生成文书 Render a draft document again (same number)', params: docParams, body: z.strictObject({}).optional(),
      response: { 202: one },
    },
  }, async (req, reply) => {
    const d = await regenerateCaseDocument(deps, requireActor(req), req.params.id, req.params.docId, auditContext(req));
    return reply.status(202).send({ data: d });
  });

  r.get('/api/portal/cases/:id/documents', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '申请人：已印发的文书 The applicant\'s issued documents of their case', params: idParams, response: { 200: list } },
  }, async (req) => ({ data: await listPortalDocuments(deps, requireActor(req), req.params.id) }));

  r.get('/api/portal/cases/:id/documents/:docId/download', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '申请人：下载文书 The applicant downloads an issued document', params: docParams, querystring: formatQuery },
  }, async (req, reply) => {
    const f = await downloadPortalDocument(deps, requireActor(req), req.params.id, req.params.docId, req.query.format, req.log);
    return reply.headers(f.headers).send(f.stream);
  });

  r.get('/api/cases/:id/outcomes/:service', {
    config: { access: ['case.read', 'case.expert'] },
    schema: { tags, summary: '服务结果 The outcome recorded for one service of the case', params: serviceParams, response: { 200: one } },
  }, async (req) => ({ data: await getOutcome(deps, requireActor(req), req.params.id, service(req.params.service)) }));

  r.put('/api/cases/:id/outcomes/:service', {
    config: { access: 'case.handle' },
    schema: { tags, summary: '记录服务结果 Record the outcome of one service', params: serviceParams, body: outcomeBody, response: { 200: one } },
  }, async (req) => ({
    data: await putOutcome(deps, requireActor(req), req.params.id, service(req.params.service), req.body, auditContext(req)),
  }));

  r.post('/api/cases/:id/experts', {
    config: { access: ['case.handle', 'case.assign'] },
    schema: {
      tags, summary: '邀请专家 Attach an expert to the case', params: idParams, body: z.strictObject({ userId: z.string() }), response: { 201: list },
    },
  }, async (req, reply) => {
    const experts = await inviteExpert(deps, requireActor(req), req.params.id, req.body.userId, auditContext(req));
    return reply.status(201).send({ data: experts });
  });

  r.delete('/api/cases/:id/experts/:userId', {
    config: { access: ['case.handle', 'case.assign'] },
    schema: { tags, summary: '移除专家 Detach an expert from the case', params: expertParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeExpert(deps, requireActor(req), req.params.id, req.params.userId, auditContext(req));
    return reply.status(204).send(null);
  });

  r.put('/api/cases/:id/experts/me/opinion', {
    config: { access: 'case.expert' },
    schema: {
      tags, summary: '专家：撰写本人意见 An invited expert writes their opinion', params: idParams,
      body: z.strictObject({ opinion: z.string().trim().min(1).max(20_000) }), response: { 200: one },
    },
  }, async (req) => ({ data: await writeExpertOpinion(deps, requireActor(req), req.params.id, req.body.opinion, auditContext(req)) }));
}
