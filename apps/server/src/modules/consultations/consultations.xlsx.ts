import { askerKinds, consultationChannels, consultationStatuses, consultationTopics, enterpriseSizes, ipTypes, labelOf } from '@yuanzhi/contracts';
import { loadExcel } from '../../platform/excel.ts';
import type { ListRow } from './consultations.repository.ts';

/** The consultation list as a workbook: what the list shows, the contact masked. */
const columns: { zh: string; width: number; value: (r: ListRow) => string | number }[] = [
  { zh: '咨询时间', width: 18, value: (r) => cst(new Date(r.asked_at)) },
  { zh: '咨询途径', width: 10, value: (r) => labelOf(consultationChannels, r.channel) },
  { zh: '咨询人类别', width: 14, value: (r) => labelOf(askerKinds, r.asker_kind) },
  { zh: '企业规模', width: 10, value: (r) => (r.enterprise_size ? labelOf(enterpriseSizes, r.enterprise_size) : '') },
  { zh: '地区', width: 14, value: (r) => r.region_name ?? '' },
  { zh: '知识产权类型', width: 12, value: (r) => (r.ip_type ? labelOf(ipTypes, r.ip_type) : '') },
  { zh: '咨询事项', width: 20, value: (r) => labelOf(consultationTopics, r.topic) },
  { zh: '咨询问题', width: 50, value: (r) => r.question },
  { zh: '答复内容', width: 60, value: (r) => r.answer ?? '' },
  { zh: '状态', width: 8, value: (r) => labelOf(consultationStatuses, r.status) },
  { zh: '用时（分钟）', width: 10, value: (r) => r.minutes_spent ?? '' },
  { zh: '咨询人', width: 16, value: (r) => r.asker_name ?? '' },
  { zh: '联系方式', width: 18, value: (r) => r.asker_contact_masked ?? '' },
  { zh: '所属机构', width: 30, value: (r) => r.institution_name },
  { zh: '工作人员', width: 12, value: (r) => r.staff_name ?? '' },
  { zh: '转入案件', width: 18, value: (r) => r.case_number ?? '' },
];

const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function buildConsultationsWorkbook(rows: ListRow[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ws = wb.addWorksheet('咨询记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow(columns.map((c) => c.zh)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
