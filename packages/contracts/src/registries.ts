import { valuesOf, type Labelled } from './enums.ts';

/** Enumerations of the registries beside the expert pool: partners, volunteers, the overseas libraries. */

/** 合作单位类别. Universities and the social organisations are counted apart in the statistics (partnerGroups). */
export const partnerKinds = [
  { value: 'university', zh: '高校', en: 'University' },
  { value: 'research_institute', zh: '科研院所', en: 'Research institute' },
  { value: 'industry_association', zh: '行业协会', en: 'Industry association' },
  { value: 'professional_society', zh: '专业社团', en: 'Professional society' },
  { value: 'law_firm', zh: '律师事务所', en: 'Law firm' },
  { value: 'ip_agency', zh: '知识产权服务机构', en: 'IP service agency' },
  { value: 'arbitration_body', zh: '仲裁机构', en: 'Arbitration body' },
  { value: 'mediation_committee', zh: '调解委员会', en: 'Mediation committee' },
  { value: 'court', zh: '人民法院', en: 'Court' },
  { value: 'government_body', zh: '政府部门', en: 'Government body' },
] as const satisfies readonly Labelled[];
export const partnerKindValues = valuesOf(partnerKinds);
export type PartnerKind = (typeof partnerKindValues)[number];

/** 社会组织: the partner kinds the reports count as social organisations (beside universities). */
export const socialOrganisationKinds: readonly PartnerKind[] = ['industry_association', 'professional_society', 'law_firm', 'ip_agency'];

/** What a partner provides (合作内容). */
export const partnerOffers = [
  { value: 'consultation', zh: '咨询指导', en: 'Consultation' },
  { value: 'infringement_opinion', zh: '侵权判定', en: 'Infringement assessment' },
  { value: 'mediation', zh: '纠纷调解', en: 'Mediation' },
  { value: 'arbitration', zh: '仲裁', en: 'Arbitration' },
  { value: 'legal_service', zh: '法律服务', en: 'Legal services' },
  { value: 'technical_assessment', zh: '技术鉴定', en: 'Technical assessment' },
  { value: 'training', zh: '培训宣传', en: 'Training and publicity' },
  { value: 'experts', zh: '推荐专家', en: 'Experts' },
  { value: 'volunteers', zh: '志愿服务', en: 'Volunteers' },
  { value: 'venue', zh: '场地设施', en: 'Venue' },
  { value: 'case_referral', zh: '案件转办衔接', en: 'Case referral' },
] as const satisfies readonly Labelled[];
export const partnerOfferValues = valuesOf(partnerOffers);

export const partnerStatuses = [
  { value: 'active', zh: '合作中', en: 'Active' },
  { value: 'ended', zh: '已终止', en: 'Ended' },
] as const satisfies readonly Labelled[];

/** 志愿服务队伍的依托单位类别. */
export const volunteerHostKinds = [
  { value: 'university', zh: '高校', en: 'University' },
  { value: 'industry_association', zh: '行业协会', en: 'Industry association' },
  { value: 'professional_society', zh: '专业社团', en: 'Professional society' },
  { value: 'law_firm', zh: '律师事务所', en: 'Law firm' },
  { value: 'ip_agency', zh: '知识产权服务机构', en: 'IP service agency' },
  { value: 'enterprise', zh: '企业', en: 'Enterprise' },
  { value: 'institution', zh: '维权援助机构', en: 'Assistance institution' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const volunteerHostKindValues = valuesOf(volunteerHostKinds);

export const volunteerSkills = [
  { value: 'consultation', zh: '咨询解答', en: 'Answering questions' },
  { value: 'legal', zh: '法律', en: 'Law' },
  { value: 'patent_search', zh: '专利检索', en: 'Patent search' },
  { value: 'trademark', zh: '商标事务', en: 'Trademark work' },
  { value: 'translation', zh: '外语翻译', en: 'Translation' },
  { value: 'publicity', zh: '宣传普及', en: 'Publicity' },
  { value: 'event_support', zh: '活动保障', en: 'Event support' },
  { value: 'data_entry', zh: '资料整理', en: 'Records and data' },
] as const satisfies readonly Labelled[];
export const volunteerSkillValues = valuesOf(volunteerSkills);

/** 海外法规库 / 案例库 / 企业库 / 海外律师. */
export const overseasKinds = [
  { value: 'law', zh: '海外法律法规', en: 'Foreign law or regulation' },
  { value: 'case', zh: '海外案例', en: 'Foreign case' },
  { value: 'enterprise', zh: '出口企业', en: 'Exporting enterprise' },
  { value: 'lawyer', zh: '海外律师', en: 'Overseas lawyer' },
] as const satisfies readonly Labelled[];
export const overseasKindValues = valuesOf(overseasKinds);
export type OverseasKind = (typeof overseasKindValues)[number];

/** Countries named most often in overseas disputes; any ISO 3166 two-letter code is accepted. */
export const countries = [
  { value: 'US', zh: '美国', en: 'United States' },
  { value: 'DE', zh: '德国', en: 'Germany' },
  { value: 'JP', zh: '日本', en: 'Japan' },
  { value: 'KR', zh: '韩国', en: 'South Korea' },
  { value: 'GB', zh: '英国', en: 'United Kingdom' },
  { value: 'FR', zh: '法国', en: 'France' },
  { value: 'IT', zh: '意大利', en: 'Italy' },
  { value: 'NL', zh: '荷兰', en: 'Netherlands' },
  { value: 'ES', zh: '西班牙', en: 'Spain' },
  { value: 'RU', zh: '俄罗斯', en: 'Russia' },
  { value: 'IN', zh: '印度', en: 'India' },
  { value: 'SG', zh: '新加坡', en: 'Singapore' },
  { value: 'VN', zh: '越南', en: 'Vietnam' },
  { value: 'TH', zh: '泰国', en: 'Thailand' },
  { value: 'MY', zh: '马来西亚', en: 'Malaysia' },
  { value: 'ID', zh: '印度尼西亚', en: 'Indonesia' },
  { value: 'AE', zh: '阿联酋', en: 'United Arab Emirates' },
  { value: 'BR', zh: '巴西', en: 'Brazil' },
  { value: 'MX', zh: '墨西哥', en: 'Mexico' },
  { value: 'AU', zh: '澳大利亚', en: 'Australia' },
  { value: 'CA', zh: '加拿大', en: 'Canada' },
  { value: 'EU', zh: '欧盟', en: 'European Union' },
] as const satisfies readonly Labelled[];

export const keyEnterpriseLogKinds = [
  { value: 'contact', zh: '联络走访', en: 'Contact' },
  { value: 'service', zh: '提供服务', en: 'Service given' },
] as const satisfies readonly Labelled[];
