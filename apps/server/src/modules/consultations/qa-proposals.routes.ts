import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { idParams, proposalQuery, proposeBody, reviewBody } from './consultations.schemas.ts';
import { listQaProposals, proposeQa, reviewQa } from './qa-proposals.ts';
import { draftQaArticle } from './qa-publish.ts';

const tags = ['consultations'];
const rec = z.record(z.string(), z.unknown());

/** 优秀问答 proposals: propose from an answered consultation, list, approve or return. */
export async function qaProposalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/consultations/:id/qa-proposals', {
    config: { access: 'consultation.record' },
    schema: {
      tags, summary: '推荐为优秀问答 Propose as featured Q&A (personal details removed)', params: idParams, body: proposeBody,
      response: { 201: z.object({ data: rec }) },
    },
  }, async (req, reply) => {
    const out = await proposeQa(deps, requireActor(req), req.params.id, req.body, auditContext(req));
    return reply.status(201).send({ data: out });
  });

  r.get('/api/qa-proposals', {
    config: { access: 'consultation.read' },
    schema: { tags, summary: '优秀问答推荐 Featured Q&A proposals in scope', querystring: proposalQuery, response: { 200: z.object({ data: z.array(rec) }) } },
  }, async (req) => ({ data: await listQaProposals(deps.db, requireActor(req), req.query.status) }));

  r.post('/api/qa-proposals/:id/review', {
    config: { access: 'consultation.review' },
    schema: { tags, summary: '审核推荐 Approve or return a proposal', params: idParams, body: reviewBody, response: { 200: z.object({ data: rec }) } },
  }, async (req) => {
    await reviewQa(deps, requireActor(req), req.params.id, req.body.decision, req.body.comment, auditContext(req));
    return { data: { id: req.params.id } };
  });

  r.post('/api/qa-proposals/:id/article', {
    config: { access: 'article.write' },
    schema: {
      tags, summary: '编为优秀问答文章 Draft the featured Q&A article from an approved proposal', params: idParams,
      response: { 201: z.object({ data: z.object({ articleId: z.string() }) }) },
    },
  }, async (req, reply) => reply.status(201).send({ data: await draftQaArticle(deps, requireActor(req), req.params.id, auditContext(req)) }));
}
