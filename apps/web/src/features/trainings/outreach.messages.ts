import type { Dict } from '../../shared/i18n/index.ts';

export const outreachMessages = {
  title: ['宣传活动', 'Publicity activities'],
  add: ['登记活动', 'Record an activity'],
  name: ['活动名称', 'Name'],
  nameRequired: ['请填写活动名称', 'Enter the name'],
  heldOn: ['日期', 'Date'],
  dateRequired: ['请选择日期', 'Choose the date'],
  kind: ['类型', 'Kind'],
  channel: ['渠道', 'Channel'],
  reachPeople: ['覆盖人数', 'People reached'],
  reachViews: ['浏览量', 'Views'],
  notes: ['备注', 'Notes'],
  institution: ['机构', 'Institution'],
  total: ['共 {n} 场，覆盖 {p} 人次，浏览 {v} 次', '{n} activities, {p} people, {v} views'],
  export: ['导出 .xlsx', 'Export .xlsx'],
  year: ['年度', 'Year'],
  saved: ['已保存', 'Saved'],
} satisfies Dict;
