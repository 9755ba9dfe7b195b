import { loadExcel } from '../../../platform/excel.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * CSV in, the registries' workbook layout out, so that one reader (registries/sheet.ts) checks both. Excel on a
 * Chinese Windows saves CSV as GBK; elsewhere it is UTF-8, often with a BOM. Valid UTF-8 is taken as UTF-8, anything
 * else is read as GBK (GB 18030 decodes GBK too).
 */
export function decodeCsv(buffer: Buffer): string {
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/** RFC 4180: fields in double quotes may hold commas, quotes ("") and line breaks; lines end in CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (quoted) throw new AppError(422, 'invalid_file', 'CSV 文件中有未闭合的引号', 'The CSV file has an unclosed quote', 'file');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The CSV as an .xlsx workbook of text cells (row numbers unchanged, so errors name the CSV's own lines). */
export async function csvToXlsx(buffer: Buffer): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const cells of parseCsv(decodeCsv(buffer))) ws.addRow(cells.map((c) => c.trim()));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file is CSV by its name, or by being neither a zip (every .xlsx is one) nor an old binary .xls (OLE). */
export function isCsv(buffer: Buffer, fileName: string): boolean {
  if (/\.csv$/i.test(fileName)) return true;
  const zip = buffer[0] === 0x50 && buffer[1] === 0x4b;
  const ole = buffer[0] === 0xd0 && buffer[1] === 0xcf && buffer[2] === 0x11 && buffer[3] === 0xe0;
  return !zip && !ole;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): Buffer {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
