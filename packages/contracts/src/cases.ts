import { valuesOf, type Labelled } from './enums.ts';

/** Enumerations of the assistance case (docs/api-cases.md); labels as in the glossary. */

/** 受理途径: how the case reached the institution. */
export const caseChannels = [
  { value: 'online', zh: '线上平台', en: 'Online' },
  { value: 'walk_in', zh: '现场来访', en: 'Walk-in' },
  { value: 'hotline', zh: '热线电话', en: 'Hotline' },
  { value: 'email', zh: '电子邮件', en: 'E-mail' },
  { value: 'transfer_in', zh: '其他部门移交', en: 'Transfer-in' },
  { value: 'exhibition', zh: '展会现场', en: 'At an exhibition' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const caseChannelValues = valuesOf(caseChannels);
export type CaseChannel = (typeof caseChannelValues)[number];

/** 纠纷领域: where the dispute arose. */
export const caseFields = [
  { value: 'e_commerce', zh: '电子商务', en: 'E-commerce' },
  { value: 'exhibition', zh: '展会', en: 'Exhibition' },
  { value: 'trade_fair', zh: '交易会', en: 'Trade fair' },
  { value: 'manufacturing', zh: '制造业', en: 'Manufacturing' },
  { value: 'wholesale_market', zh: '专业市场', en: 'Wholesale market' },
  { value: 'import_export', zh: '进出口', en: 'Import and export' },
  { value: 'agriculture', zh: '农业', en: 'Agriculture' },
  { value: 'culture_media', zh: '文化传媒', en: 'Culture and media' },
  { value: 'software_internet', zh: '软件与互联网', en: 'Software and internet' },
  { value: 'biomedicine', zh: '生物医药', en: 'Biomedicine' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const caseFieldValues = valuesOf(caseFields);
export type CaseField = (typeof caseFieldValues)[number];

export const partyKinds = [
  { value: 'natural_person', zh: '自然人', en: 'Natural person' },
  { value: 'legal_person', zh: '法人', en: 'Legal person' },
  { value: 'unincorporated_org', zh: '非法人组织', en: 'Unincorporated organisation' },
  { value: 'individual_business', zh: '个体工商户', en: 'Individual business' },
] as const satisfies readonly Labelled[];
export const partyKindValues = valuesOf(partyKinds);
export type PartyKind = (typeof partyKindValues)[number];

/** A party's part in the case. */
export const partyRoles = [
  { value: 'applicant', zh: '申请人', en: 'Applicant' },
  { value: 'opposing', zh: '对方当事人', en: 'Opposing party' },
  { value: 'agent', zh: '代理人', en: 'Agent' },
] as const satisfies readonly Labelled[];
export const partyRoleValues = valuesOf(partyRoles);
export type PartyRole = (typeof partyRoleValues)[number];

export const enterpriseSizes = [
  { value: 'large', zh: '大型企业', en: 'Large' },
  { value: 'medium', zh: '中型企业', en: 'Medium' },
  { value: 'small', zh: '小型企业', en: 'Small' },
  { value: 'micro', zh: '微型企业', en: 'Micro' },
] as const satisfies readonly Labelled[];
export const enterpriseSizeValues = valuesOf(enterpriseSizes);
export type EnterpriseSize = (typeof enterpriseSizeValues)[number];

export const enterpriseTags = [
  { value: 'specialised_innovative', zh: '专精特新', en: 'Specialised and innovative SME' },
  { value: 'little_giant', zh: '小巨人', en: '"Little giant"' },
  { value: 'high_tech', zh: '高新技术企业', en: 'High-tech enterprise' },
  { value: 'key_enterprise', zh: '重点保护企业', en: 'Key protected enterprise' },
  { value: 'exporter', zh: '出口企业', en: 'Exporter' },
] as const satisfies readonly Labelled[];
export const enterpriseTagValues = valuesOf(enterpriseTags);
export type EnterpriseTag = (typeof enterpriseTagValues)[number];

/** Work queues of the console (GET /api/cases?queue=…). */
export const caseQueues = [
  { value: 'mine', zh: '我的案件', en: 'My cases' },
  { value: 'institution', zh: '本机构案件', en: "My institution's cases" },
  { value: 'unassigned', zh: '待分派', en: 'Unassigned' },
  { value: 'due_soon', zh: '即将到期', en: 'Due soon' },
  { value: 'overdue', zh: '已超期', en: 'Overdue' },
  { value: 'awaiting_review', zh: '待审核', en: 'Awaiting review' },
  { value: 'referred', zh: '转办待反馈', en: 'Referred, awaiting reply' },
  { value: 'follow_up', zh: '待回访', en: 'Follow-up visit due' },
] as const satisfies readonly Labelled[];
export const caseQueueValues = valuesOf(caseQueues);
export type CaseQueue = (typeof caseQueueValues)[number];

/** Entries of a case's working file: an internal note, a task with a due date, a contact log entry. */
export const caseNoteKinds = [
  { value: 'note', zh: '内部备注', en: 'Internal note' },
  { value: 'task', zh: '待办任务', en: 'Task' },
  { value: 'contact', zh: '联系记录', en: 'Contact log entry' },
] as const satisfies readonly Labelled[];
export const caseNoteKindValues = valuesOf(caseNoteKinds);
export type CaseNoteKind = (typeof caseNoteKindValues)[number];

export const contactMethods = [
  { value: 'phone', zh: '电话', en: 'Phone' },
  { value: 'visit', zh: '来访/走访', en: 'Visit' },
  { value: 'email', zh: '电子邮件', en: 'E-mail' },
  { value: 'sms', zh: '短信', en: 'SMS' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const contactMethodValues = valuesOf(contactMethods);
