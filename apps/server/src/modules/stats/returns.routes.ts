import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { returnBoard, returnView, reviewReturn, saveReturn } from './returns.service.ts';

const tags = ['stats'];
const period = z.string().regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/, '统计期格式应为 2026、2026-Q3 或 2026-07 / period like 2026, 2026-Q3, 2026-07');
const practice = z.strictObject({
  title: z.string().trim().min(1, '请填写经验标题 / practice title required').max(100, '标题不超过100字 / at most 100 characters'),
  text: z.string().trim().min(1, '请填写经验内容 / practice text required').max(3000, '内容不超过3000字 / at most 3000 characters'),
});
const saveBody = z.strictObject({
  institutionId: z.uuid(),
  period,
  fundsSpent: z.number().min(0, '经费不能为负 / funds cannot be negative').max(1e9).nullable(),
  narrative: z.string().max(10_000, '工作情况不超过10000字 / narrative at most 10,000 characters'),
  practices: z.array(practice).max(20, '典型经验最多20条 / at most 20 practices'),
  submit: z.boolean(),
});
const reviewBody = z.strictObject({ decision: z.enum(['return', 'accept']), comment: z.string().max(2000).optional() });

export async function returnRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/stats/returns', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '报送情况 Who has and has not filed a period\'s return', querystring: z.object({ period }) },
  }, async (req) => ({ data: await returnBoard(deps, requireActor(req), req.query.period) }));

  r.get('/api/stats/returns/view', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '一份统计报表 One return (pre-filled while not submitted)', querystring: z.object({ institutionId: z.uuid(), period }) },
  }, async (req) => ({ data: await returnView(deps, requireActor(req), req.query.institutionId, req.query.period) }));

  r.put('/api/stats/returns', {
    config: { access: 'stats.return.file' },
    schema: { tags, summary: '保存或提交统计报表 Save or submit a return', body: saveBody },
  }, async (req) => {
    const actor = requireActor(req);
    await saveReturn(deps, actor, req.body, auditContext(req));
    return { data: await returnView(deps, actor, req.body.institutionId, req.body.period) };
  });

  r.post('/api/stats/returns/:id/review', {
    config: { access: 'stats.return.review' },
    schema: { tags, summary: '审核统计报表 Accept a return or send it back with a comment', params: z.object({ id: z.uuid() }), body: reviewBody },
  }, async (req) => {
    await reviewReturn(deps, requireActor(req), req.params.id, req.body.decision, req.body.comment, auditContext(req));
    return { data: { ok: true } };
  });
}
