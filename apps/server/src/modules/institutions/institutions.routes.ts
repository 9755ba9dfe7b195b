import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { directoryRoutes } from './directory.routes.ts';
import { importInstitutions } from './institutions.import.ts';
import { buildTree, institutionAbilities, presentInstitution } from './institutions.presenter.ts';
import { getInstitution, listInstitutions, treeRows } from './institutions.repository.ts';
import {
  abilitiesOut, closeBody, createBody, exportQuery, idParams, institutionOut, listQuery, moveBody, treeNodeOut, updateBody,
} from './institutions.schemas.ts';
import { closeInstitution, createInstitution, moveInstitution, reopenInstitution, updateInstitutionFields } from './institutions.service.ts';
import { buildWorkbook } from './institutions.xlsx.ts';

const tags = ['institutions'];
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const one = z.object({ data: institutionOut, abilities: abilitiesOut });
const list = z.object({ data: z.array(institutionOut), total: z.number(), page: z.number(), pageSize: z.number() });

export async function institutionRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
  await app.register(directoryRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  /** The institution as the caller may see it, with what the caller may do; 404 outside the read scope. */
  async function answer(actor: Actor, id: string) {
    const row = await getInstitution(deps.db, scopeFor(actor, 'institution.read'), id);
    if (!row) throw NotFound('institution', '机构');
    return { data: presentInstitution(row), abilities: institutionAbilities(actor, row) };
  }

  r.get('/api/institutions', {
    config: { access: 'institution.read' },
    schema: { tags, summary: '机构列表 Institutions in scope', querystring: listQuery, response: { 200: list } },
  }, async (req) => {
    const { page, pageSize, ...filters } = req.query;
    const { rows, total } = await listInstitutions(deps.db, scopeFor(requireActor(req), 'institution.read'), filters, page, pageSize);
    return { data: rows.map(presentInstitution), total, page, pageSize };
  });

  r.get('/api/institutions/tree', {
    config: { access: 'institution.read' },
    schema: { tags, summary: '机构树 Institution tree in scope', response: { 200: z.object({ data: z.array(treeNodeOut) }) } },
  }, async (req) => ({ data: buildTree(await treeRows(deps.db, scopeFor(requireActor(req), 'institution.read'))) }));

  r.get('/api/institutions/export.xlsx', {
    config: { access: 'institution.export' },
    schema: { tags, summary: '导出机构 Export institutions (.xlsx)', querystring: exportQuery },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { rows } = await listInstitutions(deps.db, scopeFor(actor, 'institution.export'), req.query, 1, null);
    const file = await buildWorkbook(rows.map(presentInstitution));
    await recordAudit(deps.db, auditContext(req), {
      action: 'institution.export', objectType: 'institution', detail: { count: rows.length, filters: Object.keys(req.query) },
    });
    const name = encodeURIComponent('维权援助机构.xlsx');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="institutions.xlsx"; filename*=UTF-8''${name}`)
      .send(file);
  });

  r.post('/api/institutions/import', {
    config: { access: 'institution.import' },
    schema: {
      tags, summary: '导入机构 Import institutions (.xlsx, multipart field "file")',
      response: { 200: z.object({ data: z.object({ imported: z.number() }) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const buffer = await uploadedFile(req);
    const { imported } = await importInstitutions(deps, buffer, actor, auditContext(req));
    return { data: { imported } };
  });

  r.get('/api/institutions/:id', {
    config: { access: 'institution.read' },
    schema: { tags, summary: '机构详情 One institution', params: idParams, response: { 200: one } },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/institutions', {
    config: { access: 'institution.manage' },
    schema: { tags, summary: '新建机构 Create an institution', body: createBody, response: { 201: one } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createInstitution(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.patch('/api/institutions/:id', {
    config: { access: 'institution.manage' },
    schema: { tags, summary: '修改机构 Update an institution', params: idParams, body: updateBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await updateInstitutionFields(deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/institutions/:id/close', {
    config: { access: 'institution.manage' },
    schema: { tags, summary: '撤销机构 Close an institution', params: idParams, body: closeBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await closeInstitution(deps, actor, req.params.id, req.body.reason, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/institutions/:id/reopen', {
    config: { access: 'institution.manage' },
    schema: { tags, summary: '恢复机构 Reopen an institution', params: idParams, body: z.strictObject({}).optional(), response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await reopenInstitution(deps, actor, req.params.id, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/institutions/:id/move', {
    config: { access: 'institution.move' },
    schema: { tags, summary: '移动机构（含下级）Move an institution with its subtree', params: idParams, body: moveBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await moveInstitution(deps, actor, req.params.id, req.body.newParentId, auditContext(req));
    return answer(actor, req.params.id);
  });
}

/** The one file of a multipart upload, read into memory (bounded by IMPORT_MAX_BYTES). */
async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) {
    throw new AppError(400, 'file_required', '请以 multipart/form-data 上传 .xlsx 文件', 'Upload the .xlsx file as multipart/form-data', 'file');
  }
  const file = await req.file();
  if (!file) throw new AppError(400, 'file_required', '请选择要导入的 .xlsx 文件', 'Choose an .xlsx file to import', 'file');
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError(413, 'payload_too_large', '文件不能超过 5 MB', 'The file may not exceed 5 MB', 'file');
  return buffer;
}
