import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { presentListRow, consultationView } from './consultations.presenter.ts';
import { answerConsultation, recordConsultation } from './consultations.record.ts';
import { listConsultations } from './consultations.repository.ts';
import { answerBody, exportQuery, idParams, listQuery, recordBody, suggestQuery, toCaseBody } from './consultations.schemas.ts';
import { suggestAnswers } from './consultations.suggest.ts';
import { consultationToCase } from './consultations.to-case.ts';
import { buildConsultationsWorkbook } from './consultations.xlsx.ts';
import { consultationPortalRoutes } from './consultations.portal.routes.ts';
import { qaProposalRoutes } from './qa-proposals.routes.ts';

const tags = ['consultations'];
const rec = z.record(z.string(), z.unknown());
const one = z.object({ data: rec, abilities: rec });
const suggestion = z.object({
  source: z.enum(['consultation', 'qa', 'knowledge']), refId: z.string(), title: z.string(), snippet: z.string(), answer: z.string(),
  highlighted: z.object({ title: z.string(), snippet: z.string() }), score: z.number(),
});
export const EXPORT_MAX_ROWS = 10_000;

/** The consultation desk (咨询指导): record, list, export, suggestions, answer, turn into a case. */
export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  await app.register(consultationPortalRoutes);
  await app.register(qaProposalRoutes);

  r.post('/api/consultations', {
    config: { access: 'consultation.record' },
    schema: { tags, summary: '登记咨询 Record a consultation (hotline, walk-in, e-mail …)', body: recordBody, response: { 201: one } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await recordConsultation(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await consultationView(deps, actor, id));
  });

  r.get('/api/consultations', {
    config: { access: 'consultation.read' },
    schema: {
      tags, summary: '咨询记录与待答复队列 Consultations in scope (status=open: the queue)', querystring: listQuery,
      response: { 200: z.object({ data: z.array(rec), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => {
    const { page, pageSize, ...filters } = req.query;
    const { rows, total } = await listConsultations(deps.db, requireActor(req), filters, page, pageSize);
    return { data: rows.map(presentListRow), total, page, pageSize };
  });

  r.get('/api/consultations/export.xlsx', {
    config: { access: 'consultation.export' },
    schema: { tags, summary: '导出咨询记录 Export consultations (.xlsx), same filters as the list', querystring: exportQuery },
  }, async (req, reply) => {
    const { rows } = await listConsultations(deps.db, requireActor(req), req.query, 1, EXPORT_MAX_ROWS);
    const file = await buildConsultationsWorkbook(rows);
    await recordAudit(deps.db, auditContext(req), {
      action: 'consultation.export', objectType: 'consultation', detail: { count: rows.length, filters: Object.keys(req.query) },
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="consultations.xlsx"; filename*=UTF-8''${encodeURIComponent('咨询记录.xlsx')}`)
      .send(file);
  });

  r.get('/api/consultations/suggestions', {
    config: { access: 'consultation.read' },
    schema: {
      tags, summary: '参考答复 Answers to similar questions, for the question being typed', querystring: suggestQuery,
      response: { 200: z.object({ data: z.array(suggestion) }) },
    },
  }, async (req) => ({ data: await suggestAnswers(deps.db, req.query.q, scopeFor(requireActor(req), 'consultation.read')) }));

  r.get('/api/consultations/:id', {
    config: { access: 'consultation.read' },
    schema: { tags, summary: '咨询详情 One consultation with its thread', params: idParams, response: { 200: one } },
  }, async (req) => consultationView(deps, requireActor(req), req.params.id));

  r.post('/api/consultations/:id/answer', {
    config: { access: 'consultation.record' },
    schema: { tags, summary: '答复咨询 Answer (the online asker is notified)', params: idParams, body: answerBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await answerConsultation(deps, actor, req.params.id, req.body, auditContext(req));
    return consultationView(deps, actor, req.params.id);
  });

  r.post('/api/consultations/:id/case', {
    config: { access: 'case.submit' },
    schema: {
      tags, summary: '咨询转案件 Turn the consultation into a case, carrying its data over', params: idParams, body: toCaseBody,
      response: { 201: z.object({ data: z.object({ caseId: z.string() }), effects: z.array(rec) }) },
    },
  }, async (req, reply) => {
    const out = await consultationToCase(deps, requireActor(req), req.params.id, req.body, auditContext(req));
    return reply.status(201).send({ data: { caseId: out.caseId }, effects: out.effects.map((e) => ({ ...e })) });
  });
}
