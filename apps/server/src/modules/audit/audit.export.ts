import { PassThrough } from 'node:stream';
import { loadExcel } from '../../platform/excel.ts';
import type { Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { countAudit, eachAudit, type AuditEntry, type AuditFilter } from './audit.repository.ts';

export const EXPORT_MAX_ROWS = 100_000;

const resultZh: Record<AuditEntry['result'], string> = { success: '成功', failure: '失败', denied: '拒绝' };

/** China Standard Time (UTC+8, no daylight saving), as Chinese offices read it. */
export function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 23);
}

const columns: { header: string; key: string; width: number; value: (e: AuditEntry) => string | number }[] = [
  { header: '序号', key: 'seq', width: 10, value: (e) => e.seq },
  { header: '时间（北京时间）', key: 'at', width: 24, value: (e) => beijingTime(e.at) },
  { header: '操作人', key: 'actorName', width: 18, value: (e) => e.actorName ?? '' },
  { header: '操作人ID', key: 'actorId', width: 38, value: (e) => e.actorId ?? '' },
  { header: '机构ID', key: 'institutionId', width: 38, value: (e) => e.institutionId ?? '' },
  { header: '机构路径', key: 'institutionPath', width: 20, value: (e) => e.institutionPath ?? '' },
  { header: '操作', key: 'action', width: 22, value: (e) => e.action },
  { header: '对象类型', key: 'objectType', width: 14, value: (e) => e.objectType },
  { header: '对象ID', key: 'objectId', width: 38, value: (e) => e.objectId ?? '' },
  { header: '结果', key: 'result', width: 8, value: (e) => resultZh[e.result] },
  { header: 'IP地址', key: 'ip', width: 16, value: (e) => e.ip ?? '' },
  { header: '请求ID', key: 'requestId', width: 38, value: (e) => e.requestId ?? '' },
  { header: '详情', key: 'detail', width: 40, value: (e) => (e.detail == null ? '' : JSON.stringify(e.detail)) },
  { header: '哈希', key: 'hash', width: 66, value: (e) => e.hash },
];

export const exportTooLarge = (n: number) =>
  new AppError(
    422,
    'export_too_large',
    `符合条件的记录有 ${n} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小时间范围或增加筛选条件`,
    `${n} entries match, more than the ${EXPORT_MAX_ROWS} one export may hold; narrow the dates or add filters`,
    undefined,
    { total: n, max: EXPORT_MAX_ROWS },
  );

/** The matching entries (newest first) as an .xlsx workbook, streamed row by row into a buffer. */
export async function exportAuditXlsx(db: DB, scope: Scope, f: AuditFilter): Promise<{ buffer: Buffer; rows: number }> {
  const total = await countAudit(db, scope, f);
  if (total > EXPORT_MAX_ROWS) throw exportTooLarge(total);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let rows = 0;
  for await (const e of eachAudit(db, scope, f, EXPORT_MAX_ROWS)) {
    ws.addRow(columns.map((c) => c.value(e))).commit();
    rows++;
  }
  ws.commit();
  await wb.commit();
  await done;
  return { buffer: Buffer.concat(chunks), rows };
}
