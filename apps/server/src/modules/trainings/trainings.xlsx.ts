import { loadExcel } from '../../platform/excel.ts';

/** One-sheet workbooks for the trainings and publicity lists: a bold frozen header, then the rows. */
export interface Column<R> { zh: string; width: number; value: (r: R) => string | number }

export async function sheet<R>(name: string, columns: Column<R>[], rows: R[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow(columns.map((c) => c.zh)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const cst = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function xlsxHeaders(ascii: string, zh: string) {
  return {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`,
  };
}
