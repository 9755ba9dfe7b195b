import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { rateLimit } from '../../platform/rate-limit.ts';
import { auditContext } from '../audit/audit.record.ts';
import { presentTraining } from './trainings.presenter.ts';
import { cancelByCode, checkInByToken, giveFeedback, register, trainingForToken } from './trainings.registration.ts';
import { attendanceOf, getPublicTraining, listPublicTrainings, materialsOf, speakersOf } from './trainings.repository.ts';
import { cancelBody, checkinBody, feedbackBody, idParams, registerBody, tokenParams } from './trainings.schemas.ts';

const tags = ['portal trainings'];

/** The public side: the portal's list and detail, registration without an account, the door's check-in page, feedback. */
export async function trainingPortalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const now = () => deps.clock.now();

  r.get('/api/portal/trainings', {
    config: { access: 'public' },
    schema: {
      tags, summary: '培训活动（即将举办 / 往期）Trainings on the portal',
      querystring: z.strictObject({ past: z.enum(['true', 'false']).default('false'), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(50).default(10) }),
    },
  }, async (req) => {
    const { rows, total } = await listPublicTrainings(deps.db, req.query.page, req.query.pageSize, req.query.past === 'true' ? null : now());
    const att = await attendanceOf(deps.db, rows.map((x) => x.id));
    return { data: rows.map((x) => presentTraining(x, att.get(x.id))), total };
  });

  r.get('/api/portal/trainings/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '培训详情 A published training', params: idParams },
  }, async (req) => {
    const t = await getPublicTraining(deps.db, req.params.id);
    if (!t) throw NotFound('training', '培训');
    const [att, speakers, materials] = await Promise.all([attendanceOf(deps.db, [t.id]), speakersOf(deps.db, t.id), materialsOf(deps.db, t.id)]);
    const p = presentTraining(t, att.get(t.id));
    return { data: { ...p, speakers, materials, registrationOpen: t.state === 'published' && now() < t.starts_at, feedbackOpen: t.state !== 'published' || now() >= t.ends_at } };
  });

  r.post('/api/portal/trainings/:id/registrations', {
    config: { access: 'public' },
    schema: { tags, summary: '报名（无需账号；满额进入候补）Register; past capacity, the waiting list', params: idParams, body: registerBody },
  }, async (req, reply) => {
    await rateLimit(deps.db, `training-register-ip:${req.ip}`, 30, 3600, now());
    return reply.status(201).send({ data: await register(deps, req.params.id, req.body, auditContext(req)) });
  });

  r.post('/api/portal/trainings/:id/registrations/cancel', {
    config: { access: 'public' },
    schema: { tags, summary: '取消报名（报名码 + 手机号）Cancel with the code and phone', params: idParams, body: cancelBody },
  }, async (req, reply) => {
    await rateLimit(deps.db, `training-cancel-ip:${req.ip}`, 20, 3600, now());
    await cancelByCode(deps, req.params.id, req.body.code, req.body.phone, auditContext(req));
    return reply.status(204).send();
  });

  r.post('/api/portal/trainings/:id/feedback', {
    config: { access: 'public' },
    schema: { tags, summary: '活动评价（1–5 分 + 意见）Feedback after the event', params: idParams, body: feedbackBody },
  }, async (req, reply) => {
    await rateLimit(deps.db, `training-feedback-ip:${req.ip}`, 30, 3600, now());
    await giveFeedback(deps, req.params.id, req.body);
    return reply.status(201).send({ data: { ok: true } });
  });

  r.get('/api/portal/trainings/checkin/:token', {
    config: { access: 'public' },
    schema: { tags, summary: '签到页：二维码所属培训 The training behind a door QR code', params: tokenParams },
  }, async (req) => ({ data: await trainingForToken(deps, req.params.token) }));

  r.post('/api/portal/trainings/checkin/:token', {
    config: { access: 'public' },
    schema: { tags, summary: '扫码签到（手机号或报名码；重复签到只计一次）Check in; twice counts once', params: tokenParams, body: checkinBody },
  }, async (req) => {
    await rateLimit(deps.db, `training-checkin-ip:${req.ip}`, 120, 600, now());
    return { data: await checkInByToken(deps, req.params.token, req.body) };
  });
}
