import { caseEventLabels, type CaseEvent } from './events.ts';
import { caseStateLabels, type CaseState } from './states.ts';

/** Why an event was refused; `field` names the payload field at fault. */
export interface CaseRefusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
}

export type RefusalCode =
  | 'unknown_event'
  | 'illegal_transition'
  | 'forbidden'
  | 'missing_field'
  | 'invalid_field'
  | 'not_applicant'
  | 'not_handler'
  | 'same_person'
  | 'already_assigned'
  | 'same_handler'
  | 'same_institution'
  | 'opinion_not_signed_off'
  | 'already_accepted';

/** The HTTP status the server answers a refusal with. */
export function refusalStatus(code: RefusalCode): 400 | 403 | 409 | 422 {
  if (code === 'forbidden' || code === 'not_applicant' || code === 'not_handler' || code === 'same_person') return 403;
  if (code === 'missing_field' || code === 'invalid_field' || code === 'same_handler' || code === 'same_institution') {
    return 422;
  }
  if (code === 'unknown_event') return 400;
  return 409;
}

export function refuse(code: RefusalCode, zh: string, en: string, field?: string): CaseRefusal {
  return field === undefined ? { ok: false, code, zh, en } : { ok: false, code, zh, en, field };
}

export function illegalTransition(state: CaseState, event: CaseEvent): CaseRefusal {
  const s = caseStateLabels[state];
  const e = caseEventLabels[event];
  const article = /^[aeiou]/.test(s.enAdjective) ? 'An' : 'A';
  return refuse(
    'illegal_transition',
    `当前状态“${s.zh}”不能执行“${e.zh}”`,
    `${article} ${s.enAdjective} case cannot be ${e.enPassive}`,
  );
}

export function forbidden(event: CaseEvent): CaseRefusal {
  const e = caseEventLabels[event];
  return refuse('forbidden', `您无权执行“${e.zh}”`, `You are not permitted to ${e.en.toLowerCase()} this case`);
}

export function missing(field: string, zh: string, en: string): CaseRefusal {
  return refuse('missing_field', zh, en, field);
}
