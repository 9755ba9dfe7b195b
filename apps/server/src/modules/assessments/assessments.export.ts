import { loadExcel } from '../../platform/excel.ts';
import type { DB } from '../../platform/db.ts';
import { findIndicator } from '../stats/indicators.registry.ts';
import { rankedTable, type RunRow } from './assessments.runs.ts';

/** The run as a workbook: the ranked table (one row per institution, a column per item), then the figures behind computed scores. */
export async function runWorkbook(db: DB, run: RunRow): Promise<Buffer> {
  const rows = await rankedTable(db, run);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('考核结果');
  ws.addRow([`${run.year}年度 ${run.sheet_name}（第${run.version}版）— ${run.institution_name}`]).font = { bold: true, size: 14 };
  ws.addRow(['排名 Rank', '机构 Institution', ...run.items.map((i) => `${i.title}（${i.weight}分）`), '总分 Total']).font = { bold: true };
  for (const r of rows) ws.addRow([r.rank, r.institutionName, ...run.items.map((i) => r.items[i.key] ?? null), r.total]);
  ws.columns.forEach((c, n) => { c.width = n === 1 ? 32 : 14; });

  const trace = wb.addWorksheet('计算依据');
  trace.addRow(['机构 Institution', '考核项 Item', '指标 Indicator', '数值 Value', '分子 Num', '分母 Den', '起评值 Floor', '目标值 Target', '封顶 Cap', '越低越好', '得分 Score']).font = { bold: true };
  const results = await db.selectFrom('assessment_results').select(['institution_name', 'computed']).where('run_id', '=', run.id).orderBy('institution_path').execute();
  for (const r of results) {
    for (const it of run.items) {
      if (it.kind !== 'computed' || !it.rule) continue;
      const f = r.computed?.[it.key];
      trace.addRow([r.institution_name, it.title, findIndicator(it.indicatorId ?? '')?.zh ?? it.indicatorId, f?.value ?? null, f?.num ?? null, f?.den ?? null,
        it.rule.floor, it.rule.target, it.rule.cap ?? it.weight, it.rule.lowerIsBetter ? '是' : '否', f?.score ?? null]);
    }
  }
  trace.columns.forEach((c, n) => { c.width = n < 3 ? 26 : 11; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
