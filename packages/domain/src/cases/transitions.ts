import { doc, notify, pauseDeadlines, resumeDeadlines, startDeadline, stopDeadline, type CaseEffect } from './effects.ts';
import type { CaseEvent } from './events.ts';
import * as g from './guards.ts';
import type { CasePermission } from './permissions.ts';
import { openCaseStates, type CaseState } from './states.ts';

/**
 * Where a transition goes: a state; 'same' (the state does not change, e.g. reassign); or 'back'
 * (leave a waiting state for the state it was entered from — see `waitingStates`).
 */
export type TransitionTarget = CaseState | 'same' | 'back';

export interface CaseTransition {
  readonly from: readonly CaseState[];
  readonly event: CaseEvent;
  readonly to: TransitionTarget;
  readonly permission: CasePermission;
  /** Where the server evaluates the permission: the case's institution (default) or the transfer's target. */
  readonly at?: 'case' | 'transferTarget';
  readonly guard?: g.CaseGuard;
  readonly effects: readonly CaseEffect[];
}

/** States from which a case can be transferred to another institution. */
const handoverFrom = ['submitted', 'awaiting_supplement', 'accepted', 'assigned', 'in_progress'] as const;
const workingStates = ['accepted', 'assigned', 'in_progress', 'under_review'] as const;

const reason = (zh: string, en: string) => g.requireText('reason', zh, en);

/**
 * Reopen (my call): a concluded case may be reopened by an administrator or supervisor, with a
 * reason, until it is archived (e.g. the follow-up visit finds the matter unresolved). It goes back
 * to the handler, and a signed-off opinion must be signed off again. Archived, withdrawn and
 * declined cases are final: a new application starts a new case.
 */
