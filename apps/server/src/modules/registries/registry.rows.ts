import { parseLabelled, type Labelled } from '@yuanzhi/contracts';
import type { ImportableDef, RowError, Values } from './registry.def.ts';
import { parseDateText, splitList, type SheetRow } from './sheet.ts';

/** One spreadsheet row → the create input of the registry, or errors naming the row and the column. */
export function checkRow(def: ImportableDef, r: SheetRow, errors: RowError[]): Values | null {
  if (def.checkRow) return def.checkRow(r, errors);
  const before = errors.length;
  const err = (field: string, zh: string, en: string) => errors.push({ row: r.row, field, message: zh, messageEn: en });
  if (r.merged) err('row', '该行含合并单元格，请取消合并后每个单元格单独填写', 'The row has merged cells; unmerge them and fill each cell');
  const input: Values = {};
  for (const col of def.columns) {
    const v = r.cells[col.key];
    if (!v || col.exportOnly) continue;
    if (col.multi) {
      const items = splitList(v);
      if (col.list) {
        const bad = items.filter((x) => !parseLabelled(col.list as readonly Labelled[], x));
        if (bad.length) err(col.key, `${col.zh}不正确：${bad.join('、')}`, `Unknown ${col.key}: ${bad.join(', ')}`);
        input[col.key] = items.map((x) => parseLabelled(col.list as readonly Labelled[], x)).filter(Boolean);
      } else input[col.key] = items;
    } else if (col.list) {
      const p = parseLabelled(col.list, v) ?? (col.open ? v : undefined);
      if (!p) err(col.key, `${col.zh}不正确：${v}`, `Unknown ${col.key}: ${v}`);
      input[col.key] = p;
    } else if (col.date) {
      const d = r.dates[col.key] ? v : parseDateText(v);
      if (!d) err(col.key, `${col.zh}不是有效日期：${v}（请写作 2027-06-30）`, `Not a date: ${v} (write 2027-06-30)`);
      input[col.key] = d;
    } else input[col.key] = v;
  }
  def.fromSheet?.(r.cells, input);
  const schema = def.createBody.omit({ institutionId: true } as never);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (errors.some((e) => e.row === r.row && e.field === field)) continue;
      const zh = def.columns.find((x) => x.key === field)?.zh ?? field;
      const msg = issue.message.includes(' / ') ? issue.message.split(' / ') : [`${zh}不正确`, issue.message];
      err(field, `${zh}：${msg[0]}`, `${field}: ${msg[1]}`);
    }
  }
  const cross = parsed.success ? def.crossCheck?.(parsed.data as Values) : null;
  if (cross) err(cross.field, cross.zh, cross.en);
  return errors.length === before && parsed.success ? (parsed.data as Values) : null;
}
