import type { CaseEvent, CasePayload, Deadline } from '@yuanzhi/domain';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { notifyTransition } from './case-notifications.ts';
import type { EffectReport } from './cases.effects.ts';
import type { CaseRow } from './cases.repository.ts';
import { assertFollowUpsClosed, dropOpenFollowUps, scheduleFollowUp } from './follow-ups.ts';
import { indexCase } from '../search/search.index.ts';
import { indexCaseAfterCommit } from '../search/search.case-job.ts';

export interface AfterTransitionInput {
  /** The case row before the transition. */
  row: CaseRow;
  event: CaseEvent;
  payload: CasePayload;
  next: { handlerId: string | null; institutionId: string };
  actorId: string;
  /** The deadlines just stored. */
  deadlines: readonly Deadline[];
  effects: readonly EffectReport[];
  /** A submission whose number is taken last (ADR 0043): collects the ids of its notices (case-notifications.ts). */
  pendingNumber?: string[];
}

/**
 * What a transition does besides its state, in its transaction (transitionLocked calls this once, after
 * the case, its event and its deadlines are written): the follow-up visit (scheduled on conclusion,
 * dropped on reopen, required before archiving — a refusal here rolls the whole transition back) and the
 * notices. Returns the effect reports.
 */
export async function afterTransition(tx: Tx, deps: Deps, t: AfterTransitionInput): Promise<EffectReport[]> {
  if (t.event === 'archive') await assertFollowUpsClosed(tx, t.row.id);
  if (t.event === 'conclude') await scheduleFollowUp(tx, t.row.id, t.deadlines);
  if (t.event === 'reopen') await dropOpenFollowUps(tx, t.row.id);
  // Number, state and owning institution may all have changed: the search entry follows (ADR 0016) — for a
  // submission still without its number, after the commit (ADR 0043).
  if (t.pendingNumber) await indexCaseAfterCommit(deps, tx, t.row.id);
  else await indexCase(tx, t.row.id);
  return notifyTransition(tx, deps, t, t.effects);
}
