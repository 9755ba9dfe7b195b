import type { CaseEvent } from '@yuanzhi/domain';

/** What the modal of an event asks: exactly the payload `POST /api/cases/:id/transitions` takes for it. */
export type PayloadFieldKind = 'textarea' | 'text' | 'handler' | 'institution' | 'referralBody' | 'track';

export interface PayloadField {
  name: string;
  kind: PayloadFieldKind;
  required: boolean;
  /** Key of the field's label in the cases dictionary. */
  label: string;
}

const f = (name: string, kind: PayloadFieldKind, required: boolean, label: string): PayloadField => ({ name, kind, required, label });
const reason = (label: string) => f('reason', 'textarea', true, label);

export const eventFields: Record<CaseEvent, PayloadField[]> = {
  submit: [],
  requestSupplement: [reason('fMissing')],
  supplement: [f('note', 'textarea', true, 'fSupplementNote')],
  accept: [f('track', 'track', false, 'fTrack'), f('note', 'textarea', false, 'fNote')],
  decline: [reason('fDeclineReason')],
  assign: [f('handlerId', 'handler', true, 'fHandler')],
  reassign: [f('handlerId', 'handler', true, 'fNewHandler'), reason('fReassignReason')],
  start: [],
  submitForReview: [f('note', 'textarea', false, 'fNote')],
  returnForRework: [f('comments', 'textarea', true, 'fReworkComments')],
  signOff: [f('comments', 'textarea', false, 'fSignOffComments')],
  conclude: [f('result', 'textarea', true, 'fResult')],
  reopen: [reason('fReopenReason')],
  archive: [],
  transfer: [f('toInstitutionId', 'institution', true, 'fToInstitution'), reason('fTransferReason')],
  acceptTransfer: [],
  returnTransfer: [reason('fReturnReason')],
  // The body's name is no field of the API: it goes in front of the reason. The reply date is computed (referral_feedback deadline).
  refer: [f('body', 'referralBody', true, 'fReferralBody'), f('bodyName', 'text', false, 'fBodyName'), reason('fReferReason')],
  recordReferralFeedback: [f('feedback', 'textarea', true, 'fFeedback')],
  withdraw: [f('reason', 'textarea', false, 'fReason')],
  suspend: [reason('fSuspendReason')],
  resume: [],
};

/** Fields the API knows for an event (all but the UI-only `bodyName`). */
const apiFields = (event: CaseEvent) => eventFields[event].map((x) => x.name).filter((n) => n !== 'bodyName');

/** The payload to send: only the event's fields, texts trimmed, empty ones left out (the domain names what is missing). */
export function buildPayload(event: CaseEvent, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of apiFields(event)) {
    const v = values[name];
    if (typeof v === 'string') {
      if (v.trim()) out[name] = v.trim();
    } else if (v !== undefined && v !== null) out[name] = v;
  }
  if (event === 'refer') {
    const bodyName = typeof values.bodyName === 'string' ? values.bodyName.trim() : '';
    if (bodyName && typeof out.reason === 'string') out.reason = `【${bodyName}】${out.reason}`;
  }
  return out;
}

/** Server field names that are not form fields of the modal. */
export const serverFieldRename: Record<string, string> = { attachments: 'note' };

/** Events whose button is "dangerous" (red). */
export const dangerEvents: readonly CaseEvent[] = ['decline', 'returnForRework', 'suspend', 'returnTransfer', 'withdraw'];

/** Order of the action bar: the main step first. */
export const eventOrder: readonly CaseEvent[] = [
  'accept', 'acceptTransfer', 'assign', 'start', 'submitForReview', 'signOff', 'conclude', 'supplement', 'recordReferralFeedback',
  'resume', 'archive', 'requestSupplement', 'reassign', 'refer', 'transfer', 'returnForRework', 'returnTransfer', 'reopen',
  'suspend', 'decline', 'withdraw', 'submit',
];

export function orderEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return [...events].sort((a, b) => eventOrder.indexOf(a) - eventOrder.indexOf(b));
}
