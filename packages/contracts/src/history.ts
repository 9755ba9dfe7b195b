import { valuesOf, type Labelled } from './enums.ts';

/** 历史数据导入 (ADR 0032): the kinds of past records an institution can load. */
export const historyKinds = [
  { value: 'case', zh: '援助案件', en: 'Assistance case' },
  { value: 'consultation', zh: '咨询', en: 'Consultation' },
  { value: 'training', zh: '培训研讨', en: 'Training or seminar' },
  { value: 'onsite_service', zh: '驻场服务', en: 'On-site service' },
  { value: 'analysis', zh: '分析预警', en: 'Analysis and warning' },
] as const satisfies readonly Labelled[];
export const historyKindValues = valuesOf(historyKinds);
export type HistoryKind = (typeof historyKindValues)[number];

export const yesNo = [
  { value: 'yes', zh: '是', en: 'Yes' },
  { value: 'no', zh: '否', en: 'No' },
] as const satisfies readonly Labelled[];
