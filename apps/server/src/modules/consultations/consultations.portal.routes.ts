import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { askOnline, followUp, ownConsultations, ownConsultationView } from './consultations.portal.ts';
import { askBody, followUpBody, idParams } from './consultations.schemas.ts';

const tags = ['portal'];
const data = z.object({ data: z.record(z.string(), z.unknown()) });

/** 在线咨询: the signed-in applicant's own consultations (anybody else's answer 404). */
export async function consultationPortalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/portal/consultations', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '在线咨询 Ask a question online', body: askBody, response: { 201: data } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await askOnline(deps, actor, req.body, auditContext(req));
    return reply.status(201).send({ data: await ownConsultationView(deps, actor, id) });
  });

  r.get('/api/portal/consultations', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的咨询 My consultations', response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => ({ data: await ownConsultations(deps, requireActor(req)) }));

  r.get('/api/portal/consultations/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '咨询详情 The thread of one of my consultations', params: idParams, response: { 200: data } },
  }, async (req) => ({ data: await ownConsultationView(deps, requireActor(req), req.params.id) }));

  r.post('/api/portal/consultations/:id/messages', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '追问 A follow-up question in the same thread', params: idParams, body: followUpBody, response: { 200: data } },
  }, async (req) => {
    const actor = requireActor(req);
    await followUp(deps, actor, req.params.id, req.body.body, auditContext(req));
    return { data: await ownConsultationView(deps, actor, req.params.id) };
  });
}
