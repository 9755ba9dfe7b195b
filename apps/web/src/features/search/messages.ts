import type { Dict } from '../../shared/i18n/index.ts';

export const searchMessages = {
  placeholder: ['搜索政策、知识、案例、问答', 'Search policies, know-how, cases, Q&A'],
  placeholderConsole: ['搜索文章、问答、咨询、案件（可输入案号、单位名称）', 'Search articles, Q&A, consultations, cases (case number, company name)'],
  title: ['搜索', 'Search'],
  resultsFor: ['“{q}”的搜索结果', 'Results for “{q}”'],
  found: ['找到 {n} 条结果', '{n} results'],
  foundCapped: ['找到 {n} 条以上结果，仅显示最相关的 {n} 条，请补充关键词', 'More than {n} results; the {n} most relevant are shown — add a word to narrow'],
  none: ['没有找到相关内容，请换个关键词试试', 'Nothing found; try other words'],
  typeSomething: ['请输入要搜索的内容', 'Type what you are looking for'],
  kind: ['类别', 'Kind'],
  ipType: ['知识产权类型', 'IP type'],
  year: ['年份', 'Year'],
  reset: ['重置', 'Reset'],
  kind_article: ['文章', 'Article'],
  kind_qa: ['优秀问答', 'Featured Q&A'],
  kind_consultation: ['咨询记录', 'Consultation'],
  kind_case: ['案件', 'Case'],
} satisfies Dict;
