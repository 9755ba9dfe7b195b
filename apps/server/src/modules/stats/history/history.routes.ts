import multipart from '@fastify/multipart';
import { labelOf } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../authz/can.ts';
import { AppError, NotFound } from '../../../platform/errors.ts';
import { requireActor } from '../../../platform/http/route-guard.ts';
import { auditContext } from '../../audit/audit.record.ts';
import { writeSheet } from '../../registries/sheet.ts';
import { toCsv } from './history.csv.ts';
import { goLiveOf, historyColumns, templateExamples } from './history.def.ts';
import { historyImportStatus, listImports, startHistoryImport, undoImport } from './history.import.ts';

const tags = ['stats'];
const idParams = z.object({ id: z.uuid('导入批次编号不正确 / id must be a UUID') });
const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 历史数据导入: template, upload with row check and progress, the list of imports and undo (ADR 0032). */
export async function historyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });

  r.get('/api/stats/history/template', {
    config: { access: 'stats.history' },
    schema: { tags, summary: '历史数据导入模板（.xlsx 或 CSV，含示例行） Import template with example rows', querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
  }, async (req, reply) => {
    const csv = req.query.format === 'csv';
    const file = csv
      ? toCsv([historyColumns.map((c) => c.zh), ...templateExamples.map((e) => historyColumns.map((c) => {
        const v = e[c.key];
        if (v === undefined) return null;
        if (Array.isArray(v)) return v.map((x) => labelOf(c.list!, x)).join('、');
        return c.list ? labelOf(c.list, String(v)) : (v as string | number);
      }))])
      : await writeSheet('历史数据', historyColumns, templateExamples);
    return reply
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="history-template.${csv ? 'csv' : 'xlsx'}"; filename*=UTF-8''${encodeURIComponent(`历史数据导入模板.${csv ? 'csv' : 'xlsx'}`)}`)
      .send(file);
  });

  r.post('/api/stats/history/imports', {
    config: { access: 'stats.history' },
    schema: { tags, summary: '上传历史数据 .xlsx/CSV（multipart 字段 file，可选 institutionId）；逐行检查，全部正确才导入；大文件转为后台任务 Upload past records' },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError(400, 'file_required', '请以 multipart/form-data 上传 .xlsx 或 CSV 文件', 'Upload the .xlsx or CSV file as multipart/form-data', 'file');
    const file = await req.file();
    if (!file) throw new AppError(400, 'file_required', '请选择要导入的 .xlsx 或 CSV 文件', 'Choose an .xlsx or CSV file to import', 'file');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new AppError(413, 'payload_too_large', '文件不能超过 10 MB', 'The file may not exceed 10 MB', 'file');
    const field = file.fields.institutionId as { value?: unknown } | undefined;
    const id = await startHistoryImport(deps, actor, buffer, file.filename ?? '', typeof field?.value === 'string' && field.value ? field.value : undefined, auditContext(req));
    const status = await historyImportStatus(deps, actor, id);
    return reply.status(status!.status === 'queued' ? 202 : 200).send({ data: status });
  });

  r.get('/api/stats/history/imports', {
    config: { access: 'stats.history' },
    schema: { tags, summary: '历史数据导入批次（本机构及下级） Imports into the subtree, newest first', querystring: listQuery },
  }, async (req) => {
    const actor = requireActor(req);
    const { data, total } = await listImports(deps, actor, req.query.page, req.query.pageSize);
    // The caller's own institution's go-live: the date before which its history may lie (shown above the upload).
    const own = actor.grants.find((g) => can({ ...actor, grants: [g] }, 'stats.history'));
    const goLive = own ? { institutionId: own.institutionId, date: await goLiveOf(deps.db, own.institutionId) } : null;
    return { data, total, page: req.query.page, pageSize: req.query.pageSize, goLive };
  });

  r.get('/api/stats/history/imports/:id', {
    config: { access: 'stats.history' },
    schema: { tags, summary: '导入进度与逐行结果 Import progress and row errors', params: idParams },
  }, async (req) => {
    const s = await historyImportStatus(deps, requireActor(req), req.params.id);
    if (!s) throw NotFound('import', '导入批次');
    return { data: s };
  });

  r.post('/api/stats/history/imports/:id/undo', {
    config: { access: 'stats.history' },
    schema: { tags, summary: '撤销导入：删除整个批次的历史数据 Undo an import (delete the whole batch)', params: idParams },
  }, async (req) => ({ data: { deleted: await undoImport(deps, requireActor(req), req.params.id, auditContext(req)) } }));
}
