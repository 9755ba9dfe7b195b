import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { importStatus, startImport } from './experts.import.ts';
import { idParams } from './experts.schemas.ts';

const tags = ['experts'];

export async function expertImportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/experts/imports', {
    config: { access: 'expert.import' },
    schema: { tags, summary: '导入专家 .xlsx（multipart 字段 file，可选 institutionId）；大文件转为后台任务，轮询进度 Import experts' },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!req.isMultipart()) throw new AppError(400, 'file_required', '请以 multipart/form-data 上传 .xlsx 文件', 'Upload the .xlsx file as multipart/form-data', 'file');
    const file = await req.file();
    if (!file) throw new AppError(400, 'file_required', '请选择要导入的 .xlsx 文件', 'Choose an .xlsx file to import', 'file');
    const buffer = await file.toBuffer();
    if (file.file.truncated) throw new AppError(413, 'payload_too_large', '文件不能超过 10 MB', 'The file may not exceed 10 MB', 'file');
    const field = file.fields.institutionId as { value?: unknown } | undefined;
    const id = await startImport(deps, actor, buffer, typeof field?.value === 'string' ? field.value : undefined, auditContext(req));
    const status = await importStatus(deps, actor, id);
    return reply.status(status!.status === 'queued' ? 202 : 200).send({ data: status });
  });

  r.get('/api/experts/imports/:id', {
    config: { access: 'expert.import' },
    schema: { tags, summary: '导入进度与逐行结果 Import progress and row errors', params: idParams },
  }, async (req) => {
    const s = await importStatus(deps, requireActor(req), req.params.id);
    if (!s) throw NotFound('import', '导入任务');
    return { data: s };
  });
}
