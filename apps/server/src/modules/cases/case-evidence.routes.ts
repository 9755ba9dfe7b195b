import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { downloadCaseEvidence, listCaseEvidence } from './case-evidence.ts';
import { idParams } from './cases.schemas.ts';

const tags = ['cases'];
const fileParams = z.strictObject({ id: z.string(), attachmentId: z.string() });

/** The applicant's evidence files, for the staff working the case (docs/api-cases.md). */
export async function caseEvidenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/cases/:id/evidence', {
    config: { access: 'case.read' },
    schema: { tags, summary: '证据材料 The evidence files of the case', params: idParams, response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => ({ data: await listCaseEvidence(deps, requireActor(req), req.params.id) }));

  r.get('/api/cases/:id/evidence/:attachmentId', {
    config: { access: 'case.read' },
    schema: { tags, summary: '下载证据 Download an evidence file of the case (hash checked, audited)', params: fileParams },
  }, async (req, reply) => {
    const f = await downloadCaseEvidence(deps, requireActor(req), req.params.id, req.params.attachmentId, auditContext(req), req.log);
    return reply.headers(f.headers).send(f.stream);
  });
}
