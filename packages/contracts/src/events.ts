import { valuesOf, type Labelled } from './enums.ts';

/** Enumerations of on-site service at events and of analysis projects (docs/api-events.md). */

/** 驻场服务的活动类型. */
export const eventKinds = [
  { value: 'exhibition', zh: '展会', en: 'Exhibition' },
  { value: 'trade_fair', zh: '交易会', en: 'Trade fair' },
  { value: 'sports_event', zh: '体育赛事', en: 'Sports event' },
  { value: 'innovation_contest', zh: '创新创业大赛', en: 'Innovation contest' },
  { value: 'cultural_event', zh: '文化活动', en: 'Cultural event' },
] as const satisfies readonly Labelled[];
export const eventKindValues = valuesOf(eventKinds);

export const rosterKinds = [
  { value: 'institution', zh: '机构', en: 'Institution' },
  { value: 'staff', zh: '工作人员', en: 'Staff member' },
  { value: 'expert', zh: '专家', en: 'Expert' },
] as const satisfies readonly Labelled[];
export const rosterKindValues = valuesOf(rosterKinds);

export const riskLevels = [
  { value: 'high', zh: '高', en: 'High' },
  { value: 'medium', zh: '中', en: 'Medium' },
  { value: 'low', zh: '低', en: 'Low' },
] as const satisfies readonly Labelled[];
export const riskLevelValues = valuesOf(riskLevels);

/** How the respondent (the exhibitor complained about) was told. */
export const noticeMethods = [
  { value: 'in_person', zh: '现场送达', en: 'In person at the booth' },
  { value: 'phone', zh: '电话告知', en: 'By phone' },
  { value: 'written', zh: '书面通知', en: 'Written notice' },
] as const satisfies readonly Labelled[];
export const noticeMethodValues = valuesOf(noticeMethods);

/** 展会投诉处理结果. */
export const complaintOutcomes = [
  { value: 'withdrawn_from_display', zh: '撤展', en: 'Withdrawn from display' },
  { value: 'settled', zh: '和解', en: 'Settled' },
  { value: 'referred_to_enforcement', zh: '移交执法', en: 'Referred to enforcement' },
] as const satisfies readonly Labelled[];
export const complaintOutcomeValues = valuesOf(complaintOutcomes);

/** 分析预警: who commissioned it, what about, what kind, for which activity (the statistics' categories). */
export const commissionerKinds = [
  { value: 'government', zh: '政府部门', en: 'Government' },
  { value: 'enterprise', zh: '企业', en: 'Enterprise' },
] as const satisfies readonly Labelled[];
export const commissionerKindValues = valuesOf(commissionerKinds);

export const analysisSubjectKinds = [
  { value: 'industry', zh: '产业', en: 'Industry' },
  { value: 'technology', zh: '技术', en: 'Technology' },
  { value: 'market', zh: '市场', en: 'Market' },
  { value: 'overseas_country', zh: '海外国家或地区', en: 'Overseas country' },
] as const satisfies readonly Labelled[];
export const analysisSubjectKindValues = valuesOf(analysisSubjectKinds);

export const analysisKinds = [
  { value: 'patent_landscape', zh: '专利导航/专利分析', en: 'Patent landscape / navigation' },
  { value: 'freedom_to_operate', zh: '自由实施（FTO）分析', en: 'Freedom to operate' },
  { value: 'competitor_monitoring', zh: '竞争对手监测', en: 'Competitor monitoring' },
  { value: 'regional_statistics', zh: '区域统计分析', en: 'Regional statistics' },
] as const satisfies readonly Labelled[];
export const analysisKindValues = valuesOf(analysisKinds);

export const analysisPurposes = [
  { value: 'public_rnd', zh: '财政资金科研项目', en: 'Public R&D' },
  { value: 'trade', zh: '对外贸易', en: 'Trade' },
  { value: 'investment', zh: '投资', en: 'Investment' },
  { value: 'technology_transfer', zh: '技术转移', en: 'Technology transfer' },
  { value: 'outbound_licensing', zh: '对外许可', en: 'Outbound licensing' },
] as const satisfies readonly Labelled[];
export const analysisPurposeValues = valuesOf(analysisPurposes);

export const analysisStatuses = [
  { value: 'in_progress', zh: '进行中', en: 'In progress' },
  { value: 'delivered', zh: '已交付', en: 'Delivered' },
  { value: 'closed', zh: '已结项', en: 'Closed' },
] as const satisfies readonly Labelled[];
export const analysisStatusValues = valuesOf(analysisStatuses);
