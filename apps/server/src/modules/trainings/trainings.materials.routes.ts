import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { addMaterials, MATERIAL_LIMITS, materialOf, removeMaterial } from './trainings.materials.ts';
import { getPublicTraining, getTraining, materialsOf } from './trainings.repository.ts';
import { fileParams, idParams } from './trainings.schemas.ts';

const tags = ['trainings'];

/** Materials: uploaded and removed by staff who manage the training; public once the training is on the portal. */
export async function trainingMaterialRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MATERIAL_LIMITS.maxFileBytes + 1, files: MATERIAL_LIMITS.maxFiles + 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/trainings/:id/materials', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '上传培训资料（multipart 字段 file）Upload materials', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await getTraining(deps.db, scopeFor(actor, 'training.manage'), req.params.id))) throw NotFound('training', '培训');
    const up = await receiveUploads(deps, req, MATERIAL_LIMITS, { ownerType: 'training', uploadedBy: actor.userId });
    try {
      await addMaterials(deps, actor, req.params.id, up.files, auditContext(req));
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
    await removeMaterial(deps, requireActor(req), req.params.id, req.params.attachmentId, auditContext(req));
    return reply.status(204).send();
  });

  r.get('/api/trainings/:id/materials/:attachmentId', {
    config: { access: 'training.read' },
    schema: { tags, summary: '下载培训资料 Download a file', params: fileParams },
  }, async (req, reply) => {
    if (!(await getTraining(deps.db, scopeFor(requireActor(req), 'training.read'), req.params.id))) throw NotFound('training', '培训');
    const f = await openForDownload(deps, await materialOf(deps.db, req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });

  r.get('/api/portal/trainings/:id/materials/:attachmentId', {
    config: { access: 'public' },
    schema: { tags: ['portal trainings'], summary: '下载公开培训的资料 Download a file of a published training', params: fileParams },
  }, async (req, reply) => {
    if (!(await getPublicTraining(deps.db, req.params.id))) throw NotFound('training', '培训');
    const f = await openForDownload(deps, await materialOf(deps.db, req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });
}
