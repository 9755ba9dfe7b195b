import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { idParams } from './cases.schemas.ts';
import { downloadEvidenceForExpert, expertCaseView, listExpertCases, writeStructuredOpinion } from './expert-view.ts';

const tags = ['cases'];
const fileParams = z.strictObject({ id: z.string(), attachmentId: z.string() });
/** The fields of the opinion; the service's schema checks them (422 naming the field, in Chinese and English). */
const opinionBody = z.strictObject({
  conclusion: z.unknown(), reasoning: z.unknown(), comparedWhat: z.unknown().optional(), compared: z.unknown().optional(),
});

/** The expert's own view: only the cases they are attached to, without the applicant's personal data (docs/api-cases.md). */
export async function expertViewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/expert/cases', {
    config: { access: 'case.expert' },
    schema: { tags, summary: '专家：我参与的案件 The cases the expert is attached to', response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => ({ data: await listExpertCases(deps, requireActor(req)) }));

  r.get('/api/expert/cases/:id', {
    config: { access: 'case.expert' },
    schema: {
      tags, summary: '专家：案件事实与证据 Facts and evidence of an attached case (no personal data)', params: idParams,
      response: { 200: z.object({ data: z.record(z.string(), z.unknown()), abilities: z.record(z.string(), z.unknown()) }) },
    },
  }, async (req) => expertCaseView(deps, requireActor(req), req.params.id));

  r.get('/api/expert/cases/:id/evidence/:attachmentId', {
    config: { access: 'case.expert' },
    schema: { tags, summary: '专家：下载证据 Download an evidence file of an attached case', params: fileParams },
  }, async (req, reply) => {
    const f = await downloadEvidenceForExpert(deps, requireActor(req), req.params.id, req.params.attachmentId, auditContext(req), req.log);
    return reply.headers(f.headers).send(f.stream);
  });

  r.put('/api/expert/cases/:id/opinion', {
    config: { access: 'case.expert' },
    schema: {
      tags, summary: '专家：撰写侵权判定意见 The expert writes the assessment opinion (conclusion, reasoning, comparison)', params: idParams,
      body: opinionBody, response: { 200: z.object({ data: z.record(z.string(), z.unknown()) }) },
    },
  }, async (req) => ({ data: await writeStructuredOpinion(deps, requireActor(req), req.params.id, req.body, auditContext(req)) }));
}
