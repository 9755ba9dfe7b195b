import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../authz/can.ts';
import { Forbidden } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { fileOfRun, institutionBreakdown } from './assessments.breakdown.ts';
import { runWorkbook } from './assessments.export.ts';
import { ownResults, ownScoreFile, runForBreakdown } from './assessments.own.ts';
import { listRuns, presentRun, rankedTable, requireRun, runInScope, scoreManual, startRun } from './assessments.runs.ts';
import { idParams, runBody, scoreBody, sheetBody } from './assessments.schemas.ts';
import { copySheet, createSheet, listSheets, presentSheet, sheetInScope, updateSheet } from './assessments.sheets.ts';
import { NotFound } from '../../platform/errors.ts';

const tags = ['assessments'];
const READ = 'stats.read';
const MANAGE = 'stats.report';
const EVIDENCE_LIMITS = { maxFiles: 3, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024, maxFields: 2 };

/** 考核: scoring sheets, yearly runs over the owner's subtree, hand scores with evidence, ranking and export. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const { db } = deps;

  const sheetView = async (actor: Parameters<typeof presentSheet>[0], id: string) => {
    const s = await sheetInScope(db, actor, id);
    if (!s) throw NotFound('sheet', '打分表');
    return presentSheet(actor, s);
  };

  r.get('/api/assessments/sheets', {
    config: { access: READ }, schema: { tags, summary: '考核打分表 Scoring sheets in scope' },
  }, async (req) => ({ data: await listSheets(db, requireActor(req)) }));

  r.post('/api/assessments/sheets', {
    config: { access: MANAGE }, schema: { tags, summary: '新建打分表 Create a scoring sheet (weights add up to 100)', body: sheetBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createSheet(deps, actor, req.body, auditContext(req));
    return reply.status(201).send({ data: await sheetView(actor, id) });
  });

  r.get('/api/assessments/sheets/:id', {
    config: { access: READ }, schema: { tags, summary: '一张打分表 One scoring sheet', params: idParams },
  }, async (req) => ({ data: await sheetView(requireActor(req), req.params.id) }));

  r.put('/api/assessments/sheets/:id', {
    config: { access: MANAGE }, schema: { tags, summary: '修改打分表（未锁定时）Edit a sheet not yet used in a run', params: idParams, body: sheetBody },
  }, async (req) => {
    const actor = requireActor(req);
    await updateSheet(deps, actor, req.params.id, req.body, auditContext(req));
    return { data: await sheetView(actor, req.params.id) };
  });

  r.post('/api/assessments/sheets/:id/copy', {
    config: { access: MANAGE }, schema: { tags, summary: '复制为新版本 Copy a sheet into a new, editable version', params: idParams, body: z.strictObject({}).optional() },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await copySheet(deps, actor, req.params.id, auditContext(req));
    return reply.status(201).send({ data: await sheetView(actor, id) });
  });

  r.get('/api/assessments/runs', {
    config: { access: READ }, schema: { tags, summary: '考核批次 Assessment runs in scope', querystring: z.object({ sheetId: z.uuid().optional() }) },
  }, async (req) => ({ data: await listRuns(db, requireActor(req), req.query.sheetId) }));

  r.post('/api/assessments/runs', {
    config: { access: MANAGE }, schema: { tags, summary: '开展年度考核 Run a sheet over the owner\'s subtree (locks the sheet)', body: runBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await startRun(deps, actor, req.body, auditContext(req));
    return reply.status(201).send({ data: presentRun(actor, await requireRun(db, actor, id)) });
  });

  r.get('/api/assessments/runs/:id', {
    config: { access: READ }, schema: { tags, summary: '考核结果与排名 A run: progress, the ranked table', params: idParams },
  }, async (req) => {
    const actor = requireActor(req);
    const run = await requireRun(db, actor, req.params.id);
    return { data: { ...presentRun(actor, run), rows: run.status === 'done' ? await rankedTable(db, run) : [] } };
  });

  r.get('/api/assessments/runs/:id/institutions/:institutionId', {
    config: { access: READ },
    schema: { tags, summary: '单个机构的得分明细与依据 One institution\'s scores and what they came from', params: z.strictObject({ id: z.uuid(), institutionId: z.uuid() }) },
  }, async (req) => {
    const run = await runForBreakdown(db, requireActor(req), req.params.id, req.params.institutionId);
    return { data: await institutionBreakdown(db, run, req.params.institutionId) };
  });

  r.get('/api/assessments/mine', {
    config: { access: READ }, schema: { tags, summary: '本机构考核结果 The finished runs that scored an institution in my scope: its total and place only' },
  }, async (req) => ({ data: await ownResults(db, requireActor(req)) }));

  r.put('/api/assessments/runs/:id/scores', {
    config: { access: MANAGE }, schema: { tags, summary: '人工评分 Score a hand-scored item for one institution, with evidence', params: idParams, body: scoreBody },
  }, async (req) => {
    const actor = requireActor(req);
    await scoreManual(deps, actor, req.params.id, req.body, auditContext(req));
    return { data: await institutionBreakdown(db, await requireRun(db, actor, req.params.id), req.body.institutionId) };
  });

  r.get('/api/assessments/runs/:id/export.xlsx', {
    config: { access: READ }, schema: { tags, summary: '导出考核结果 The ranked table as .xlsx', params: idParams },
  }, async (req, reply) => {
    const run = await requireRun(db, requireActor(req), req.params.id);
    const file = await runWorkbook(db, run);
    await recordAudit(db, auditContext(req), { action: 'assessment.export', objectType: 'assessment_run', objectId: run.id, institutionId: run.institution_id, institutionPath: run.institution_path });
    const name = encodeURIComponent(`${run.year}年度考核结果.xlsx`);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="assessment.xlsx"; filename*=UTF-8''${name}`).send(file);
  });

  r.get('/api/assessments/runs/:id/files/:fileId', {
    config: { access: READ }, schema: { tags, summary: '下载评分依据附件 Download an evidence file of a hand score', params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const supervised = await runInScope(db, actor, req.params.id);
    const fileId = supervised ? await fileOfRun(db, req.params.id, req.params.fileId) : await ownScoreFile(db, actor, req.params.id, req.params.fileId);
    const f = await openForDownload(deps, fileId);
    return reply.headers(f.headers).send(f.stream);
  });

  await app.register(async (sub) => {
    await sub.register(multipart, { limits: { fileSize: EVIDENCE_LIMITS.maxFileBytes + 1, files: EVIDENCE_LIMITS.maxFiles + 1 } });
    sub.withTypeProvider<ZodTypeProvider>().post('/api/assessments/runs/:id/files', {
      config: { access: MANAGE },
      schema: { tags, summary: '上传评分依据附件 Upload evidence files (multipart "file"); attach them with the score', params: idParams },
    }, async (req, reply) => {
      const actor = requireActor(req);
      const run = await requireRun(db, actor, req.params.id);
      if (!can(actor, MANAGE, { institutionPath: run.institution_path })) throw Forbidden();
      const up = await receiveUploads(deps, req, EVIDENCE_LIMITS, { ownerType: 'assessment_score', uploadedBy: actor.userId });
      return reply.status(201).send({ data: up.files.map((f) => ({ id: f.id, name: f.originalName, sizeBytes: f.sizeBytes })) });
    });
  });
}
