import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { getProject, listProjects, milestonesOf, reportsOf, teamNames, type ProjectRow } from './analysis.repository.ts';
import { createBody, idParams, listQuery, milestoneBody, milestoneDoneBody, subParams, updateBody } from './analysis.schemas.ts';
import { addMilestone, addReport, completeMilestone, createProject, updateProject } from './analysis.service.ts';

const tags = ['analysis'];
const REPORT_LIMITS = { maxFiles: 1, maxFileBytes: 50 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxFields: 2 };

const present = (p: ProjectRow) => ({
  id: p.id, institutionId: p.institution_id, institutionName: p.institution_name, title: p.title, commissionerKind: p.commissioner_kind,
  commissioner: p.commissioner, subjectKind: p.subject_kind, subject: p.subject, country: p.country, kind: p.kind, purpose: p.purpose,
  staffIds: p.staff_ids, expertIds: p.expert_ids, partnerAgency: p.partner_agency, status: p.status, startsOn: p.starts_on, dueOn: p.due_on,
  version: p.version, reportVersion: p.report_version,
});

/** 分析预警: analysis projects with milestones and a versioned deliverable report. */
export async function analysisRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: REPORT_LIMITS.maxFileBytes + 1, files: 2, fields: 3, parts: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  async function loaded(actor: Actor, id: string) {
    const p = await getProject(deps.db, scopeFor(actor, 'analysis.read'), id);
    if (!p) throw NotFound('analysis project', '分析预警项目');
    return p;
  }
  async function answer(actor: Actor, id: string) {
    const p = await loaded(actor, id);
    const [milestones, reports, team] = await Promise.all([milestonesOf(deps.db, id), reportsOf(deps.db, id), teamNames(deps.db, p.staff_ids, p.expert_ids)]);
    return {
      data: {
        ...present(p), team,
        milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on })),
        reports: reports.map((x) => ({ id: x.id, version: x.version, note: x.note, name: x.original_name, sizeBytes: Number(x.size_bytes), uploadedBy: x.uploaded_by, uploadedAt: x.uploaded_at.toISOString() })),
      },
      abilities: { edit: can(actor, 'analysis.manage', { institutionPath: p.institution_path }) },
    };
  }

  r.get('/api/analysis-projects', {
    config: { access: 'analysis.read' },
    schema: { tags, summary: '分析预警项目列表 Analysis projects in scope', querystring: listQuery },
  }, async (req) => {
    const { rows, total } = await listProjects(deps.db, scopeFor(requireActor(req), 'analysis.read'), req.query);
    return { data: rows.map(present), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  r.get('/api/analysis-projects/:id', {
    config: { access: 'analysis.read' },
    schema: { tags, summary: '项目详情 One project with milestones and report versions', params: idParams },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/analysis-projects', {
    config: { access: 'analysis.manage' },
    schema: { tags, summary: '新建分析预警项目 Create a project', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createProject(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.patch('/api/analysis-projects/:id', {
    config: { access: 'analysis.manage' },
    schema: { tags, summary: '修改项目 Update a project (with its version)', params: idParams, body: updateBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateProject(deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/analysis-projects/:id/milestones', {
    config: { access: 'analysis.manage' },
    schema: { tags, summary: '添加里程碑 Add a milestone', params: idParams, body: milestoneBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await addMilestone(deps, actor, req.params.id, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, req.params.id));
  });

  r.post('/api/analysis-projects/:id/milestones/:subId/done', {
    config: { access: 'analysis.manage' },
    schema: { tags, summary: '里程碑完成 Mark a milestone done', params: subParams, body: milestoneDoneBody },
  }, async (req) => {
    const actor = requireActor(req);
    await completeMilestone(deps, actor, req.params.id, req.params.subId, req.body.doneOn, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/analysis-projects/:id/reports', {
    config: { access: 'analysis.manage' },
    schema: { tags, summary: '上传成果报告新版本 Upload a new version of the report (multipart: file, note)', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await getProject(deps.db, scopeFor(actor, 'analysis.manage'), req.params.id))) throw NotFound('analysis project', '分析预警项目');
    const up = await receiveUploads(deps, req, REPORT_LIMITS, { ownerType: 'analysis_project', uploadedBy: actor.userId });
    try {
      if (up.files.length !== 1) throw new AppError(400, 'file_required', '请选择报告文件', 'Choose the report file', 'file');
      const note = (up.fields.note ?? '').trim();
      if (note.length > 1000) throw new AppError(400, 'invalid', '说明最多 1000 字', 'The note has at most 1000 characters', 'note');
      await addReport(deps, actor, req.params.id, up.files[0], note || null, auditContext(req));
    } catch (e) {
      await discardPending(deps, up.files.map((f) => f.id)).catch(() => {});
      throw e;
    }
    return reply.status(201).send(await answer(actor, req.params.id));
  });

  r.get('/api/analysis-projects/:id/reports/:subId', {
    config: { access: 'analysis.read' },
    schema: { tags, summary: '下载报告某一版本 Download a report version', params: subParams },
  }, async (req, reply) => {
    await loaded(requireActor(req), req.params.id);
    const x = await deps.db.selectFrom('analysis_reports').select('attachment_id').where('id', '=', req.params.subId).where('project_id', '=', req.params.id).executeTakeFirst();
    if (!x) throw NotFound('report', '报告');
    const f = await openForDownload(deps, x.attachment_id);
    return reply.headers(f.headers).send(f.stream);
  });
}
