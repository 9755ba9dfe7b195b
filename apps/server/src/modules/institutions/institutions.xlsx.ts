import {
  institutionHosts, institutionLevels, institutionStatuses, institutionTypes, ipTypes, labelOf, services,
  type Labelled,
} from '@yuanzhi/contracts';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel.ts';
import { AppError } from '../../platform/errors.ts';
import type { Institution } from './institutions.presenter.ts';

/**
 * The institutions workbook: row 1 holds the Chinese headers, row 2 the code identifiers (so a file
 * re-imports whatever the headers say), data from row 3. Enumerations are written as Chinese labels;
 * the import reads labels or codes. Lists are joined with 、.
 */
export interface Column {
  key: string;
  zh: string;
  width: number;
  /** enumeration whose labels the cell holds */
  list?: readonly Labelled[];
  multi?: boolean;
  /** written by the export, ignored by the import */
  exportOnly?: boolean;
}

export const columns: Column[] = [
  { key: 'id', zh: '机构ID', width: 38 },
  { key: 'parentId', zh: '上级机构ID', width: 38 },
  { key: 'parentName', zh: '上级机构名称', width: 30 },
  { key: 'name', zh: '机构名称', width: 34 },
  { key: 'shortName', zh: '简称', width: 14 },
  { key: 'type', zh: '机构类型', width: 16, list: institutionTypes },
  { key: 'level', zh: '机构级别', width: 10, list: institutionLevels },
  { key: 'host', zh: '设立方式', width: 10, list: institutionHosts },
  { key: 'regionCode', zh: '行政区划代码', width: 12 },
  { key: 'regionName', zh: '行政区划', width: 22, exportOnly: true },
  { key: 'address', zh: '地址', width: 30 },
  { key: 'phone', zh: '联系电话', width: 16 },
  { key: 'email', zh: '电子邮箱', width: 24 },
  { key: 'website', zh: '网站', width: 24 },
  { key: 'hours', zh: '服务时间', width: 24 },
  { key: 'contactPerson', zh: '联系人', width: 10 },
  { key: 'ipTypes', zh: '知识产权类型', width: 30, list: ipTypes, multi: true },
  { key: 'services', zh: '服务项目', width: 30, list: services, multi: true },
  { key: 'description', zh: '机构简介', width: 40 },
  { key: 'establishedOn', zh: '成立日期', width: 12 },
  { key: 'status', zh: '状态', width: 8, list: institutionStatuses, exportOnly: true },
];

const SEP = '、';

export async function buildWorkbook(rows: Institution[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet('机构', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow(columns.map((c) => c.zh)).font = { bold: true };
  const codes = ws.addRow(columns.map((c) => c.key));
  codes.font = { italic: true, color: { argb: 'FF888888' } };
  for (const r of rows) {
    const rec = r as unknown as Record<string, unknown>;
    ws.addRow(
      columns.map((c) => {
        const v = rec[c.key];
        if (v === null || v === undefined) return null;
        if (c.multi) return (v as string[]).map((x) => labelOf(c.list!, x)).join(SEP);
        if (c.list) return labelOf(c.list, String(v));
        return String(v);
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  /** the spreadsheet's row number */
  row: number;
  cells: Record<string, string>;
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

const badFile = () => new AppError(422, 'invalid_file', '无法读取文件，请上传 .xlsx 格式的表格', 'The file is not a readable .xlsx workbook', 'file');

/** Read the first sheet: find the header (code row, else Chinese row) and return the data rows by column key. */
export async function readWorkbook(buffer: Buffer): Promise<SheetRow[]> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badFile();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badFile();
  const byKey = new Map(columns.map((c) => [c.key.toLowerCase(), c.key]));
  const byZh = new Map(columns.map((c) => [c.zh, c.key]));
  const headerOf = (rowNo: number, map: Map<string, string>, lower: boolean) => {
    const found = new Map<number, string>();
    ws.getRow(rowNo).eachCell((cell, col) => {
      const t = cellText(cell.value);
      const k = map.get(lower ? t.toLowerCase() : t);
      if (k) found.set(col, k);
    });
    return [...found.values()].includes('name') ? found : null;
  };
  let header = headerOf(2, byKey, true);
  let first = 3;
  if (!header) {
    header = headerOf(1, byKey, true) ?? headerOf(1, byZh, false);
    first = 2;
  }
  if (!header) {
    throw new AppError(422, 'import_invalid', '表头不正确：未找到“机构名称”列', 'Header not recognised: no name column', 'file', { rows: [] });
  }
  const out: SheetRow[] = [];
  for (let n = first; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const cells: Record<string, string> = {};
    let any = false;
    for (const [col, key] of header) {
      const t = cellText(row.getCell(col).value);
      if (t) any = true;
      cells[key] = t;
    }
    if (any) out.push({ row: n, cells });
  }
  return out;
}
