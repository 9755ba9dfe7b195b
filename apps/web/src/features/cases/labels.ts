import { caseChannels, caseFields, caseNoteKinds, caseQueues, contactMethods, enterpriseSizes, enterpriseTags, partyRoles } from '@yuanzhi/contracts';
import { caseEventLabels, caseStateLabels, referralBodies } from '@yuanzhi/domain';
import type { Msg } from '../../shared/i18n/index.ts';

/** The contract's and the domain's labels as `[中文, English]` tables for `useEnum()` — never written twice. */
const fromList = (list: readonly { value: string; zh: string; en: string }[]): Record<string, Msg> =>
  Object.fromEntries(list.map((x) => [x.value, [x.zh, x.en] as const]));
const fromRecord = (rec: Record<string, { zh: string; en: string }>): Record<string, Msg> =>
  Object.fromEntries(Object.entries(rec).map(([k, x]) => [k, [x.zh, x.en] as const]));

export const channelLabels = fromList(caseChannels);
export const fieldLabels = fromList(caseFields);
export const queueLabels = fromList(caseQueues);
export const noteKindLabels = fromList(caseNoteKinds);
export const contactMethodLabels = fromList(contactMethods);
export const enterpriseSizeLabels = fromList(enterpriseSizes);
export const enterpriseTagLabels = fromList(enterpriseTags);
export const referralBodyLabels = fromList(referralBodies);
export const stateLabels = fromRecord(caseStateLabels);
export const eventLabels = fromRecord(caseEventLabels);

/** 处理通道 (glossary: 快速处理 / fast track); not labelled in the contract yet. */
export const trackLabels: Record<string, Msg> = {
  fast: ['快速处理', 'Fast track'],
  standard: ['普通程序', 'Standard track'],
};

export const partyRoleLabels = fromList(partyRoles);

/** State tag colours: waiting states amber, final states grey, declined/withdrawn red-ish. */
export const stateColors: Record<string, string> = {
  submitted: 'blue', awaiting_supplement: 'gold', accepted: 'cyan', declined: 'volcano', assigned: 'geekblue',
  in_progress: 'processing', under_review: 'purple', concluded: 'green', archived: 'default', transferred: 'orange',
  referred: 'magenta', withdrawn: 'default', suspended: 'warning', draft: 'default',
};
