import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { listFollowUps, recordFollowUp } from './follow-ups.ts';

const tags = ['cases'];
const params = z.object({ id: z.string(), fid: z.string() });
const list = z.object({ data: z.array(z.record(z.string(), z.unknown())) });

/** `done` records the visit; `skipped` records why there was none (archiving needs one or the other). */
const doneBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('done'),
    method: z.enum(['phone', 'visit', 'email', 'sms', 'other']),
    satisfaction: z.number().int().min(1).max(5).optional(),
    notes: z.string().max(4000).optional(),
  }).strict(),
  z.object({ outcome: z.literal('skipped'), reason: z.string().trim().min(1).max(2000) }).strict(),
]);

/** Follow-up visits (回访) of a concluded case: cases/follow-ups.ts. */
export async function followUpRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/cases/:id/follow-ups', {
    config: { access: 'case.read' },
    schema: { tags, summary: '回访记录 Follow-up visits of the case', params: z.object({ id: z.string() }), response: { 200: list } },
  }, async (req) => ({ data: await listFollowUps(deps, requireActor(req), req.params.id) }));

  r.post('/api/cases/:id/follow-ups/:fid/done', {
    config: { access: ['case.handle', 'case.archive'] },
    schema: {
      tags, summary: '登记回访（或未回访原因）Record the follow-up visit, or why it was skipped', params, body: doneBody,
      response: { 200: list },
    },
  }, async (req) => ({
    data: await recordFollowUp(deps, requireActor(req), req.params.id, req.params.fid, req.body, auditContext(req)),
  }));
}
