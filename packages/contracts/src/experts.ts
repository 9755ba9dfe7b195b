import { valuesOf, type Labelled } from './enums.ts';

/** The expert pool's enumerations (glossary: Resources 智库). */
export const expertKinds = [
  { value: 'technical_expert', zh: '技术专家', en: 'Technical expert' },
  { value: 'technical_investigator', zh: '技术调查官', en: 'Technical investigator' },
  { value: 'lawyer', zh: '律师', en: 'Lawyer' },
  { value: 'mediator', zh: '调解员', en: 'Mediator' },
  { value: 'overseas', zh: '海外纠纷应对专家', en: 'Overseas dispute expert' },
  { value: 'overseas_lawyer', zh: '海外律师', en: 'Overseas lawyer' },
] as const satisfies readonly Labelled[];
export const expertKindValues = valuesOf(expertKinds);
export type ExpertKind = (typeof expertKindValues)[number];

export const expertServices = [
  { value: 'infringement_opinion', zh: '侵权判定', en: 'Infringement assessment' },
  { value: 'mediation', zh: '纠纷调解', en: 'Mediation' },
  { value: 'warning_analysis', zh: '分析预警', en: 'Analysis and early warning' },
  { value: 'overseas_guidance', zh: '海外纠纷应对指导', en: 'Overseas guidance' },
  { value: 'consultation', zh: '咨询指导', en: 'Consultation' },
  { value: 'training', zh: '培训授课', en: 'Training' },
] as const satisfies readonly Labelled[];
export const expertServiceValues = valuesOf(expertServices);
export type ExpertService = (typeof expertServiceValues)[number];

export const expertAvailabilities = [
  { value: 'available', zh: '可接受邀请', en: 'Available' },
  { value: 'limited', zh: '时间有限', en: 'Limited' },
  { value: 'unavailable', zh: '暂不可用', en: 'Unavailable' },
] as const satisfies readonly Labelled[];
export const expertAvailabilityValues = valuesOf(expertAvailabilities);
export type ExpertAvailability = (typeof expertAvailabilityValues)[number];

/** What a declared interest is: the ranking excludes the expert when it names a party of the case. */
export const interestKinds = [
  { value: 'employer', zh: '任职单位（含曾任职）', en: 'Employer (current or past)' },
  { value: 'client', zh: '委托人/客户', en: 'Client' },
  { value: 'relative', zh: '近亲属的企业', en: "Relative's company" },
  { value: 'shareholding', zh: '持股/投资', en: 'Shareholding' },
  { value: 'other', zh: '其他利害关系', en: 'Other interest' },
] as const satisfies readonly Labelled[];
export const interestKindValues = valuesOf(interestKinds);
export type InterestKind = (typeof interestKindValues)[number];

export const invitationStatuses = [
  { value: 'pending', zh: '待答复', en: 'Awaiting reply' },
  { value: 'accepted', zh: '已接受', en: 'Accepted' },
  { value: 'declined', zh: '已谢绝', en: 'Declined' },
  { value: 'expired', zh: '超时未答复', en: 'No reply in time' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
] as const satisfies readonly Labelled[];
export const invitationStatusValues = valuesOf(invitationStatuses);
export type InvitationStatus = (typeof invitationStatusValues)[number];
