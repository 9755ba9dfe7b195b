import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import type { RegistryDef } from './registry.def.ts';
import { importStatus, startImport } from './registry.import.ts';
import { getRow, listRows, recordChanges } from './registry.repository.ts';
import { createRecord, updateRecord } from './registry.service.ts';
import { writeSheet } from './sheet.ts';

export const idParams = z.strictObject({ id: z.uuid() });

/**
 * The routes every registry has: list with filters, .xlsx export, detail (with its change history), create, edit,
 * .xlsx import with its progress. A module registers them with its definition and adds its own routes beside them.
 */
export function registryRoutes(def: RegistryDef) {
  return async function routes(app: FastifyInstance): Promise<void> {
    await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const deps = app.deps;
    const tags = [def.name];

    async function answer(actor: Actor, id: string) {
      const row = await getRow(deps.db, def, scopeFor(actor, def.perms.read), id);
      if (!row) throw NotFound(def.name, def.zh);
      const [changes, extra] = await Promise.all([recordChanges(deps.db, def, id), def.detail?.(deps.db, row) ?? {}]);
      return { data: { ...def.present(row), ...extra, changes }, abilities: { edit: can(actor, def.perms.manage, { institutionPath: row.institution_path }) } };
    }

    r.get(def.path, {
      config: { access: def.perms.read },
      schema: { tags, summary: `${def.zh}列表 ${def.en} list`, querystring: def.listQuery },
    }, async (req) => {
      const { page, pageSize, ...filters } = req.query as Record<string, any>;
      const actor = requireActor(req);
      const { rows, total } = await listRows(deps.db, def, scopeFor(actor, def.perms.read), filters, page, pageSize, actor.userId);
      return { data: rows.map(def.present), total, page, pageSize };
    });

    r.get(`${def.path}/export.xlsx`, {
      config: { access: def.perms.export },
      schema: { tags, summary: `导出${def.zh} Export ${def.en} (.xlsx)`, querystring: def.listQuery.omit({ page: true, pageSize: true } as never) },
    }, async (req, reply) => {
      const actor = requireActor(req);
      const { rows } = await listRows(deps.db, def, scopeFor(actor, def.perms.export), req.query as Record<string, any>, 1, null, actor.userId);
      const file = await writeSheet(def.fileZh, def.columns, rows.map(def.present));
      await recordAudit(deps.db, auditContext(req), { action: `${def.name}.export`, objectType: def.name, detail: { count: rows.length } });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${def.fileEn}.xlsx"; filename*=UTF-8''${encodeURIComponent(def.fileZh + '.xlsx')}`)
        .send(file);
    });

    r.post(`${def.path}/imports`, {
      config: { access: def.perms.manage },
      schema: { tags, summary: `导入${def.zh} .xlsx（multipart 字段 file，可选 institutionId）；大文件转为后台任务 Import` },
    }, async (req, reply) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw new AppError(400, 'file_required', '请以 multipart/form-data 上传 .xlsx 文件', 'Upload the .xlsx file as multipart/form-data', 'file');
      const file = await req.file();
      if (!file) throw new AppError(400, 'file_required', '请选择要导入的 .xlsx 文件', 'Choose an .xlsx file to import', 'file');
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'payload_too_large', '文件不能超过 10 MB', 'The file may not exceed 10 MB', 'file');
      const field = file.fields.institutionId as { value?: unknown } | undefined;
      const id = await startImport(deps, actor, def, buffer, typeof field?.value === 'string' ? field.value : undefined, auditContext(req));
      const status = await importStatus(deps, actor, def, id);
      return reply.status(status!.status === 'queued' ? 202 : 200).send({ data: status });
    });

    r.get(`${def.path}/imports/:id`, {
      config: { access: def.perms.manage },
      schema: { tags, summary: '导入进度与逐行结果 Import progress and row errors', params: idParams },
    }, async (req) => {
      const s = await importStatus(deps, requireActor(req), def, req.params.id);
      if (!s) throw NotFound('import', '导入任务');
      return { data: s };
    });

    r.get(`${def.path}/:id`, {
      config: { access: def.perms.read },
      schema: { tags, summary: `${def.zh}详情（含变更记录）One ${def.en}`, params: idParams },
    }, async (req) => answer(requireActor(req), req.params.id));

    r.post(def.path, {
      config: { access: def.perms.manage },
      schema: { tags, summary: `新增${def.zh} Add a ${def.en}`, body: def.createBody },
    }, async (req, reply) => {
      const actor = requireActor(req);
      const id = await createRecord(deps, actor, def, req.body as Record<string, any>, auditContext(req));
      return reply.status(201).send(await answer(actor, id));
    });

    r.patch(`${def.path}/:id`, {
      config: { access: def.perms.manage },
      schema: { tags, summary: `修改${def.zh} Update a ${def.en}`, params: idParams, body: def.updateBody },
    }, async (req) => {
      const actor = requireActor(req);
      await updateRecord(deps, actor, def, req.params.id, req.body as Record<string, any>, auditContext(req));
      return answer(actor, req.params.id);
    });
  };
}
