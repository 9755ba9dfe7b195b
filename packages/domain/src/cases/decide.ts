import type { CaseEffect } from './effects.ts';
import { caseEvents, isCaseEvent, type CaseEvent } from './events.ts';
import { forbidden, illegalTransition, refuse, type CaseRefusal } from './refusals.ts';
import type { CaseActor, CasePayload, CaseSnapshot } from './snapshot.ts';
import { isWaitingState, waitingStates, type CaseState } from './states.ts';
import { findTransition, type CaseTransition } from './transitions.ts';

export interface CaseDecision {
  readonly ok: true;
  readonly event: CaseEvent;
  readonly from: CaseState;
  readonly to: CaseState;
  readonly effects: readonly CaseEffect[];
  /** The case after the event: what the server writes. */
  readonly next: CaseSnapshot;
}

export type CaseDecisionResult = CaseDecision | CaseRefusal;

/**
 * Whether `actor` may apply `event` to the case, and with what result. Checks, in order: the
 * event exists, the table has a row for it in this state (409), the actor holds the row's
 * permission (403), the row's guard (the payload and who acts). Pure: no clock, no I/O.
 */
export function decide(
  snapshot: CaseSnapshot,
  event: string,
  actor: CaseActor,
  payload: CasePayload = {},
): CaseDecisionResult {
  if (!isCaseEvent(event)) return refuse('unknown_event', `未知的操作“${event}”`, `Unknown action "${event}"`);
  const row = findTransition(snapshot.state, event);
  if (!row) return illegalTransition(snapshot.state, event);
  if (!actor.permissions.includes(row.permission)) return forbidden(event);
  const refusal = row.guard?.(snapshot, actor, payload);
  if (refusal) return refusal;
  const to = targetOf(row, snapshot);
  return { ok: true, event, from: snapshot.state, to, effects: row.effects, next: applyTransition(snapshot, row, to, payload) };
}

function targetOf(row: CaseTransition, c: CaseSnapshot): CaseState {
  if (row.to === 'same') return c.state;
  if (row.to !== 'back') return row.to;
  if (!isWaitingState(c.state)) throw new Error(`Table error: '${row.event}' goes back from a non-waiting state`);
  const back = c[waitingStates[c.state]];
  if (back === null) throw new Error(`Case in '${c.state}' does not record the state it came from`);
  return back;
}

function applyTransition(c: CaseSnapshot, row: CaseTransition, to: CaseState, p: CasePayload): CaseSnapshot {
  let next: CaseSnapshot = { ...c, state: to };
  // Entering a waiting state remembers where from; leaving it by 'back' forgets.
  if (isWaitingState(to) && to !== c.state) next = { ...next, [waitingStates[to]]: c.state };
  if (row.to === 'back' && isWaitingState(c.state)) next = { ...next, [waitingStates[c.state]]: null };
  switch (row.event) {
    case 'accept':
      return { ...next, track: p.track ?? c.track };
    case 'assign':
    case 'reassign':
      return { ...next, handlerId: p.handlerId! };
    case 'returnForRework':
    case 'reopen':
      return { ...next, opinionSignedOff: false };
    case 'signOff':
      return { ...next, opinionSignedOff: true };
    case 'transfer':
      return { ...next, transferTo: p.toInstitutionId! };
    case 'acceptTransfer':
      // The receiving institution takes the case over and assigns its own handler.
      return { ...next, institutionId: c.transferTo!, transferTo: null, transferredFrom: null, handlerId: null };
    case 'returnTransfer':
      return { ...next, transferTo: null };
    case 'withdraw':
      return { ...next, suspendedFrom: null, supplementFrom: null, referredFrom: null, transferredFrom: null, transferTo: null };
    default:
      return next;
  }
}

/** The events an actor can apply now (for the `abilities` the server sends to the web app). */
export function availableEvents(
  snapshot: CaseSnapshot,
  actor: CaseActor,
  events: readonly CaseEvent[] = caseEvents,
): CaseEvent[] {
  return events.filter((e) => {
    const row = findTransition(snapshot.state, e);
    return row !== undefined && actor.permissions.includes(row.permission);
  });
}
