import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { alertPortalRoutes } from './alerts.portal.routes.ts';
import { createBody, idParams, listQuery } from './alerts.schemas.ts';
import { presentAlert } from './alerts.presenter.ts';
import { createAlert, getAlert, listAlerts, publishAlert, reachOf } from './alerts.service.ts';

const tags = ['risk alerts'];


/** 风险预警提示 in the console: draft, publish to the matching subscribers, see deliveries and reads. */
export async function alertRoutes(app: FastifyInstance): Promise<void> {
  await app.register(alertPortalRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  async function answer(actor: Actor, id: string) {
    const a = await getAlert(deps.db, scopeFor(actor, 'alert.read'), id);
    if (!a) throw NotFound('risk_alert', '风险预警');
    const reach = (await reachOf(deps.db, [id])).get(id) ?? { delivered: 0, read: 0, enterprises: 0 };
    const publish = can(actor, 'alert.publish', { institutionPath: a.institution_path }) && a.state === 'draft';
    return { data: { ...presentAlert(a), reach }, abilities: { publish } };
  }

  r.get('/api/alerts', {
    config: { access: 'alert.read' },
    schema: { tags, summary: '风险预警列表（含送达、阅读数）Risk alerts in scope, with deliveries and reads', querystring: listQuery },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    const { rows, total } = await listAlerts(deps.db, scopeFor(requireActor(req), 'alert.read'), f, page, pageSize);
    const reach = await reachOf(deps.db, rows.map((a) => a.id));
    return { data: rows.map((a) => ({ ...presentAlert(a), reach: reach.get(a.id) ?? { delivered: 0, read: 0, enterprises: 0 } })), total, page, pageSize };
  });

  r.get('/api/alerts/:id', {
    config: { access: 'alert.read' },
    schema: { tags, summary: '风险预警详情 One alert', params: idParams },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.post('/api/alerts', {
    config: { access: 'alert.publish' },
    schema: { tags, summary: '新建风险预警（草稿）Draft a risk alert', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createAlert(deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.post('/api/alerts/:id/publish', {
    config: { access: 'alert.publish' },
    schema: { tags, summary: '发布并推送给订阅企业 Publish and notify the matching subscribers', params: idParams },
  }, async (req) => {
    const actor = requireActor(req);
    await publishAlert(deps, actor, scopeFor(actor, 'alert.read'), req.params.id, auditContext(req));
    return answer(actor, req.params.id);
  });
}
