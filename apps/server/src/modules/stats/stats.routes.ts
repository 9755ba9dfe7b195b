import { loadExcel } from '../../platform/excel.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { indicators } from './indicators.registry.ts';
import { onCubeStale } from './cube/cube.fresh.ts';
import { historyRoutes } from './history/history.routes.ts';
import { reportRoutes } from './report.routes.ts';
import { returnRoutes } from './returns.routes.ts';
import { breakdownOut, breakdownQuery, cutQuery, indicatorOut, recordOut, recordsQuery, summaryOut, tableBody } from './stats.schemas.ts';
import { breakdown, requireIndicator, resolveCut, summary, toPeriod } from './stats.service.ts';

const tags = ['stats'];
const RECORD_LIMIT = 500;

export async function statsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(returnRoutes);
  await app.register(reportRoutes);
  await app.register(historyRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  // A read that finds more of the cube stale than it may recompute asks for the refresh job (ADR 0041).
  // A failed ask is logged, not thrown: the read has its answer already, and the nightly run drains what is left.
  onCubeStale(db, (from) => app.deps.jobs.enqueue('stats-cube-refresh', { from }).catch((err: unknown) => {
    app.log.warn({ err }, 'stats-cube-refresh not enqueued');
  }));

  r.get('/api/stats/indicators', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '指标目录 The indicator registry', response: { 200: z.object({ data: z.array(indicatorOut) }) } },
  }, async () => ({
    data: indicators.map((i) => ({
      id: i.id, module: i.module, zh: i.zh, en: i.en, unit: i.unit, kind: i.kind, definition: i.definition, dims: [...i.dims], records: !!i.records,
    })),
  }));

  r.get('/api/stats/summary', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '指标本期与上年同期 Figures of a period against the same period last year', querystring: cutQuery, response: { 200: z.object({ data: z.array(summaryOut) }) } },
  }, async (req) => ({ data: await summary(db, scopeFor(requireActor(req), 'stats.read'), req.query) }));

  r.get('/api/stats/breakdown', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '指标分解 One indicator by a dimension', querystring: breakdownQuery, response: { 200: z.object({ data: z.array(breakdownOut) }) } },
  }, async (req) => ({ data: await breakdown(db, scopeFor(requireActor(req), 'stats.read'), req.query) }));

  r.get('/api/stats/records', {
    config: { access: 'case.read' },
    schema: { tags, summary: '指标对应的案件 The records behind a figure (in the case-read scope)', querystring: recordsQuery, response: { 200: z.object({ data: z.array(recordOut), truncated: z.boolean() }) } },
  }, async (req) => {
    const ind = requireIndicator(req.query.indicator);
    const cut = await resolveCut(db, scopeFor(requireActor(req), 'case.read'), req.query, toPeriod(req.query.period));
    const ids = ind.recordIds ? await ind.recordIds(db, cut, RECORD_LIMIT + 1) : [];
    if (ids.length === 0) return { data: [], truncated: false };
    const rows = await db.selectFrom('cases as c').innerJoin('institutions as i', 'i.id', 'c.institution_id')
      .select(['c.id', 'c.case_number', 'c.state', 'i.name', 'c.submitted_at']).where('c.id', 'in', ids.slice(0, RECORD_LIMIT)).execute();
    const order = new Map(ids.map((id, n) => [id, n]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return {
      data: rows.map((c) => ({ id: c.id, caseNumber: c.case_number, state: c.state, institutionName: c.name, submittedAt: c.submitted_at ? new Date(c.submitted_at).toISOString() : null })),
      truncated: ids.length > RECORD_LIMIT,
    };
  });

  r.post('/api/stats/table.xlsx', {
    config: { access: 'stats.read' },
    schema: { tags, summary: '表格导出 Write a table on screen as .xlsx', body: tableBody },
  }, async (req, reply) => {
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet(req.body.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
    ws.addRow([req.body.title]).font = { bold: true, size: 14 };
    ws.addRow(req.body.columns).font = { bold: true };
    for (const row of req.body.rows) ws.addRow(row);
    ws.columns.forEach((c, n) => { c.width = n === 0 ? 28 : 14; });
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    await recordAudit(db, auditContext(req), { action: 'stats.export', objectType: 'stats', detail: { title: req.body.title, rows: req.body.rows.length } });
    const name = encodeURIComponent(`${req.body.title}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="table.xlsx"; filename*=UTF-8''${name}`)
      .send(file);
  });
}
