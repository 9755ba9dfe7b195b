import { caseChannels, ipTypes, labelOf, services } from '@yuanzhi/contracts';
import { caseStateLabels, type CaseState } from '@yuanzhi/domain';
import { loadExcel } from '../../platform/excel.ts';
import type { QueueRow } from './cases.queue.ts';

/** The case list as a workbook: what the queue shows, personal data masked. */
const columns: { zh: string; width: number; value: (r: QueueRow) => string }[] = [
  { zh: '案件编号', width: 18, value: (r) => r.case_number ?? '' },
  { zh: '状态', width: 14, value: (r) => caseStateLabels[r.state as CaseState]?.zh ?? r.state },
  { zh: '处理通道', width: 8, value: (r) => (r.track === 'fast' ? '快速' : '普通') },
  { zh: '受理途径', width: 10, value: (r) => labelOf(caseChannels, r.channel) },
  { zh: '所属机构', width: 30, value: (r) => r.institution_name },
  { zh: '申请人', width: 26, value: (r) => r.applicant_name ?? '' },
  { zh: '申请人电话', width: 14, value: (r) => r.applicant_phone_masked ?? '' },
  { zh: '知识产权类型', width: 12, value: (r) => (r.ip_type ? labelOf(ipTypes, r.ip_type) : '') },
  { zh: '服务项目', width: 30, value: (r) => r.services.map((s) => labelOf(services, s)).join('、') },
  { zh: '承办人', width: 14, value: (r) => r.handler_name ?? '' },
  { zh: '提交时间', width: 18, value: (r) => (r.submitted_at ? cst(new Date(r.submitted_at)) : '') },
  { zh: '最近期限', width: 12, value: (r) => r.next_due ?? '' },
  { zh: '是否超期', width: 8, value: (r) => (r.overdue ? '是' : '否') },
  { zh: '案情简述', width: 50, value: (r) => r.summary },
];

const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function buildCasesWorkbook(rows: QueueRow[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet('案件', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow(columns.map((c) => c.zh)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
