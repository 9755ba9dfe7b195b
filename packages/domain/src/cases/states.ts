/** The states of an assistance case (see the transition table in transitions.ts). */
export const caseStates = [
  'draft',
  'submitted',
  'awaiting_supplement',
  'accepted',
  'declined',
  'assigned',
  'in_progress',
  'under_review',
  'concluded',
  'archived',
  'transferred',
  'referred',
  'withdrawn',
  'suspended',
] as const;
export type CaseState = (typeof caseStates)[number];

export function isCaseState(v: string): v is CaseState {
  return (caseStates as readonly string[]).includes(v);
}

/** `zh`/`en` labels; `enAdjective` reads after "A" in a refusal ("A concluded case cannot …"). */
export const caseStateLabels: Record<CaseState, { zh: string; en: string; enAdjective: string }> = {
  draft: { zh: '草稿', en: 'Draft', enAdjective: 'draft' },
  submitted: { zh: '已提交', en: 'Submitted', enAdjective: 'submitted' },
  awaiting_supplement: { zh: '待补正', en: 'Awaiting supplementary material', enAdjective: 'awaiting-supplement' },
  accepted: { zh: '已受理', en: 'Accepted', enAdjective: 'accepted' },
  declined: { zh: '不予受理', en: 'Declined', enAdjective: 'declined' },
  assigned: { zh: '已分派', en: 'Assigned', enAdjective: 'assigned' },
  in_progress: { zh: '办理中', en: 'In progress', enAdjective: 'in-progress' },
  under_review: { zh: '审核中', en: 'Under review', enAdjective: 'under-review' },
  concluded: { zh: '已办结', en: 'Concluded', enAdjective: 'concluded' },
  archived: { zh: '已归档', en: 'Archived', enAdjective: 'archived' },
  transferred: { zh: '移交待接收', en: 'Transferred, awaiting acceptance', enAdjective: 'transferred' },
  referred: { zh: '已转办待反馈', en: 'Referred, awaiting feedback', enAdjective: 'referred' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', enAdjective: 'withdrawn' },
  suspended: { zh: '已中止', en: 'Suspended', enAdjective: 'suspended' },
};

/** States in which the case is still being worked on by an institution. */
export const openCaseStates = [
  'submitted',
  'awaiting_supplement',
  'accepted',
  'assigned',
  'in_progress',
  'under_review',
  'transferred',
  'referred',
  'suspended',
] as const satisfies readonly CaseState[];

/** No event leaves these states (see `terminalCaseStates` tests against the table). */
export const terminalCaseStates = ['archived', 'withdrawn', 'declined'] as const satisfies readonly CaseState[];

/**
 * Waiting states remember the state they were entered from, and their "return" events go back
 * to it: resume → suspendedFrom, supplement → supplementFrom, returnTransfer → transferredFrom,
 * recordReferralFeedback → referredFrom.
 */
export const waitingStates = {
  suspended: 'suspendedFrom',
  awaiting_supplement: 'supplementFrom',
  transferred: 'transferredFrom',
  referred: 'referredFrom',
} as const satisfies Partial<Record<CaseState, string>>;
export type WaitingState = keyof typeof waitingStates;
export type ReturnField = (typeof waitingStates)[WaitingState];

export function isWaitingState(s: CaseState): s is WaitingState {
  return s in waitingStates;
}
