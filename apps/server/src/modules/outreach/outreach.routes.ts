import { labelOf, outreachChannels, outreachKinds } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { sheet, xlsxHeaders } from '../trainings/trainings.xlsx.ts';
import { getOutreach, listOutreach, type OutreachRow } from './outreach.repository.ts';
import { createBody, idParams, listQuery, updateBody } from './outreach.schemas.ts';
import { createOutreach, updateOutreach } from './outreach.service.ts';

/** 宣传活动: a simple registry of publicity activities (e.g. the 4·26 World IP Day week) and their reach. */
const tags = ['outreach'];

const present = (r: OutreachRow) => ({
  id: r.id, institutionId: r.institution_id, institutionName: r.institution_name, name: r.name, heldOn: r.held_on_text,
  kind: r.kind, channel: r.channel, reachPeople: r.reach_people, reachViews: r.reach_views, notes: r.notes,
});

export async function outreachRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/outreach', {
    config: { access: 'training.read' },
    schema: { tags, summary: '宣传活动列表 Publicity activities in scope', querystring: listQuery },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    const { rows, total, reach } = await listOutreach(deps.db, scopeFor(requireActor(req), 'training.read'), f, page, pageSize);
    return { data: rows.map(present), total, reach, page, pageSize };
  });

  r.get('/api/outreach/export.xlsx', {
    config: { access: 'training.read' },
    schema: { tags, summary: '导出宣传活动 Export (.xlsx)', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const rows = (await listOutreach(deps.db, scopeFor(requireActor(req), 'training.read'), req.query, 1, 5000)).rows.map(present);
    const file = await sheet<ReturnType<typeof present>>('宣传活动', [
      { zh: '活动名称', width: 40, value: (x) => x.name },
      { zh: '日期', width: 12, value: (x) => x.heldOn },
      { zh: '类型', width: 20, value: (x) => labelOf(outreachKinds, x.kind) },
      { zh: '渠道', width: 14, value: (x) => labelOf(outreachChannels, x.channel) },
      { zh: '覆盖人数', width: 12, value: (x) => x.reachPeople ?? '' },
      { zh: '浏览量', width: 12, value: (x) => x.reachViews ?? '' },
      { zh: '机构', width: 30, value: (x) => x.institutionName },
    ], rows);
    await recordAudit(deps.db, auditContext(req), { action: 'outreach.export', objectType: 'outreach', detail: { count: rows.length } });
    return reply.headers(xlsxHeaders('outreach.xlsx', '宣传活动.xlsx')).send(file);
  });

  r.post('/api/outreach', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '登记宣传活动 Record a publicity activity', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createOutreach(deps, actor, req.body, auditContext(req));
    return reply.status(201).send({ data: present((await getOutreach(deps.db, scopeFor(actor, 'training.read'), id))!) });
  });

  r.patch('/api/outreach/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '修改宣传活动 Update a publicity activity', params: idParams, body: updateBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateOutreach(deps, actor, req.params.id, req.body, auditContext(req));
    return { data: present((await getOutreach(deps.db, scopeFor(actor, 'training.read'), req.params.id))!) };
  });
}
