import { complaintOutcomes, eventKinds, ipTypes, labelOf } from '@yuanzhi/contracts';
import { loadExcel } from '../../platform/excel.ts';
import type { DB } from '../../platform/db.ts';
import { complaintsOf, consultationsOf, type ComplaintRow, type EventRow } from './events.repository.ts';

/** After the event: complaints, consultations and outcomes, per day and in all. */
export async function eventSummary(db: DB, e: EventRow) {
  const [complaints, consultations] = await Promise.all([complaintsOf(db, e.id), consultationsOf(db, e.id)]);
  const days = new Map<string, { day: string; complaints: number; consultations: number }>();
  const dayOf = (d: string) => days.get(d) ?? days.set(d, { day: d, complaints: 0, consultations: 0 }).get(d)!;
  for (const c of complaints) dayOf(c.taken_on).complaints++;
  for (const c of consultations) dayOf(c.on_date).consultations += c.count;
  const outcomes = Object.fromEntries(complaintOutcomes.map((o) => [o.value, complaints.filter((c) => c.outcome === o.value).length]));
  return {
    complaints: complaints.length,
    notified: complaints.filter((c) => c.notified_at !== null).length,
    open: complaints.filter((c) => c.outcome === null).length,
    outcomes: outcomes as Record<(typeof complaintOutcomes)[number]['value'], number>,
    consultations: consultations.reduce((s, c) => s + c.count, 0),
    byDay: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    rows: complaints,
  };
}
export type EventSummary = Awaited<ReturnType<typeof eventSummary>>;

const cst = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

const complaintColumns: { zh: string; width: number; value: (r: ComplaintRow) => string }[] = [
  { zh: '受理日期', width: 12, value: (r) => r.taken_on },
  { zh: '案件编号', width: 20, value: (r) => r.case_number ?? '' },
  { zh: '展位', width: 10, value: (r) => r.booth },
  { zh: '投诉人', width: 24, value: (r) => r.complainant },
  { zh: '被投诉方', width: 24, value: (r) => r.respondent },
  { zh: '权利类型', width: 10, value: (r) => labelOf(ipTypes, r.ip_type) },
  { zh: '权利号', width: 18, value: (r) => r.ip_number ?? '' },
  { zh: '通知被投诉方', width: 18, value: (r) => cst(r.notified_at) },
  { zh: '处理结果', width: 12, value: (r) => (r.outcome ? labelOf(complaintOutcomes, r.outcome) : '处理中') },
  { zh: '结果说明', width: 40, value: (r) => r.outcome_note ?? '' },
];

/** The summary as a workbook: an overview sheet and one row per complaint (the complainant's name only, no contact data). */
export async function buildSummaryWorkbook(e: EventRow, s: EventSummary): Promise<Buffer> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '援知 yuanzhi';
  const ov = wb.addWorksheet('概况');
  ov.columns = [{ width: 22 }, { width: 40 }];
  const lines: [string, string | number][] = [
    ['活动名称', e.name], ['活动类型', labelOf(eventKinds, e.kind)], ['地点', e.venue], ['日期', `${e.starts_on} 至 ${e.ends_on}`],
    ['主办方', e.organiser], ['驻场机构', e.institution_name], ['投诉受理（件）', s.complaints], ['已通知被投诉方（件）', s.notified],
    ...complaintOutcomes.map((o): [string, number] => [`${o.zh}（件）`, s.outcomes[o.value]]), ['处理中（件）', s.open], ['现场咨询（人次）', s.consultations],
  ];
  for (const l of lines) ov.addRow(l);
  ov.getColumn(1).font = { bold: true };
  const byDay = wb.addWorksheet('按日统计');
  byDay.columns = [{ width: 12 }, { width: 12 }, { width: 12 }];
  byDay.addRow(['日期', '投诉（件）', '咨询（人次）']).font = { bold: true };
  for (const d of s.byDay) byDay.addRow([d.day, d.complaints, d.consultations]);
  const ws = wb.addWorksheet('投诉明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = complaintColumns.map((c) => ({ width: c.width }));
  ws.addRow(complaintColumns.map((c) => c.zh)).font = { bold: true };
  for (const r of s.rows) ws.addRow(complaintColumns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
