/**
 * What the server does after a transition, in the same transaction (enqueued as jobs): notices to
 * people, documents to generate, deadlines to (re)compute. Declarative, so the table can be read.
 */
export type NoticeRecipient =
  | 'applicant'
  | 'handler'
  | 'previous_handler'
  | 'reviewers'
  | 'intake'
  | 'receiving_institution'
  | 'sending_institution';

export type CaseDocumentKind =
  | 'receipt'
  | 'acceptance_notice'
  | 'decline_notice'
  | 'supplement_request'
  | 'transfer_letter'
  | 'referral_letter'
  | 'guidance_letter';

export type DeadlineKind = 'acceptance' | 'handling' | 'review' | 'referral_feedback' | 'follow_up';

export type CaseEffect =
  | { readonly notify: NoticeRecipient; readonly template: string }
  | { readonly document: CaseDocumentKind }
  | { readonly deadline: 'start' | 'stop'; readonly kind: DeadlineKind }
  | { readonly deadline: 'pause' | 'resume' };

export const notify = (to: NoticeRecipient, template: string): CaseEffect => ({ notify: to, template });
export const doc = (kind: CaseDocumentKind): CaseEffect => ({ document: kind });
export const startDeadline = (kind: DeadlineKind): CaseEffect => ({ deadline: 'start', kind });
export const stopDeadline = (kind: DeadlineKind): CaseEffect => ({ deadline: 'stop', kind });
export const pauseDeadlines: CaseEffect = { deadline: 'pause' };
export const resumeDeadlines: CaseEffect = { deadline: 'resume' };
