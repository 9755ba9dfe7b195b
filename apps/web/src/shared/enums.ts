import type { Msg } from './i18n/lang.ts';

/** Enum values of the contract (docs/api-foundation.md) with their glossary names. */
export const institutionTypes = {
  authority: ['知识产权管理部门', 'IP administration'],
  protection_center: ['国家级知识产权保护中心', 'IP protection centre'],
  assistance_center: ['维权援助中心', 'Assistance centre'],
  rapid_center: ['快速维权中心', 'Rapid protection centre'],
  sub_center: ['分中心', 'Sub-centre'],
  workstation: ['工作站', 'Workstation'],
  overseas_center: ['海外纠纷应对指导中心（地方分中心）', 'Overseas dispute guidance centre (local branch)'],
  intake_office: ['受理处', 'Intake office'],
} as const satisfies Record<string, Msg>;

export const levels = {
  national: ['国家级', 'National'],
  province: ['省级', 'Province level'],
  city: ['市级', 'City level'],
  county: ['县级', 'County level'],
} as const satisfies Record<string, Msg>;

export const hosts = {
  park: ['进园区', 'In a park'],
  market: ['进市场', 'In a market'],
  enterprise: ['进企业', 'In an enterprise'],
  university: ['进高校', 'In a university'],
  overseas: ['海外布点', 'Abroad'],
} as const satisfies Record<string, Msg>;

export const ipTypes = {
  patent: ['专利', 'Patent'],
  trademark: ['商标', 'Trademark'],
  geographical_indication: ['地理标志', 'Geographical indication'],
  ic_layout: ['集成电路布图设计', 'IC layout design'],
  copyright: ['版权', 'Copyright'],
  trade_secret: ['商业秘密', 'Trade secret'],
  plant_variety: ['植物新品种', 'Plant variety'],
} as const satisfies Record<string, Msg>;

export const services = {
  consultation: ['咨询指导', 'Consultation'],
  infringement_opinion: ['侵权判定参考意见', 'Infringement assessment opinion'],
  warning_analysis: ['分析预警', 'Analysis and early warning'],
  mediation: ['纠纷调解', 'Mediation'],
  overseas_guidance: ['海外纠纷应对指导', 'Overseas dispute guidance'],
  funding_aid: ['经费援助', 'Funding aid'],
} as const satisfies Record<string, Msg>;

export const roles = {
  intake_clerk: ['接待登记员', 'Intake clerk'],
  case_handler: ['承办人', 'Case handler'],
  reviewer: ['审核人', 'Reviewer'],
  institution_admin: ['机构管理员', 'Institution administrator'],
  supervisor: ['上级监督', 'Supervisor'],
  system_admin: ['系统管理员', 'System administrator'],
  security_admin: ['安全管理员', 'Security administrator'],
  audit_admin: ['审计管理员', 'Audit administrator'],
  expert: ['专家', 'Expert'],
  volunteer: ['志愿者', 'Volunteer'],
} as const satisfies Record<string, Msg>;

/** The three 等保 administrator roles: no user holds two of them. */
export const separatedAdminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const;

export const partyKinds = {
  natural_person: ['自然人', 'Natural person'],
  legal_person: ['法人', 'Legal person'],
  unincorporated_org: ['非法人组织', 'Unincorporated organisation'],
  individual_business: ['个体工商户', 'Individual business'],
} as const satisfies Record<string, Msg>;

export const userKinds = {
  staff: ['工作人员', 'Staff'],
  expert: ['专家', 'Expert'],
  volunteer: ['志愿者', 'Volunteer'],
  applicant: ['申请人', 'Applicant'],
} as const satisfies Record<string, Msg>;

export const userStatuses = {
  active: ['正常', 'Active'],
  disabled: ['已停用', 'Disabled'],
} as const satisfies Record<string, Msg>;

export const institutionStatuses = {
  active: ['运行中', 'Active'],
  closed: ['已撤销', 'Closed'],
} as const satisfies Record<string, Msg>;

export const auditResults = {
  success: ['成功', 'Success'],
  failure: ['失败', 'Failure'],
  denied: ['拒绝', 'Denied'],
} as const satisfies Record<string, Msg>;

export const channels = {
  email: ['电子邮件', 'E-mail'],
  sms: ['短信', 'SMS'],
} as const satisfies Record<string, Msg>;

export type InstitutionType = keyof typeof institutionTypes;
export type Level = keyof typeof levels;
export type Host = keyof typeof hosts;
export type IpType = keyof typeof ipTypes;
export type Service = keyof typeof services;
export type RoleCode = keyof typeof roles;
export type PartyKind = keyof typeof partyKinds;
