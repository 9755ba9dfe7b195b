import { labelOf, type Labelled } from '@yuanzhi/contracts';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The registry workbook layout shared by the expert pool and the other registries: Chinese headers in row 1, code
 * identifiers in row 2 (greyed), data from row 3; a file with only the Chinese header row is read from row 2.
 * Lists are joined with 、.
 */
export interface Column {
  key: string;
  zh: string;
  width: number;
  list?: readonly Labelled[];
  /** Values beyond the list are passed on as written (the schema checks them): any ISO country code. */
  open?: boolean;
  multi?: boolean;
  date?: boolean;
  exportOnly?: boolean;
  importOnly?: boolean;
}

export interface SheetRow { row: number; cells: Record<string, string>; merged: boolean; dates: Record<string, boolean> }

export const SEP = '、';
export const splitList = (s: string) => s.split(/[、,，;；\n]/).map((x) => x.trim()).filter(Boolean);

/** 2026-03-01, 2026/3/1, 2026.3.1 and 2026年3月1日 are the same date; anything else is refused (not guessed). */
export function parseDateText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** One workbook with one sheet; `rows` hold API-shaped records, lists of codes are written as labels. */
export async function writeSheet(sheetName: string, columns: readonly Column[], rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  const cols = columns.filter((c) => !c.importOnly);
  ws.columns = cols.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(cols.map((c) => c.zh)).font = { bold: true };
  ws.addRow(cols.map((c) => c.key)).font = { italic: true, color: { argb: 'FF888888' } };
  for (const rec of rows) {
    ws.addRow(cols.map((c) => {
      const v = rec[c.key];
      if (v === null || v === undefined) return null;
      if (c.multi) return (v as string[]).map((x) => (c.list ? labelOf(c.list, x) : x)).join(SEP);
      if (c.list) return labelOf(c.list, String(v));
      return typeof v === 'number' ? v : String(v);
    }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return cellText(v.text as ExcelJS.CellValue);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v).trim();
}

const headerError = (zh: string, en: string) => new AppError(422, 'import_invalid', zh, en, 'file', { rows: [{ row: 1, field: 'header', message: zh, messageEn: en }] });

/**
 * Read the first sheet. The header must hold the `required` column; unknown or repeated headers refuse the file;
 * merged cells are flagged on every row they touch.
 */
export async function readSheet(buffer: Buffer, columns: readonly Column[], required = 'name'): Promise<SheetRow[]> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(422, 'invalid_file', '无法读取文件，请上传 .xlsx 格式的表格', 'The file is not a readable .xlsx workbook', 'file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(422, 'invalid_file', '文件中没有工作表', 'The workbook has no sheet', 'file');
  const importable = columns.filter((c) => !c.exportOnly);
  const known = new Map<string, string>();
  for (const c of columns) { known.set(c.key.toLowerCase(), c.key); known.set(c.zh, c.key); }
  const read = (n: number) => {
    const found = new Map<number, string>();
    const unknown: string[] = [];
    ws.getRow(n).eachCell((cell, col) => {
      const t = cellText(cell.value);
      if (!t) return;
      const k = known.get(t) ?? known.get(t.toLowerCase());
      if (k) found.set(col, k); else unknown.push(t);
    });
    return { found, unknown };
  };
  const requiredZh = columns.find((c) => c.key === required)?.zh ?? required;
  let h = read(2);
  let first = 3;
  if (![...h.found.values()].includes(required)) { h = read(1); first = 2; }
  if (![...h.found.values()].includes(required)) throw headerError(`表头不正确：未找到“${requiredZh}”列（第 1 行应为中文表头）`, `Header not recognised: no ${requiredZh} (${required}) column in row 1`);
  if (h.unknown.length) throw headerError(`表头中有无法识别的列：${h.unknown.join('、')}`, `Unknown header columns: ${h.unknown.join(', ')}`);
  const keys = [...h.found.values()];
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw headerError(`表头中“${columns.find((c) => c.key === twice)!.zh}”列重复`, `Header column ${twice} repeats`);
  const mergedRows = new Set<number>();
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
    if (m) for (let n = Number(m[1]); n <= Number(m[2]); n++) mergedRows.add(n);
  }
  const out: SheetRow[] = [];
  for (let n = first; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const cells: Record<string, string> = {};
    const dates: Record<string, boolean> = {};
    let any = false;
    for (const [col, key] of h.found) {
      if (!importable.some((c) => c.key === key)) continue;
      const v = row.getCell(col).value;
      dates[key] = v instanceof Date;
      const t = cellText(v);
      if (t) any = true;
      cells[key] = t;
    }
    if (any || mergedRows.has(n)) out.push({ row: n, cells, merged: mergedRows.has(n), dates });
  }
  return out;
}
