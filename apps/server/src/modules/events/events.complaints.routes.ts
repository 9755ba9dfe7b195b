import { toCstDate } from '@yuanzhi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { recordNotice, recordOutcome, takeComplaint } from './events.complaints.ts';
import { deskData } from './events.desk.ts';
import { getEvent } from './events.repository.ts';
import { complaintBody, consultationTallyBody, idParams, noticeBody, outcomeBody, subParams } from './events.schemas.ts';
import { tallyConsultations } from './events.service.ts';

const tags = ['events'];
const DESK = 'event.desk';
/** Photos taken at the booth: a few, phone-sized. */
export const PHOTO_LIMITS = { maxFiles: 10, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024, maxFields: 2 };

/** The on-site desk: what the mobile complaint page (/onsite/:id) calls. */
export async function complaintRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/events/:id/desk', {
    config: { access: DESK },
    schema: { tags, summary: '现场服务台：活动与选项 What the on-site desk page needs', params: idParams },
  }, async (req) => {
    const data = await deskData(deps, requireActor(req), req.params.id);
    if (!data) throw NotFound('event', '活动');
    return { data };
  });

  r.post('/api/events/:id/photos', {
    config: { access: DESK },
    schema: { tags, summary: `上传现场照片 Upload photos (multipart field "file", ≤ ${PHOTO_LIMITS.maxFiles}); send their ids with the complaint`, params: idParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const e = await getEvent(deps.db, scopeFor(actor, DESK), req.params.id);
    if (!e) throw NotFound('event', '活动');
    const up = await receiveUploads(deps, req, PHOTO_LIMITS, { ownerType: 'case', uploadedBy: actor.userId });
    return reply.status(201).send({ data: up.files.map((f) => ({ id: f.id, name: f.originalName, mediaType: f.mediaType, sizeBytes: f.sizeBytes })) });
  });

  r.post('/api/events/:id/complaints', {
    config: { access: DESK },
    schema: {
      tags, params: idParams, body: complaintBody, headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
      summary: '受理现场投诉：登记为快速通道、当日办结的案件 Take an on-site complaint (a fast-track case due the same day)',
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    // Photos of a refused complaint stay pending for a corrected retry; the orphan sweep removes them if none comes.
    const out = await takeComplaint(deps, requireActor(req), req.params.id, req.body, auditContext(req), typeof key === 'string' ? key : undefined);
    return reply.status(out.replayed ? 200 : 201).send({ data: out });
  });

  r.post('/api/events/:id/complaints/:subId/notice', {
    config: { access: DESK },
    schema: { tags, summary: '记录已通知被投诉方 Record the notice to the respondent', params: subParams, body: noticeBody },
  }, async (req, reply) => {
    await recordNotice(deps, requireActor(req), req.params.id, req.params.subId, req.body, auditContext(req));
    return reply.status(204).send(null);
  });

  r.post('/api/events/:id/complaints/:subId/outcome', {
    config: { access: DESK },
    schema: { tags, summary: '记录处理结果（撤展、和解、移交执法）Record the outcome', params: subParams, body: outcomeBody },
  }, async (req, reply) => {
    await recordOutcome(deps, requireActor(req), req.params.id, req.params.subId, req.body, auditContext(req));
    return reply.status(204).send(null);
  });

  r.post('/api/events/:id/consultations', {
    config: { access: DESK },
    schema: { tags, summary: '登记现场咨询人次 Count consultations answered at the desk', params: idParams, body: consultationTallyBody },
  }, async (req, reply) => {
    await tallyConsultations(deps, requireActor(req), req.params.id, req.body, toCstDate(deps.clock.now()), auditContext(req));
    return reply.status(204).send(null);
  });
}
