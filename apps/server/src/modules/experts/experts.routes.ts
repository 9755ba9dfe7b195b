import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { expertImportRoutes } from './experts.import.routes.ts';
import { invitationRoutes } from './experts.invitations.routes.ts';
import { expertAbilities, presentExpert } from './experts.presenter.ts';
import { expertChanges, expertHistory, getExpert, listExperts, openLoads } from './experts.repository.ts';
import { createBody, idParams, listQuery, updateBody } from './experts.schemas.ts';
import { createExpert, updateExpert } from './experts.service.ts';
import { buildExpertWorkbook } from './experts.xlsx.ts';

const tags = ['experts'];

export async function expertRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
  await app.register(expertImportRoutes);
  await app.register(invitationRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function answer(actor: Actor, id: string) {
    const row = await getExpert(deps.db, scopeFor(actor, 'expert.read'), id);
    if (!row) throw NotFound('expert', '专家');
    const [loads, history, changes] = await Promise.all([openLoads(deps.db, [id]), expertHistory(deps.db, id), expertChanges(deps.db, id)]);
    const rated = history.filter((h) => h.rating !== null);
    return {
      data: {
        ...presentExpert(row, today()),
        workload: { open: loads.get(id) ?? 0, pending: history.filter((h) => h.status === 'pending').length },
        rating: rated.length ? { average: rated.reduce((s, h) => s + h.rating!, 0) / rated.length, count: rated.length } : null,
        history: history.map((h) => ({
          invitationId: h.id, caseId: h.case_id, caseNumber: h.case_number, caseState: h.state, summary: h.summary, status: h.status, reason: h.reason,
          invitedAt: h.invited_at.toISOString(), respondedAt: h.responded_at?.toISOString() ?? null, rating: h.rating, ratingNote: h.rating_note,
        })),
        changes: changes.map((c) => ({ seq: Number(c.seq), at: c.at.toISOString(), by: c.actor_name, action: c.action, detail: c.detail })),
      },
      abilities: expertAbilities(actor, row),
    };
  }

  r.get('/api/experts', {
    config: { access: 'expert.read' },
    schema: { tags, summary: '专家列表 Experts in scope', querystring: listQuery },
  }, async (req) => {
    const { page, pageSize, ...filters } = req.query;
    const { rows, total } = await listExperts(deps.db, scopeFor(requireActor(req), 'expert.read'), filters, page, pageSize);
    const loads = await openLoads(deps.db, rows.map((x) => x.id));
    return { data: rows.map((x) => ({ ...presentExpert(x, today()), openLoad: loads.get(x.id) ?? 0 })), total, page, pageSize };
  });

  r.get('/api/experts/export.xlsx', {
    config: { access: 'expert.export' },
    schema: { tags, summary: '导出专家 Export experts (.xlsx)', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { rows } = await listExperts(deps.db, scopeFor(actor, 'expert.export'), req.query, 1, null);
    const file = await buildExpertWorkbook(rows.map((x) => presentExpert(x, today())));
    await recordAudit(deps.db, auditContext(req), { action: 'expert.export', objectType: 'expert', detail: { count: rows.length } });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="experts.xlsx"; filename*=UTF-8''${encodeURIComponent('专家库.xlsx')}`)
      .send(file);
  });

  r.get('/api/experts/:id', {
    config: { access: 'expert.read' },
    schema: { tags, summary: '专家详情（含工作量、案件与评价、变更记录）One expert', params: idParams },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/experts', {
    config: { access: 'expert.manage' },
    schema: { tags, summary: '新增专家 Add an expert', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createExpert(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.patch('/api/experts/:id', {
    config: { access: 'expert.manage' },
    schema: { tags, summary: '修改专家 Update an expert', params: idParams, body: updateBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateExpert(deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });
}
