import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { isoDate, text, todayInChina } from '../registries/fields.ts';
import { enterpriseLogs } from './key-enterprises.log-list.ts';
import { getRow } from '../registries/registry.repository.ts';
import { idParams } from '../registries/registry.routes.ts';
import { keyEnterpriseDef, liaisonsAt } from './key-enterprises.def.ts';
import { targetInstitution } from '../experts/experts.service.ts';

export const logBody = z.strictObject({
  kind: z.enum(['contact', 'service']),
  happenedOn: isoDate,
  summary: text(1000),
  service: z.enum(['consultation', 'infringement_opinion', 'warning_analysis', 'mediation', 'overseas_guidance', 'funding_aid', 'training']).nullish(),
});

export async function keyEnterpriseLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/key-enterprises/liaisons', {
    config: { access: 'key_enterprise.manage' },
    schema: { tags: ['key_enterprise'], summary: '可选的知识产权联络员 Staff who may be the liaison', querystring: z.strictObject({ institutionId: z.uuid().optional() }) },
  }, async (req) => {
    const actor = requireActor(req);
    const inst = await deps.db.transaction().execute((tx) => targetInstitution(tx, actor, req.query.institutionId, 'key_enterprise.manage'));
    const users = await liaisonsAt(deps.db, inst.path, {});
    const names = users.length ? await deps.db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', users.map((u) => u.id)).orderBy('display_name').execute() : [];
    return { data: names.map((u) => ({ id: u.id, name: u.display_name, username: u.username })) };
  });

  r.post('/api/key-enterprises/:id/logs', {
    config: { access: 'key_enterprise.log' },
    schema: { tags: ['key_enterprise'], summary: '记录联络走访或服务 Log a contact or a service', params: idParams, body: logBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const today = todayInChina(deps.clock.now());
    const id = await deps.db.transaction().execute(async (tx) => {
      const e = await getRow(tx, keyEnterpriseDef, scopeFor(actor, 'key_enterprise.read'), req.params.id);
      if (!e || !can(actor, 'key_enterprise.log', { institutionPath: e.institution_path })) throw NotFound('key enterprise', '重点企业');
      if (req.body.happenedOn > today) {
        throw new AppError(422, 'invalid', '日期不能晚于今天', 'The date cannot be in the future', 'happenedOn');
      }
      const row = await tx.insertInto('key_enterprise_logs').values({
        enterprise_id: e.id, kind: req.body.kind, happened_on: req.body.happenedOn, summary: req.body.summary, service: req.body.service ?? null,
        created_by: actor.userId, created_by_name: actor.displayName, created_at: deps.clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, auditContext(req), {
        action: 'key_enterprise.log', objectType: 'key_enterprise', objectId: e.id, institutionId: e.institution_id, institutionPath: e.institution_path,
        detail: { log: row.id, kind: req.body.kind },
      });
      return row.id;
    });
    return reply.status(201).send({ data: { id }, logs: await enterpriseLogs(deps.db, req.params.id) });
  });
}
