import {
  caseFields, expertAvailabilities, expertKinds, expertServices, interestKinds, ipTypes, labelOf, type Labelled,
} from '@yuanzhi/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import type { Expert } from './experts.presenter.ts';

/**
 * The expert workbook, laid out like the institutions one: Chinese headers in row 1, code identifiers in row 2,
 * data from row 3 (a file with only the Chinese header row is read from row 2). Lists are joined with 、;
 * declared interests as 类别:名称(统一社会信用代码), separated by ；.
 */
export interface Column { key: string; zh: string; width: number; list?: readonly Labelled[]; multi?: boolean; exportOnly?: boolean; importOnly?: boolean }

export const expertColumns: Column[] = [
  { key: 'name', zh: '姓名', width: 12 },
  { key: 'employer', zh: '工作单位', width: 28 },
  { key: 'employerCreditCode', zh: '单位统一社会信用代码', width: 22 },
  { key: 'title', zh: '职称', width: 14 },
  { key: 'idNumber', zh: '身份证号码', width: 22, importOnly: true },
  { key: 'idNumberMasked', zh: '身份证号码（脱敏）', width: 22, exportOnly: true },
  { key: 'phone', zh: '手机号码', width: 14, importOnly: true },
  { key: 'phoneMasked', zh: '手机号码（脱敏）', width: 14, exportOnly: true },
  { key: 'email', zh: '电子邮箱', width: 22 },
  { key: 'kinds', zh: '专家类别', width: 20, list: expertKinds, multi: true },
  { key: 'ipc', zh: 'IPC分类', width: 14, multi: true },
  { key: 'industries', zh: '行业领域', width: 18, list: caseFields, multi: true },
  { key: 'ipTypes', zh: '知识产权类型', width: 18, list: ipTypes, multi: true },
  { key: 'services', zh: '服务类型', width: 22, list: expertServices, multi: true },
  { key: 'regions', zh: '服务地区代码', width: 16, multi: true },
  { key: 'languages', zh: '工作语言', width: 10, multi: true },
  { key: 'jurisdictions', zh: '熟悉法域', width: 10, multi: true },
  { key: 'availability', zh: '可用状态', width: 10, list: expertAvailabilities },
  { key: 'maxOpen', zh: '同时承办上限', width: 8 },
  { key: 'interests', zh: '申报利害关系', width: 40 },
  { key: 'qualification', zh: '资格证书', width: 18 },
  { key: 'qualificationExpires', zh: '证书有效期至', width: 12 },
  { key: 'notes', zh: '备注', width: 24 },
];

export const SEP = '、';
export const interestText = (i: { kind: string; name: string; creditCode: string | null }) =>
  `${labelOf(interestKinds, i.kind)}:${i.name}${i.creditCode ? `(${i.creditCode})` : ''}`;

export async function buildExpertWorkbook(rows: Expert[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet('专家', { views: [{ state: 'frozen', ySplit: 2 }] });
  const cols = expertColumns.filter((c) => !c.importOnly);
  ws.columns = cols.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(cols.map((c) => c.zh)).font = { bold: true };
  ws.addRow(cols.map((c) => c.key)).font = { italic: true, color: { argb: 'FF888888' } };
  for (const e of rows) {
    const q = e.qualifications[0];
    const rec: Record<string, unknown> = { ...e, interests: e.interests.map(interestText).join('；'), qualification: q?.name ?? null, qualificationExpires: q?.expiresOn ?? null };
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

export interface SheetRow { row: number; cells: Record<string, string>; merged: boolean; dates: Record<string, boolean> }

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

/** Read the first sheet. Unknown or repeated headers refuse the file; merged cells are flagged on every row they touch. */
export async function readExpertSheet(buffer: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(422, 'invalid_file', '无法读取文件，请上传 .xlsx 格式的表格', 'The file is not a readable .xlsx workbook', 'file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(422, 'invalid_file', '文件中没有工作表', 'The workbook has no sheet', 'file');
  const importable = expertColumns.filter((c) => !c.exportOnly);
  const known = new Map<string, string>();
  for (const c of expertColumns) { known.set(c.key.toLowerCase(), c.key); known.set(c.zh, c.key); }
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
  let h = read(2);
  let first = 3;
  if (![...h.found.values()].includes('name')) { h = read(1); first = 2; }
  if (![...h.found.values()].includes('name')) throw headerError('表头不正确：未找到“姓名”列（第 1 行应为中文表头）', 'Header not recognised: no 姓名 (name) column in row 1');
  if (h.unknown.length) throw headerError(`表头中有无法识别的列：${h.unknown.join('、')}`, `Unknown header columns: ${h.unknown.join(', ')}`);
  const keys = [...h.found.values()];
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) throw headerError(`表头中“${expertColumns.find((c) => c.key === twice)!.zh}”列重复`, `Header column ${twice} repeats`);
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
