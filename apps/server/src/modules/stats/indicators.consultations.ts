import { sql } from 'kysely';
import { historyRows } from './history/history.sql.ts';
import { rowsIndicator } from './indicators.events.ts';
import type { Indicator } from './indicators.types.ts';

/** Consultations (modules/consultations) with the imported past ones (ADR 0032), by the China day asked. */
const consultations = sql`(SELECT (q.asked_at AT TIME ZONE 'Asia/Shanghai')::date AS d, q.institution_id, q.institution_path, 1 AS n FROM consultations q
  UNION ALL ${historyRows('consultation')})`;

export const consultationIndicators: Indicator[] = [
  rowsIndicator({
    id: 'consultations.total', module: 'consultations', zh: '咨询服务', en: 'Consultations', unit: { zh: '次', en: 'consultations' },
    definition: {
      zh: '提问时间（北京时间）在统计期内登记的咨询（热线、来访、邮件、线上等，含尚未答复的），计入接待机构；另计入机构上线日期之前的历史导入咨询（不与平台记录重复）。驻场服务台的咨询另见“驻场咨询”。',
      en: 'Consultations asked in the period (China time) by any channel, answered or not, at the institution that took them; also the imported past consultations dated before the institution went live (never both). Consultations at event desks: see “consultations at events”.',
    },
  }, consultations),
];
