import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import type { Actor } from '../../authz/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { presentAlert } from './alerts.presenter.ts';
import { idParams, listQuery, subscriptionBody } from './alerts.schemas.ts';
import { getAlert, listAlerts } from './alerts.service.ts';
import { dropSubscription, ownSubscription, saveSubscription } from './alerts.subscriptions.ts';

const tags = ['portal alerts'];

function requireApplicant(actor: Actor) {
  if (actor.kind !== 'applicant') throw new AppError(403, 'applicants_only', '只有申请人（企业）账号可以订阅预警', 'Only applicant accounts subscribe to alerts');
}

/** The portal: published alerts for everyone; an applicant's own subscription by country and industry. */
export async function alertPortalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/portal/alerts', {
    config: { access: 'public' },
    schema: { tags, summary: '风险预警提示 Published risk alerts', querystring: listQuery.omit({ state: true }) },
  }, async (req) => {
    const { rows, total } = await listAlerts(deps.db, null, {}, req.query.page, req.query.pageSize);
    return { data: rows.map(presentAlert), total };
  });

  r.get('/api/portal/alerts/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '风险预警详情 A published alert', params: idParams },
  }, async (req) => {
    const a = await getAlert(deps.db, null, req.params.id);
    if (!a) throw NotFound('risk_alert', '风险预警');
    return { data: presentAlert(a) };
  });

  r.get('/api/portal/alert-subscription', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的预警订阅 My alert subscription' },
  }, async (req) => {
    // Staff accounts simply have none: the read answers null rather than refusing.
    return { data: await ownSubscription(deps.db, requireActor(req).userId) };
  });

  r.put('/api/portal/alert-subscription', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '订阅风险预警（按国家/地区与行业）Subscribe by country and industry', body: subscriptionBody },
  }, async (req) => {
    const actor = requireActor(req);
    requireApplicant(actor);
    await saveSubscription(deps, actor.userId, req.body);
    return { data: await ownSubscription(deps.db, actor.userId) };
  });

  r.delete('/api/portal/alert-subscription', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '取消订阅 Unsubscribe' },
  }, async (req, reply) => {
    const actor = requireActor(req);
    requireApplicant(actor);
    await dropSubscription(deps.db, actor.userId);
    return reply.status(204).send();
  });
}
