import { articleKinds } from './articles.ts';
import { valuesOf, type Labelled } from './enums.ts';

/**
 * What a search can be narrowed to: the article kinds (portal and console), and in the console the
 * consultations and cases in the user's scope.
 */
export const searchKinds = [
  ...articleKinds,
  { value: 'consultation', zh: '咨询记录', en: 'Consultation' },
  { value: 'case', zh: '案件', en: 'Case' },
] as const satisfies readonly Labelled[];
export const searchKindValues = valuesOf(searchKinds);
export type SearchKindFilter = (typeof searchKindValues)[number];

/** The kinds the public portal searches. */
export const portalSearchKindValues = valuesOf(articleKinds);

/** At most this many best matches are ranked and paged through (ADR 0017); refine the query for more. */
export const SEARCH_RESULT_CAP = 200;
