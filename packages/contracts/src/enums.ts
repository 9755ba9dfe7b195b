/**
 * Enumerations shared by the server (zod schemas, SQL CHECKs) and the web app (selects, labels).
 * Each list holds `{ value, zh, en }`: the code identifier and its Chinese and English labels,
 * worded as in the glossary (docs/glossary.md).
 */
export interface Labelled<V extends string = string> {
  readonly value: V;
  readonly zh: string;
  readonly en: string;
}

type Values<L extends readonly Labelled[]> = L[number]['value'];

/** The code identifiers of a list, as a non-empty tuple (what z.enum() takes). */
export function valuesOf<const L extends readonly Labelled[]>(list: L): [Values<L>, ...Values<L>[]] {
  return list.map((x) => x.value) as [Values<L>, ...Values<L>[]];
}

/** The label of a value, or the value itself when it is unknown. */
export function labelOf(list: readonly Labelled[], value: string, lang: 'zh' | 'en' = 'zh'): string {
  return list.find((x) => x.value === value)?.[lang] ?? value;
}

/** Find a value by its code, Chinese label or English label (case-insensitive); for imports. */
export function parseLabelled<V extends string>(list: readonly Labelled<V>[], text: string): V | undefined {
  const t = text.trim().toLowerCase();
  return list.find((x) => x.value === t || x.zh === text.trim() || x.en.toLowerCase() === t)?.value;
}

export const institutionTypes = [
  { value: 'authority', zh: '知识产权管理部门', en: 'IP administration' },
  { value: 'protection_center', zh: '知识产权保护中心', en: 'IP protection centre' },
  { value: 'assistance_center', zh: '维权援助中心', en: 'Assistance centre' },
  { value: 'rapid_center', zh: '快速维权中心', en: 'Rapid protection centre' },
  { value: 'sub_center', zh: '分中心', en: 'Sub-centre' },
  { value: 'workstation', zh: '工作站', en: 'Workstation' },
  { value: 'overseas_center', zh: '海外知识产权纠纷应对指导中心（地方分中心）', en: 'Overseas dispute guidance centre (local branch)' },
  { value: 'intake_office', zh: '受理处', en: 'Intake office' },
] as const satisfies readonly Labelled[];
export const institutionTypeValues = valuesOf(institutionTypes);
export type InstitutionType = (typeof institutionTypeValues)[number];

/** Highest first: a child institution's level is never higher than its parent's. */
export const institutionLevels = [
  { value: 'national', zh: '国家级', en: 'National' },
  { value: 'province', zh: '省级', en: 'Province level' },
  { value: 'city', zh: '市级', en: 'City level' },
  { value: 'county', zh: '县级', en: 'County level' },
] as const satisfies readonly Labelled[];
export const institutionLevelValues = valuesOf(institutionLevels);
export type InstitutionLevel = (typeof institutionLevelValues)[number];

/** 0 = national … 3 = county; a larger rank is a lower level. */
export function levelRank(level: string): number {
  return institutionLevelValues.indexOf(level as InstitutionLevel);
}

export const institutionHosts = [
  { value: 'park', zh: '进园区', en: 'In a park' },
  { value: 'market', zh: '进市场', en: 'In a market' },
  { value: 'enterprise', zh: '进企业', en: 'In an enterprise' },
  { value: 'university', zh: '进高校', en: 'In a university' },
  { value: 'overseas', zh: '海外布点', en: 'Abroad' },
] as const satisfies readonly Labelled[];
export const institutionHostValues = valuesOf(institutionHosts);
export type InstitutionHost = (typeof institutionHostValues)[number];

export const ipTypes = [
  { value: 'patent', zh: '专利', en: 'Patent' },
  { value: 'trademark', zh: '商标', en: 'Trademark' },
  { value: 'geographical_indication', zh: '地理标志', en: 'Geographical indication' },
  { value: 'ic_layout', zh: '集成电路布图设计', en: 'IC layout design' },
  { value: 'copyright', zh: '版权', en: 'Copyright' },
  { value: 'trade_secret', zh: '商业秘密', en: 'Trade secret' },
  { value: 'plant_variety', zh: '植物新品种', en: 'Plant variety' },
] as const satisfies readonly Labelled[];
export const ipTypeValues = valuesOf(ipTypes);
export type IpType = (typeof ipTypeValues)[number];

export const services = [
  { value: 'consultation', zh: '咨询指导', en: 'Consultation' },
  { value: 'infringement_opinion', zh: '侵权判定参考意见', en: 'Infringement assessment opinion' },
  { value: 'warning_analysis', zh: '分析预警', en: 'Analysis and early warning' },
  { value: 'mediation', zh: '纠纷调解', en: 'Mediation' },
  { value: 'overseas_guidance', zh: '海外纠纷应对指导', en: 'Overseas dispute guidance' },
  { value: 'funding_aid', zh: '经费援助', en: 'Funding aid' },
] as const satisfies readonly Labelled[];
export const serviceValues = valuesOf(services);
export type Service = (typeof serviceValues)[number];

export const institutionStatuses = [
  { value: 'active', zh: '运行中', en: 'Active' },
  { value: 'closed', zh: '已撤销', en: 'Closed' },
] as const satisfies readonly Labelled[];
export const institutionStatusValues = valuesOf(institutionStatuses);
export type InstitutionStatus = (typeof institutionStatusValues)[number];
