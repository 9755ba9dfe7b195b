import { articleKinds, articleStates, caseStudyOrigins, policyValidities, portalModules, type Labelled } from '@yuanzhi/contracts';
import type { Msg } from '../../shared/i18n/lang.ts';

const table = (list: readonly Labelled[]) => Object.fromEntries(list.map((x) => [x.value, [x.zh, x.en] as Msg])) as Record<string, Msg>;

/** The publishing enums (glossary: Publishing) as label tables for useEnum(). */
export const kindLabels = table(articleKinds);
export const stateLabels = table(articleStates);
export const validityLabels = table(policyValidities);
export const originLabels = table(caseStudyOrigins);
export const moduleLabels = table(portalModules);
export const stateColor: Record<string, string> = { draft: 'default', in_review: 'gold', published: 'green', withdrawn: 'red' };