export const caseTransitions: readonly CaseTransition[] = [
  { from: ['draft'], event: 'submit', to: 'submitted', permission: 'case.submit', guard: g.applicantOwnOrStaff,
    effects: [doc('receipt'), notify('applicant', 'received'), notify('intake', 'new_case'), startDeadline('acceptance')] },
  { from: ['submitted'], event: 'requestSupplement', to: 'awaiting_supplement', permission: 'case.accept',
    guard: reason('请写明需要补正的材料', 'Say what material is missing'),
    effects: [doc('supplement_request'), notify('applicant', 'supplement_requested'), pauseDeadlines] },
  { from: ['in_progress'], event: 'requestSupplement', to: 'awaiting_supplement', permission: 'case.handle',
    guard: g.all(g.isHandler, reason('请写明需要补正的材料', 'Say what material is missing')),
    effects: [doc('supplement_request'), notify('applicant', 'supplement_requested'), pauseDeadlines] },
  { from: ['awaiting_supplement'], event: 'supplement', to: 'back', permission: 'case.supplement',
    guard: g.all(g.applicantOwnOrStaff, g.supplementGiven),
    effects: [notify('handler', 'supplemented'), notify('intake', 'supplemented'), resumeDeadlines] },
  { from: ['submitted'], event: 'accept', to: 'accepted', permission: 'case.accept', guard: g.validTrack,
    effects: [doc('acceptance_notice'), notify('applicant', 'accepted'), stopDeadline('acceptance'), startDeadline('handling')] },
  { from: ['submitted', 'awaiting_supplement'], event: 'decline', to: 'declined', permission: 'case.accept',
    guard: g.all(g.notYetAccepted, reason('请填写不予受理的理由', 'Give the reason for declining')),
    effects: [doc('decline_notice'), notify('applicant', 'declined'), stopDeadline('acceptance')] },
  { from: ['accepted'], event: 'assign', to: 'assigned', permission: 'case.assign',
    guard: g.all(g.handlerGiven, g.unassigned), effects: [notify('handler', 'assigned')] },
  { from: ['assigned', 'in_progress', 'under_review'], event: 'reassign', to: 'same', permission: 'case.assign',
    guard: g.all(g.handlerGiven, g.differentHandler, reason('请填写改派理由', 'Give the reason for reassigning')),
    effects: [notify('handler', 'assigned'), notify('previous_handler', 'reassigned')] },
  { from: ['assigned'], event: 'start', to: 'in_progress', permission: 'case.handle', guard: g.isHandler,
    effects: [notify('applicant', 'in_progress')] },
  { from: ['in_progress'], event: 'submitForReview', to: 'under_review', permission: 'case.handle', guard: g.isHandler,
    effects: [notify('reviewers', 'review_requested'), startDeadline('review')] },
  { from: ['under_review'], event: 'returnForRework', to: 'in_progress', permission: 'case.review',
    guard: g.all(g.notHandler, g.requireText('comments', '请填写退回意见', 'Write the comments for the handler')),
    effects: [notify('handler', 'returned_for_rework'), stopDeadline('review')] },
  { from: ['under_review'], event: 'signOff', to: 'in_progress', permission: 'case.review', guard: g.notHandler,
    effects: [notify('handler', 'signed_off'), stopDeadline('review')] },
  { from: ['in_progress'], event: 'conclude', to: 'concluded', permission: 'case.handle',
    guard: g.all(g.isHandler, g.requireText('result', '请填写办理结果', 'Record the result'), g.signedOffIfOpinion),
    effects: [doc('guidance_letter'), notify('applicant', 'concluded'), stopDeadline('handling'), startDeadline('follow_up')] },
  { from: ['concluded'], event: 'reopen', to: 'in_progress', permission: 'case.reopen',
    guard: reason('请填写重新办理的理由', 'Give the reason for reopening'),
    effects: [notify('handler', 'reopened'), notify('applicant', 'reopened'), stopDeadline('follow_up'), startDeadline('handling')] },
  { from: ['concluded'], event: 'archive', to: 'archived', permission: 'case.archive', effects: [stopDeadline('follow_up')] },
  { from: handoverFrom, event: 'transfer', to: 'transferred', permission: 'case.transfer',
    guard: g.all(g.targetInstitution, reason('请填写移交理由', 'Give the reason for the transfer')),
    effects: [doc('transfer_letter'), notify('receiving_institution', 'transfer_received'), notify('applicant', 'transferred')] },
  { from: ['transferred'], event: 'acceptTransfer', to: 'accepted', permission: 'case.transfer.receive', at: 'transferTarget',
    effects: [doc('acceptance_notice'), notify('sending_institution', 'transfer_accepted'), notify('applicant', 'accepted'),
      stopDeadline('acceptance'), startDeadline('handling')] },
  { from: ['transferred'], event: 'returnTransfer', to: 'back', permission: 'case.transfer.receive', at: 'transferTarget',
    guard: reason('请填写退回理由', 'Give the reason for returning the case'),
    effects: [notify('sending_institution', 'transfer_returned')] },
  { from: ['accepted', 'assigned', 'in_progress'], event: 'refer', to: 'referred', permission: 'case.refer',
    guard: g.all(g.referralBody, reason('请填写转办事由', 'Give the reason for the referral')),
    effects: [doc('referral_letter'), notify('applicant', 'referred'), startDeadline('referral_feedback')] },
  { from: ['referred'], event: 'recordReferralFeedback', to: 'back', permission: 'case.referral.feedback',
    guard: g.requireText('feedback', '请填写转办单位的反馈', "Record the body's feedback"),
    effects: [notify('handler', 'referral_feedback'), stopDeadline('referral_feedback')] },
  { from: openCaseStates, event: 'withdraw', to: 'withdrawn', permission: 'case.withdraw', guard: g.applicantOnly,
    effects: [notify('handler', 'withdrawn'), notify('intake', 'withdrawn'), stopDeadline('acceptance'),
      stopDeadline('handling'), stopDeadline('review'), stopDeadline('referral_feedback')] },
  { from: [...workingStates, 'referred'], event: 'suspend', to: 'suspended', permission: 'case.suspend',
    guard: reason('请填写中止理由', 'Give the reason for suspending'),
    effects: [notify('applicant', 'suspended'), notify('handler', 'suspended'), pauseDeadlines] },
  { from: ['suspended'], event: 'resume', to: 'back', permission: 'case.suspend',
    effects: [notify('applicant', 'resumed'), notify('handler', 'resumed'), resumeDeadlines] },
];

/** The row for an event in a state, if any (rows of one event never share a `from` state). */
export function findTransition(state: CaseState, event: CaseEvent): CaseTransition | undefined {
  return caseTransitions.find((t) => t.event === event && t.from.includes(state));
}

/** The events the table allows in a state (before permissions and guards). */
export function eventsFrom(state: CaseState): CaseEvent[] {
  return [...new Set(caseTransitions.filter((t) => t.from.includes(state)).map((t) => t.event))];
}
