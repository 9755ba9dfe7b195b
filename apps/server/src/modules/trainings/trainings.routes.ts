import { labelOf, trainingModes, trainingStates, trainingTopics } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { trainingAttendanceRoutes } from './trainings.attendance.routes.ts';
import { trainingMaterialRoutes } from './trainings.materials.routes.ts';
import { trainingPortalRoutes } from './trainings.portal.routes.ts';
import { presentStaffTraining, presentTraining } from './trainings.presenter.ts';
import { attendanceOf, feedbackOf, getTraining, listTrainings, materialsOf, speakersOf } from './trainings.repository.ts';
import { createBody, idParams, listQuery, transitionBody, updateBody } from './trainings.schemas.ts';
import { createTraining, transitionTraining, updateTraining } from './trainings.service.ts';
import { cst, sheet, xlsxHeaders } from './trainings.xlsx.ts';

const tags = ['trainings'];

/** 培训/研讨 in the console: list, plan, edit, publish → held → closed. */
export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  await app.register(trainingAttendanceRoutes);
  await app.register(trainingMaterialRoutes);
  await app.register(trainingPortalRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  async function answer(actor: Actor, id: string) {
    const row = await getTraining(deps.db, scopeFor(actor, 'training.read'), id);
    if (!row) throw NotFound('training', '培训');
    const [att, speakers, materials, feedback] = await Promise.all([attendanceOf(deps.db, [id]), speakersOf(deps.db, id), materialsOf(deps.db, id), feedbackOf(deps.db, id)]);
    const p = presentStaffTraining(actor, row, att.get(id));
    return { data: { ...p.data, speakers, materials, feedback }, abilities: p.abilities };
  }

  r.get('/api/trainings', {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训列表 Trainings in scope', querystring: listQuery },
  }, async (req) => {
    const { page, pageSize, ...filters } = req.query;
    const { rows, total } = await listTrainings(deps.db, scopeFor(requireActor(req), 'training.read'), filters, page, pageSize);
    const att = await attendanceOf(deps.db, rows.map((x) => x.id));
    return { data: rows.map((x) => presentTraining(x, att.get(x.id))), total, page, pageSize };
  });

  r.get('/api/trainings/export.xlsx', {
    config: { access: 'training.read' },
    schema: { tags, summary: '导出培训（场次、人次）Export trainings (.xlsx)', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const { rows } = await listTrainings(deps.db, scopeFor(requireActor(req), 'training.read'), req.query, 1, 5000);
    const att = await attendanceOf(deps.db, rows.map((x) => x.id));
    type P = ReturnType<typeof presentTraining>;
    const file = await sheet<P>('培训研讨', [
      { zh: '名称', width: 40, value: (x) => x.title },
      { zh: '开始时间', width: 18, value: (x) => cst(x.startsAt) },
      { zh: '主题', width: 30, value: (x) => x.topics.map((t) => labelOf(trainingTopics, t)).join('、') },
      { zh: '形式', width: 10, value: (x) => labelOf(trainingModes, x.mode) },
      { zh: '地点', width: 30, value: (x) => x.place ?? '' },
      { zh: '主办', width: 30, value: (x) => x.organiser },
      { zh: '协办', width: 30, value: (x) => x.coOrganisers.join('、') },
      { zh: '状态', width: 10, value: (x) => labelOf(trainingStates, x.state) },
      { zh: '名额', width: 8, value: (x) => x.capacity ?? '' },
      { zh: '报名', width: 8, value: (x) => x.attendance.registered },
      { zh: '候补', width: 8, value: (x) => x.attendance.waitlisted },
      { zh: '签到', width: 8, value: (x) => x.attendance.checkedIn },
      { zh: '到场人数（计数）', width: 14, value: (x) => x.attendance.headCount ?? '' },
      { zh: '举办机构', width: 30, value: (x) => x.institutionName },
    ], rows.map((x) => presentTraining(x, att.get(x.id))));
    await recordAudit(deps.db, auditContext(req), { action: 'training.export', objectType: 'training', detail: { count: rows.length } });
    return reply.headers(xlsxHeaders('trainings.xlsx', '培训研讨.xlsx')).send(file);
  });

  r.get('/api/trainings/:id', {
    config: { access: 'training.read' },
    schema: { tags, summary: '培训详情（报名、签到、资料、评价）One training', params: idParams },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/trainings', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '新建培训（草稿）Plan a training', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createTraining(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.patch('/api/trainings/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '修改培训 Update a training', params: idParams, body: updateBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateTraining(deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/trainings/:id/transition', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '发布 / 标记已举办 / 结束 Publish, mark held, close', params: idParams, body: transitionBody },
  }, async (req) => {
    const actor = requireActor(req);
    await transitionTraining(deps, actor, req.params.id, req.body.action, auditContext(req));
    return answer(actor, req.params.id);
  });
}
