import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { getEvent } from './events.repository.ts';
import { commitmentBody, commitmentUploadFields, idParams, subParams } from './events.schemas.ts';
import { signCommitment, uploadCommitment } from './events.service.ts';

const tags = ['events'];
const COMMITMENT_LIMITS = { maxFiles: 1, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024, maxFields: 3 };

/** Exhibitors' IP commitments: signed online, or a signed copy uploaded. */
export async function commitmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/events/:id/commitments', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '在线签署知识产权承诺书 Sign an exhibitor commitment online', params: idParams, body: commitmentBody },
  }, async (req, reply) => {
    const id = await signCommitment(deps, requireActor(req), req.params.id, req.body, auditContext(req));
    return reply.status(201).send({ data: { id } });
  });

  r.post('/api/events/:id/commitments/upload', {
    config: { access: 'event.manage' },
    schema: { tags, summary: '上传已签署的承诺书 Upload a signed commitment (multipart: file, exhibitor, booth)', params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await getEvent(deps.db, scopeFor(actor, 'event.manage'), req.params.id))) throw NotFound('event', '活动');
    const up = await receiveUploads(deps, req, COMMITMENT_LIMITS, { ownerType: 'event', uploadedBy: actor.userId });
    try {
      const fields = commitmentUploadFields.safeParse(up.fields);
      if (!fields.success) {
        const issue = fields.error.issues[0];
        const [zh, en] = issue.message.includes(' / ') ? issue.message.split(' / ') : ['参展单位必填', 'the exhibitor is required'];
        throw new AppError(400, 'invalid', `${String(issue.path[0] ?? 'exhibitor')}：${zh}`, `${String(issue.path[0] ?? 'exhibitor')}: ${en}`, String(issue.path[0] ?? 'exhibitor'));
      }
      if (up.files.length !== 1) throw new AppError(400, 'file_required', '请选择承诺书文件', 'Choose the signed commitment file', 'file');
      const id = await uploadCommitment(deps, actor, req.params.id, fields.data, up.files[0], auditContext(req));
      return reply.status(201).send({ data: { id } });
    } catch (e) {
      await discardPending(deps, up.files.map((f) => f.id)).catch(() => {});
      throw e;
    }
  });

  r.get('/api/events/:id/commitments/:subId/file', {
    config: { access: 'event.read' },
    schema: { tags, summary: '下载承诺书文件 Download an uploaded commitment', params: subParams },
  }, async (req, reply) => {
    if (!(await getEvent(deps.db, scopeFor(requireActor(req), 'event.read'), req.params.id))) throw NotFound('event', '活动');
    const c = await deps.db.selectFrom('onsite_commitments').select('attachment_id').where('id', '=', req.params.subId).where('event_id', '=', req.params.id).executeTakeFirst();
    if (!c?.attachment_id) throw NotFound('commitment file', '承诺书文件');
    const f = await openForDownload(deps, c.attachment_id);
    return reply.headers(f.headers).send(f.stream);
  });
}
