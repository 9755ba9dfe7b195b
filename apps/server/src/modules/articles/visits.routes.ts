import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { visitBody, visitsQuery } from './articles.schemas.ts';
import { recordVisit, visitTable, visitWorkbook } from './visits.ts';

const tags = ['visits'];
const table = z.object({
  from: z.string(), to: z.string(), modules: z.array(z.string()), totals: z.record(z.string(), z.number()),
  days: z.array(z.object({ day: z.string(), counts: z.record(z.string(), z.number()), total: z.number() })),
});

/** Module visit counts: the portal reports a page view (no cookie, nothing about the visitor); staff read per-day totals. */
export async function visitRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = app.deps;

  r.post('/api/portal/visits', {
    config: { access: 'public' },
    schema: { tags, summary: '记录模块访问 Count a module visit', body: visitBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await recordVisit(db, req.body.module, clock.now());
    return reply.status(204).send(null);
  });

  r.get('/api/visits', {
    config: { access: 'visits.read' },
    schema: { tags, summary: '模块访问量（按日）Module visits per day', querystring: visitsQuery, response: { 200: z.object({ data: table }) } },
  }, async (req) => {
    requireActor(req);
    return { data: await visitTable(db, clock.now(), req.query.from, req.query.to) };
  });

  r.get('/api/visits/export.xlsx', {
    config: { access: 'visits.read' },
    schema: { tags, summary: '导出模块访问量 Export module visits (.xlsx)', querystring: visitsQuery },
  }, async (req, reply) => {
    requireActor(req);
    const t = await visitTable(db, clock.now(), req.query.from, req.query.to);
    await recordAudit(db, auditContext(req), { action: 'visits.export', objectType: 'page_visit', detail: { from: t.from, to: t.to } });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="visits.xlsx"; filename*=UTF-8''${encodeURIComponent('模块访问量.xlsx')}`)
      .send(await visitWorkbook(t));
  });
}
