import { valuesOf, type Labelled } from './enums.ts';

/** Enumerations of the consultation desk (docs/api-consultations.md); labels as in the glossary. */

/** How the question reached the institution; the desk offers every one but `online` (that comes from the portal). */
export const consultationChannels = [
  { value: 'hotline', zh: '热线电话', en: 'Hotline' },
  { value: 'walk_in', zh: '现场来访', en: 'Walk-in' },
  { value: 'email', zh: '电子邮件', en: 'E-mail' },
  { value: 'online', zh: '线上平台', en: 'Online' },
  { value: 'exhibition', zh: '展会现场', en: 'At an exhibition' },
  { value: 'mini_program', zh: '小程序', en: 'Mini-program' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const consultationChannelValues = valuesOf(consultationChannels);
export type ConsultationChannel = (typeof consultationChannelValues)[number];

/** Who asked: the party kinds, plus someone who did not say. */
export const askerKinds = [
  { value: 'natural_person', zh: '自然人', en: 'Natural person' },
  { value: 'legal_person', zh: '企业或其他法人', en: 'Enterprise or other legal person' },
  { value: 'unincorporated_org', zh: '非法人组织', en: 'Unincorporated organisation' },
  { value: 'individual_business', zh: '个体工商户', en: 'Individual business' },
  { value: 'unknown', zh: '未说明', en: 'Not stated' },
] as const satisfies readonly Labelled[];
export const askerKindValues = valuesOf(askerKinds);
export type AskerKind = (typeof askerKindValues)[number];

export const consultationTopics = [
  { value: 'laws', zh: '法律法规', en: 'Laws and regulations' },
  { value: 'procedures', zh: '授权确权程序与法律状态', en: 'Granting and validity procedures, legal status' },
  { value: 'dispute', zh: '纠纷处理途径', en: 'How to handle a dispute' },
  { value: 'evidence', zh: '证据收集', en: 'How to collect evidence' },
  { value: 'licensing', zh: '许可与转让', en: 'Licensing and transfer' },
  { value: 'overseas', zh: '海外维权', en: 'Overseas' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const consultationTopicValues = valuesOf(consultationTopics);
export type ConsultationTopic = (typeof consultationTopicValues)[number];

/** `open`: waiting for staff (an online question or follow-up); `answered`: the last word is staff's. */
export const consultationStatuses = [
  { value: 'open', zh: '待答复', en: 'Awaiting an answer' },
  { value: 'answered', zh: '已答复', en: 'Answered' },
] as const satisfies readonly Labelled[];
export const consultationStatusValues = valuesOf(consultationStatuses);
export type ConsultationStatus = (typeof consultationStatusValues)[number];

/** 优秀问答 proposals: proposed → approved (then published as an Article of kind 'qa') or returned. */
export const qaProposalStatuses = [
  { value: 'proposed', zh: '待审核', en: 'Proposed' },
  { value: 'approved', zh: '已通过', en: 'Approved' },
  { value: 'returned', zh: '已退回', en: 'Returned' },
] as const satisfies readonly Labelled[];
export const qaProposalStatusValues = valuesOf(qaProposalStatuses);
export type QaProposalStatus = (typeof qaProposalStatusValues)[number];
