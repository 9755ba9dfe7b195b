import type { Dict } from '../../shared/i18n/index.ts';

export const historyMessages = {
  tab: ['历史数据导入', 'Historical import'],
  intro: [
    '导入本机构上线平台之前各年度的案件、咨询、培训、驻场服务和分析预警记录（每行一条），使同比数据从使用平台的第一年起即可计算。只能导入上线日期之前的记录；整个文件检查无误后才会导入，有错误的行会逐行列出。',
    'Load the cases, consultations, trainings, on-site and analysis services of the years before the institution went live on the platform (one record a row), so that year-on-year figures work from the first year. Only records dated before the go-live date; nothing is imported until the whole file is clean, and bad rows are listed one by one.',
  ],
  template: ['下载模板（.xlsx）', 'Template (.xlsx)'],
  templateCsv: ['下载模板（CSV）', 'Template (CSV)'],
  hint: ['第 1 行为中文表头（与模板相同）；支持 .xlsx 和 CSV（UTF-8 或 GBK）。', 'Row 1 holds the Chinese headers (as in the template); .xlsx or CSV (UTF-8 or GBK).'],
  past: ['导入记录', 'Past imports'],
  createdAt: ['导入时间', 'Imported at'],
  institution: ['机构', 'Institution'],
  file: ['文件', 'File'],
  by: ['导入人', 'By'],
  status: ['状态', 'Status'],
  rows: ['行数', 'Rows'],
  content: ['内容', 'Content'],
  actions: ['操作', 'Actions'],
  undo: ['撤销导入', 'Undo'],
  undoConfirm: ['撤销后，本批次导入的全部历史数据将被删除，统计数字随之变化。确定撤销？', 'Undoing deletes every record of this batch and the figures change with it. Undo?'],
  undone: ['已撤销', 'Undone'],
  undoneN: ['已撤销，删除 {n} 条', 'Undone: {n} records deleted'],
  done: ['已导入', 'Imported'],
  invalid: ['有错误，未导入', 'Errors, nothing imported'],
  failed: ['失败', 'Failed'],
  running: ['处理中', 'In progress'],
} satisfies Dict;
