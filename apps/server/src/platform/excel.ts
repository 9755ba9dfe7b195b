import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, imported at the first sheet written or read rather than at start-up: it is about 30 MB of the server
 * process (issue 8: under 300 MB RSS), and most processes never export a sheet.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
