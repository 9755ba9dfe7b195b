import { casePermissions, toCstDate } from '@yuanzhi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { listCases, type QueueRow } from './cases.queue.ts';
import { caseTimeline, caseView } from './cases.read.ts';
import { registerCase } from './cases.register.ts';
import { idParams, listQuery, registerBody, transitionBody } from './cases.schemas.ts';
import { transitionCase } from './cases.transition.ts';
import { stateOut } from './cases.presenter.ts';
import { caseWorkRoutes } from './cases.work.routes.ts';
import { caseDocumentRoutes } from './case-documents.routes.ts';
import { expertViewRoutes } from './expert-view.routes.ts';
import { caseEvidenceRoutes } from './case-evidence.routes.ts';

const tags = ['cases'];
const one = z.object({ data: z.record(z.string(), z.unknown()), abilities: z.record(z.string(), z.unknown()) });
const effect = z.record(z.string(), z.unknown());

export function presentQueueRow(r: QueueRow) {
  return {
    id: r.id, caseNumber: r.case_number, state: stateOut(r.state), track: r.track, channel: r.channel,
    institution: { id: r.institution_id, name: r.institution_name }, applicantName: r.applicant_name,
    applicantPhoneMasked: r.applicant_phone_masked, ipType: r.ip_type, services: r.services,
    handler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? '' } : null,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null, nextDue: r.next_due, overdue: r.overdue,
    summary: r.summary.length > 120 ? `${r.summary.slice(0, 120)}…` : r.summary,
  };
}

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  await app.register(caseWorkRoutes);
  await app.register(caseDocumentRoutes);
  await app.register(expertViewRoutes);
  await app.register(caseEvidenceRoutes);

  r.post('/api/cases', {
    config: { access: 'case.submit' },
    schema: {
      tags, summary: '登记案件（现场、热线、邮件、移交、展会…）Register a case from any channel',
      body: registerBody,
      headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
      response: { 201: one.extend({ effects: z.array(effect) }), 200: one.extend({ effects: z.array(effect) }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const key = req.headers['idempotency-key'];
    const reg = await registerCase(deps, actor, req.body, auditContext(req), typeof key === 'string' ? key : undefined);
    const view = await caseView(deps, actor, reg.caseId);
    return reply.status(reg.replayed ? 200 : 201).send({ ...view, effects: reg.effects });
  });

  r.get('/api/cases', {
    config: { access: 'case.read' },
    schema: {
      tags, summary: '案件列表与工作队列 Cases and work queues in scope', querystring: listQuery,
      response: {
        200: z.object({
          data: z.array(z.record(z.string(), z.unknown())), total: z.number(), page: z.number(), pageSize: z.number(),
          totalCapped: z.boolean().describe('total stopped counting at 10,000: show "10,000+"'),
        }),
      },
    },
  }, async (req) => {
    const { page, pageSize, ...filters } = req.query;
    const today = toCstDate(deps.clock.now());
    const { rows, total, totalCapped } = await listCases(deps.db, requireActor(req), filters, today, page, pageSize);
    return { data: rows.map(presentQueueRow), total, page, pageSize, totalCapped };
  });

  r.get('/api/cases/:id', {
    config: { access: ['case.read', 'case.expert'] },
    schema: { tags, summary: '案件详情 One case, with its deadlines and what the caller may do', params: idParams, response: { 200: one } },
  }, async (req) => caseView(deps, requireActor(req), req.params.id));

  r.get('/api/cases/:id/timeline', {
    config: { access: 'case.read' },
    schema: {
      tags, summary: '案件时间线 Every event of the case', params: idParams,
      response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) },
    },
  }, async (req) => ({ data: await caseTimeline(deps, requireActor(req), req.params.id) }));

  r.post('/api/cases/:id/transitions', {
    config: { access: casePermissions },
    schema: {
      tags, summary: '案件流转 Apply an event (accept, assign, conclude …) to the case', params: idParams, body: transitionBody,
      response: { 200: one.extend({ transition: z.record(z.string(), z.unknown()) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { event, payload, expectedVersion } = req.body;
    const p = payload as Record<string, unknown>;
    const attachmentIds = Array.isArray(p.attachmentIds) ? (p.attachmentIds as string[]) : undefined;
    const { attachmentIds: _ignored, ...domainPayload } = p;
    const t = await transitionCase(deps, actor, req.params.id, event, domainPayload, auditContext(req), {
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      ...(attachmentIds ? { attachmentIds } : {}),
    });
    return { ...(await caseView(deps, actor, req.params.id).catch(() => null) ?? { data: { id: t.caseId }, abilities: {} }), transition: { ...t } };
  });
}
