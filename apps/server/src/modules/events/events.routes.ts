import multipart from '@fastify/multipart';
import { toCstDate } from '@yuanzhi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { complaintRoutes } from './events.complaints.routes.ts';
import { commitmentRoutes } from './events.commitments.routes.ts';
import { onsitePageRoute } from './events.onsite-page.ts';
import { eventAbilities, presentComplaint, presentEvent, presentScreening } from './events.presenter.ts';
import { commitmentsOf, complaintsOf, consultationsOf, getEvent, listEvents, rosterOf, screeningsOf } from './events.repository.ts';
import { createEventBody, idParams, listQuery, rosterBody, screeningBody, subParams, updateEventBody } from './events.schemas.ts';
import { screeningReportHtml } from './events.screening-report.ts';
import { addRoster, addScreening, createEvent, removeRoster, updateEvent } from './events.service.ts';
import { buildSummaryWorkbook, eventSummary } from './events.summary.ts';
import { rosterCandidates } from './events.roster-candidates.ts';

const tags = ['events'];

/** 驻场服务: the event register with its roster, commitments, screenings, desk complaints and summary. */
export async function eventRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 11, fields: 5, parts: 16 } });
  await app.register(complaintRoutes);
  await app.register(commitmentRoutes);
  await app.register(onsitePageRoute);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const today = () => toCstDate(deps.clock.now());

  async function loaded(actor: Actor, id: string) {
    const e = await getEvent(deps.db, scopeFor(actor, 'event.read'), id);
    if (!e) throw NotFound('event', '活动');
    return e;
  }

  async function answer(actor: Actor, id: string) {
    const e = await loaded(actor, id);
    const [roster, commitments, screenings, consultations, complaints] = await Promise.all([
      rosterOf(deps.db, id), commitmentsOf(deps.db, id), screeningsOf(deps.db, id), consultationsOf(deps.db, id), complaintsOf(deps.db, id),
    ]);
    return {
      data: {
        ...presentEvent(e, today()),
        roster: roster.map((x) => ({ id: x.id, onDate: x.on_date, kind: x.kind, refId: x.ref_id, name: x.name, duty: x.duty })),
        commitments: commitments.map((c) => ({
          id: c.id, exhibitor: c.exhibitor, booth: c.booth, method: c.method, signerName: c.signer_name, agreed: c.agreed,
          signedAt: c.signed_at.toISOString(), file: c.attachment_id ? { id: c.attachment_id, name: c.original_name } : null,
        })),
        screenings: screenings.map(presentScreening),
        consultations: consultations.map((c) => ({ id: c.id, onDate: c.on_date, topic: c.topic, count: c.count })),
        complaints: complaints.map(presentComplaint),
      },
      abilities: eventAbilities(actor, e),
    };
  }

  r.get('/api/events', {
    config: { access: 'event.read' },
    schema: { tags, summary: '驻场服务活动列表 Events in scope', querystring: listQuery },
  }, async (req) => {
    const { rows, total } = await listEvents(deps.db, scopeFor(requireActor(req), 'event.read'), req.query);
    return { data: rows.map((x) => presentEvent(x, today())), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  // Also the team picker of analysis projects: the same people, in the scope of whichever right the caller holds.
  r.get('/api/events/roster-candidates', {
    config: { access: ['event.manage', 'analysis.manage'] },
    schema: { tags, summary: '可排班（或组队）的机构、工作人员与专家 Who can be put on a roster or a project team' },
  }, async (req) => {
    const actor = requireActor(req);
    return { data: await rosterCandidates(deps.db, scopeFor(actor, can(actor, 'event.manage') ? 'event.manage' : 'analysis.manage')) };
  });

  r.get('/api/events/:id', {
    config: { access: 'event.read' },
    schema: { tags, summary: '活动详情（值班、承诺书、风险排查、咨询、投诉）One event', params: idParams },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/events', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '登记活动 Register an event', body: createEventBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createEvent(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.patch('/api/events/:id', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '修改活动 Update an event (with its version)', params: idParams, body: updateEventBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateEvent(deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/events/:id/roster', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '排班 Put an institution, staff member or expert on duty for a day', params: idParams, body: rosterBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await addRoster(deps, actor, req.params.id, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, req.params.id));
  });

  r.delete('/api/events/:id/roster/:subId', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '取消排班 Remove a roster entry', params: subParams },
  }, async (req) => {
    const actor = requireActor(req);
    await removeRoster(deps, actor, req.params.id, req.params.subId, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/events/:id/screenings', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '登记风险排查 Record a risk screening', params: idParams, body: screeningBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await addScreening(deps, actor, req.params.id, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, req.params.id));
  });

  r.get('/api/events/:id/screenings/:subId/report', {
    config: { access: 'event.read' },
    schema: { tags, summary: '风险排查报告（HTML）Screening report', params: subParams },
  }, async (req, reply) => {
    const e = await loaded(requireActor(req), req.params.id);
    const s = (await screeningsOf(deps.db, e.id)).find((x) => x.id === req.params.subId);
    if (!s) throw NotFound('screening', '风险排查');
    return reply.type('text/html; charset=utf-8').send(screeningReportHtml(e, s));
  });

  r.get('/api/events/:id/summary', {
    config: { access: 'event.read' },
    schema: { tags, summary: '活动总结：投诉、咨询与处理结果 After-event summary', params: idParams },
  }, async (req) => {
    const s = await eventSummary(deps.db, await loaded(requireActor(req), req.params.id));
    const { rows, ...totals } = s;
    return { data: { ...totals, complaintsList: rows.map(presentComplaint) } };
  });

  r.get('/api/events/:id/summary.xlsx', {
    config: { access: 'event.read' },
    schema: { tags, summary: '导出活动总结 Export the summary (.xlsx)', params: idParams },
  }, async (req, reply) => {
    const e = await loaded(requireActor(req), req.params.id);
    const file = await buildSummaryWorkbook(e, await eventSummary(deps.db, e));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="event-summary.xlsx"; filename*=UTF-8''${encodeURIComponent(`${e.name}-驻场服务总结.xlsx`)}`)
      .send(file);
  });
}
