import { portalModules, portalModuleValues } from '@yuanzhi/contracts';
import { addDays, toCstDate, type CstDate } from '@yuanzhi/domain';
import { loadExcel } from '../../platform/excel.ts';
import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Module visit counts (PageVisit): one counter per China-time day and portal module. Nothing about the
 * visitor is kept — no cookie, no IP, no user agent — so a count is all there is to store.
 */
export async function recordVisit(db: DB, module: string, at: Date): Promise<void> {
  await db
    .insertInto('page_visits')
    .values({ day: toCstDate(at), module, count: 1 })
    .onConflict((oc) => oc.columns(['day', 'module']).doUpdateSet({ count: sql`page_visits.count + 1` }))
    .execute();
}

export interface VisitTable {
  from: CstDate;
  to: CstDate;
  modules: string[];
  /** one row per day, oldest first, a count per module (0 when none) */
  days: { day: string; counts: Record<string, number>; total: number }[];
  totals: Record<string, number>;
}

/** Counts per day and module between two dates (default: the last 30 days up to today). */
export async function visitTable(db: DB, now: Date, from?: string, to?: string): Promise<VisitTable> {
  const end = (to ?? toCstDate(now)) as CstDate;
  const start = (from ?? addDays(end, -29)) as CstDate;
  if (start > end) throw new AppError(422, 'invalid', '开始日期不能晚于结束日期', 'from must not be after to', 'from');
  if (Date.parse(end) - Date.parse(start) > 366 * 86_400_000) {
    throw new AppError(422, 'invalid', '查询范围不能超过一年', 'The range may not exceed one year', 'from');
  }
  const rows = await db
    .selectFrom('page_visits')
    .select([sql<string>`day::text`.as('day'), 'module', 'count'])
    .where('day', '>=', start)
    .where('day', '<=', end)
    .execute();
  const modules = [...portalModuleValues];
  const days: VisitTable['days'] = [];
  const totals = Object.fromEntries(modules.map((m) => [m, 0]));
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const counts = Object.fromEntries(modules.map((m) => [m, 0]));
    for (const r of rows) if (r.day === d && r.module in counts) counts[r.module] += r.count;
    for (const m of modules) totals[m] += counts[m];
    days.push({ day: d, counts, total: modules.reduce((s, m) => s + counts[m], 0) });
  }
  return { from: start, to: end, modules, days, totals };
}

export async function visitWorkbook(t: VisitTable): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('模块访问量');
  const names = t.modules.map((m) => portalModules.find((x) => x.value === m)?.zh ?? m);
  ws.addRow(['日期', ...names, '合计']);
  for (const d of t.days) ws.addRow([d.day, ...t.modules.map((m) => d.counts[m]), d.total]);
  ws.addRow(['合计', ...t.modules.map((m) => t.totals[m]), Object.values(t.totals).reduce((a, b) => a + b, 0)]);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
