import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { buildReport } from './report.content.ts';
import { reportInput } from './report.data.ts';

const reportBody = z.strictObject({
  year: z.number().int().min(2000, '年度不早于2000年 / year from 2000').max(2100, '年度不晚于2100年 / year up to 2100'),
  institutionId: z.uuid().optional(),
  format: z.enum(['docx', 'pdf']),
});

const types = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.post('/api/stats/report', {
    config: { access: 'stats.report' },
    schema: { tags: ['stats'], summary: '生成年度进展报告 Generate the yearly progress report (.docx or PDF)', body: reportBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { year, institutionId, format } = req.body;
    const report = buildReport(await reportInput(db, scopeFor(actor, 'stats.report'), year, institutionId));
    // The renderers (docx, Playwright) load at the first report, not at start-up (ADR 0040).
    const { reportDocx, reportPdf } = await import('./report.render.ts');
    const file = format === 'docx' ? await reportDocx(report) : await reportPdf(report);
    await recordAudit(db, auditContext(req), { action: 'stats.report', objectType: 'stats', detail: { year, institutionId: institutionId ?? null, format } });
    const name = encodeURIComponent(`${report.title}.${format}`);
    return reply.header('content-type', types[format])
      .header('content-disposition', `attachment; filename="report.${format}"; filename*=UTF-8''${name}`).send(file);
  });
}
