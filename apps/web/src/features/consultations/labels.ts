import { askerKinds, consultationChannels, consultationStatuses, consultationTopics, qaProposalStatuses, type Labelled } from '@yuanzhi/contracts';
import type { Msg } from '../../shared/i18n/lang.ts';

/** The contract's labelled lists as the `{ value: [zh, en] }` tables useEnum() takes. */
const table = (list: readonly Labelled[]): Record<string, Msg> => Object.fromEntries(list.map((x) => [x.value, [x.zh, x.en] as Msg]));

export const channelLabels = table(consultationChannels);
/** The desk records every channel but online (those come from the portal). */
export const deskChannelLabels = table(consultationChannels.filter((c) => c.value !== 'online'));
export const askerKindLabels = table(askerKinds);
export const topicLabels = table(consultationTopics);
export const statusLabels = table(consultationStatuses);
export const qaStatusLabels = table(qaProposalStatuses);
