import { ipTypeValues, portalSearchKindValues, SEARCH_RESULT_CAP, searchKindValues } from '@yuanzhi/contracts';
import { z } from 'zod';

/**
 * The search text takes anything: a repeated parameter is joined, any length is accepted and cut by the
 * segmenter (search.segment.ts MAX_QUERY_CHARS). Filters are strict: a wrong one is a 400 naming it.
 */
const text = z.preprocess((v) => (Array.isArray(v) ? v.join(' ') : v), z.string()).optional().default('');
const maxPage = SEARCH_RESULT_CAP;
const paging = {
  page: z.coerce.number().int().min(1).max(maxPage).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};
const common = {
  q: text,
  ipType: z.enum(ipTypeValues).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  ...paging,
};

export const portalSearchQuery = z.strictObject({ ...common, kind: z.enum(portalSearchKindValues).optional() });
export const consoleSearchQuery = z.strictObject({ ...common, kind: z.enum(searchKindValues).optional() });
export const suggestionsQuery = z.strictObject({ q: text });

export const searchHitOut = z.object({
  kind: z.enum(['article', 'qa', 'consultation', 'case']),
  refId: z.string(),
  /** HTML: escaped text, the query's words in <mark>. */
  title: z.string(),
  snippet: z.string(),
  articleKind: z.string().nullable(),
  ipTypes: z.array(z.string()),
  regionCode: z.string().nullable(),
  year: z.number().nullable(),
  date: z.string(),
});

export const searchOut = z.object({
  data: z.array(searchHitOut),
  total: z.number(),
  capped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  words: z.array(z.string()),
});

export const suggestionsOut = z.object({
  data: z.array(z.object({ kind: z.enum(['article', 'qa', 'consultation', 'case']), refId: z.string(), title: z.string() })),
});
