import { valuesOf, type Labelled } from './enums.ts';

/** Article kinds (glossary: Publishing). */
export const articleKinds = [
  { value: 'policy', zh: '政策法规', en: 'Policy or regulation' },
  { value: 'knowledge', zh: '知识库', en: 'Knowledge article' },
  { value: 'case_study', zh: '维权案例', en: 'Case study' },
  { value: 'news', zh: '工作动态', en: 'News' },
  { value: 'guide', zh: '服务指南', en: 'Service guide' },
  { value: 'qa', zh: '优秀问答', en: 'Featured Q&A' },
] as const satisfies readonly Labelled[];
export const articleKindValues = valuesOf(articleKinds);
export type ArticleKind = (typeof articleKindValues)[number];

export const articleStates = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'in_review', zh: '待审核', en: 'In review' },
  { value: 'published', zh: '已发布', en: 'Published' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
] as const satisfies readonly Labelled[];
export const articleStateValues = valuesOf(articleStates);
export type ArticleState = (typeof articleStateValues)[number];

export const policyValidities = [
  { value: 'in_force', zh: '现行有效', en: 'In force' },
  { value: 'amended', zh: '已修订', en: 'Amended' },
  { value: 'repealed', zh: '已废止', en: 'Repealed' },
] as const satisfies readonly Labelled[];
export const policyValidityValues = valuesOf(policyValidities);

export const caseStudyOrigins = [
  { value: 'domestic', zh: '国内', en: 'Domestic' },
  { value: 'foreign', zh: '国外', en: 'Foreign' },
] as const satisfies readonly Labelled[];
export const caseStudyOriginValues = valuesOf(caseStudyOrigins);

/** Portal modules whose visits are counted (PageVisit). */
export const portalModules = [
  { value: 'home', zh: '首页', en: 'Home' },
  { value: 'apply', zh: '申请援助', en: 'Application' },
  { value: 'policies', zh: '政策法规', en: 'Policies' },
  { value: 'knowledge', zh: '知识库', en: 'Knowledge base' },
  { value: 'case_studies', zh: '维权案例', en: 'Case studies' },
  { value: 'news', zh: '工作动态', en: 'News' },
  { value: 'qa', zh: '优秀问答', en: 'Q&A' },
  { value: 'directory', zh: '机构名录', en: 'Directory' },
  { value: 'guide', zh: '服务指南', en: 'Service guide' },
] as const satisfies readonly Labelled[];
export const portalModuleValues = valuesOf(portalModules);
export type PortalModule = (typeof portalModuleValues)[number];

/** The portal module an article kind is read in. */
export const moduleOfKind: Record<ArticleKind, PortalModule> = {
  policy: 'policies', knowledge: 'knowledge', case_study: 'case_studies', news: 'news', guide: 'guide', qa: 'qa',
};
