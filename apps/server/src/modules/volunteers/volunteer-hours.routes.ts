import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, scopeFor } from '../../authz/can.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { isoDate, text, todayInChina } from '../registries/fields.ts';
import { getRow } from '../registries/registry.repository.ts';
import { idParams } from '../registries/registry.routes.ts';
import { hourTotals, volunteerLog, volunteerTotal } from './volunteer-hours.repository.ts';
import { volunteerDef } from './volunteers.def.ts';

const hoursBody = z.strictObject({
  servedOn: isoDate,
  activity: text(200),
  hours: z.number().positive('时长须大于 0 / hours must be positive').max(24, '一天最多 24 小时 / at most 24 hours a day')
    .refine((h) => Math.round(h * 10) === h * 10, '时长精确到 0.1 小时 / hours to one decimal'),
});
const totalsQuery = z.strictObject({ by: z.enum(['volunteer', 'team', 'institution']).default('volunteer'), from: isoDate.optional(), to: isoDate.optional() });

/** Logging a volunteer's service (date, activity, hours) and the totals per volunteer, team and institution. */
export async function volunteerHourRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/volunteers/:id/hours', {
    config: { access: 'volunteer.log' },
    schema: { tags: ['volunteer'], summary: '登记服务时长 Log service hours', params: idParams, body: hoursBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const today = todayInChina(deps.clock.now());
    await deps.db.transaction().execute(async (tx) => {
      const v = await getRow(tx, volunteerDef, scopeFor(actor, 'volunteer.read'), req.params.id);
      if (!v || !can(actor, 'volunteer.log', { institutionPath: v.institution_path })) throw NotFound('volunteer', '志愿者');
      if (req.body.servedOn > today) throw new AppError(422, 'invalid', '服务日期不能晚于今天', 'The service date cannot be in the future', 'servedOn');
      if (v.status !== 'active') throw new AppError(422, 'volunteer_left', '该志愿者已退出，不能登记时长', 'The volunteer has left', 'id');
      const row = await tx.insertInto('volunteer_hours').values({
        volunteer_id: v.id, team_id: v.team_id, institution_id: v.institution_id, institution_path: v.institution_path,
        served_on: req.body.servedOn, activity: req.body.activity, hours: req.body.hours, created_by: actor.userId, created_at: deps.clock.now(),
      }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, auditContext(req), {
        action: 'volunteer.hours', objectType: 'volunteer', objectId: v.id, institutionId: v.institution_id, institutionPath: v.institution_path,
        detail: { entry: row.id, hours: req.body.hours },
      });
    });
    const [hours, total] = await Promise.all([volunteerLog(deps.db, req.params.id), volunteerTotal(deps.db, req.params.id)]);
    return reply.status(201).send({ data: { hours, total } });
  });

  r.get('/api/volunteer-hours/totals', {
    config: { access: 'volunteer.read' },
    schema: { tags: ['volunteer'], summary: '服务时长合计（按志愿者、队伍或机构）Hour totals per volunteer, team or institution', querystring: totalsQuery },
  }, async (req) => {
    const rows = await hourTotals(deps.db, scopeFor(requireActor(req), 'volunteer.read'), req.query.by, req.query.from, req.query.to);
    const all = rows.reduce((s, x) => ({ hours: s.hours + x.hours, sessions: s.sessions + x.sessions }), { hours: 0, sessions: 0 });
    return { data: rows, total: { hours: Math.round(all.hours * 10) / 10, sessions: all.sessions } };
  });
}
