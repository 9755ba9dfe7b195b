import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { attach, discardPending, openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { getPublicTraining, getTraining, materialsOf } from './trainings.repository.ts';
import { fileParams, idParams } from './trainings.schemas.ts';
import { lockForManage } from './trainings.service.ts';

const tags = ['trainings'];
const LIMITS = { maxFiles: 5, maxFileBytes: 30 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024, maxFields: 2 };
const MAX_MATERIALS = 20;

/** Materials (slides, handouts): the evidence storage with owner type 'training'; public once the training is on the portal. */
export async function trainingMaterialRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: LIMITS.maxFileBytes + 1, files: LIMITS.maxFiles + 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  async function fileOf(trainingId: string, attachmentId: string) {
    const f = (await materialsOf(deps.db, trainingId)).find((x) => x.id === attachmentId);
    if (!f) throw NotFound('attachment', '附件');
    return f.id;
  }

  r.post('/api/trainings/:id/materials', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '上传培训资料（multipart 字段 file）Upload materials', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await getTraining(deps.db, scopeFor(actor, 'training.manage'), req.params.id))) throw NotFound('training', '培训');
    const up = await receiveUploads(deps, req, LIMITS, { ownerType: 'training', uploadedBy: actor.userId });
    try {
      await deps.db.transaction().execute(async (tx) => {
        const t = await lockForManage(tx, actor, req.params.id);
        if ((await materialsOf(tx, t.id)).length + up.files.length > MAX_MATERIALS) {
          throw new AppError(422, 'too_many_files', `每场培训最多 ${MAX_MATERIALS} 个资料`, `At most ${MAX_MATERIALS} files per training`, 'file');
        }
        await attach(tx, up.files.map((f) => f.id), { type: 'training', id: t.id, institutionPath: t.institution_path, uploadedBy: actor.userId });
        await recordAudit(tx, auditContext(req), {
          action: 'training.attach', objectType: 'training', objectId: t.id, institutionPath: t.institution_path, detail: { files: up.files.map((f) => f.id) },
        });
      });
    } catch (e) {
      await discardPending(deps, up.files.map((f) => f.id)).catch(() => {});
      throw e;
    }
    return reply.status(201).send({ data: await materialsOf(deps.db, req.params.id) });
  });

  r.delete('/api/trainings/:id/materials/:attachmentId', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '删除培训资料 Remove a file', params: fileParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await deps.db.transaction().execute(async (tx) => {
      const t = await lockForManage(tx, actor, req.params.id);
      const hit = await tx.updateTable('attachments').set({ status: 'deleted', deleted_at: deps.clock.now() })
        .where('id', '=', await fileOf(t.id, req.params.attachmentId)).where('status', '=', 'attached').returning('id').executeTakeFirst();
      if (!hit) throw NotFound('attachment', '附件');
      await recordAudit(tx, auditContext(req), { action: 'training.detach', objectType: 'training', objectId: t.id, institutionPath: t.institution_path, detail: { file: hit.id } });
    });
    return reply.status(204).send();
  });

  r.get('/api/trainings/:id/materials/:attachmentId', {
    config: { access: 'training.read' },
    schema: { tags, summary: '下载培训资料 Download a file', params: fileParams },
  }, async (req, reply) => {
    if (!(await getTraining(deps.db, scopeFor(requireActor(req), 'training.read'), req.params.id))) throw NotFound('training', '培训');
    const f = await openForDownload(deps, await fileOf(req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });

  r.get('/api/portal/trainings/:id/materials/:attachmentId', {
    config: { access: 'public' },
    schema: { tags: ['portal trainings'], summary: '下载公开培训的资料 Download a file of a published training', params: fileParams },
  }, async (req, reply) => {
    if (!(await getPublicTraining(deps.db, req.params.id))) throw NotFound('training', '培训');
    const f = await openForDownload(deps, await fileOf(req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });
}
