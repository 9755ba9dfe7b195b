import {
  caseEventLabels, decide, findTransition, isCaseEvent, refusalStatus, type CaseEffect, type CaseEvent, type CasePayload,
  type CaseSnapshot, type CaseState, type Track,
} from '@yuanzhi/domain';
import type { Updateable } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError, Conflict } from '../../platform/errors.ts';
import type { CasesTable } from '../../platform/tables.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { actingRole, caseActorFor, caseNotFound, canSeeCase } from './cases.access.ts';
import { checkTransitionInput, type TransitionExtras } from './cases.transition-input.ts';
import { storeDeadlines } from './cases.deadlines.ts';
import { plannedEffects, type EffectReport } from './cases.effects.ts';
import { afterTransition } from './case-transition-hooks.ts';
import { caseDocumentEffects } from './case-documents.ts';
import { takeNumberLast } from './cases.number-last.ts';
import { appendEvent, institutionBrief, lockCase, moveAttachments, updateCase, type CaseRow } from './cases.repository.ts';

export interface TransitionResult {
  caseId: string;
  event: CaseEvent;
  from: CaseState;
  to: CaseState;
  seq: number;
  version: number;
  effects: EffectReport[];
  /** The case's number (new on a first submission). */
  caseNumber: string | null;
  /** When it happened (the event's time; a submission's submitted_at). */
  at: Date;
}

export interface TransitionOptions {
  /** Optimistic lock: the version the caller saw; another version answers 409. */
  expectedVersion?: number;
  /** Upload ids that come with the event (supplement): attached to the case in the same transaction. */
  attachmentIds?: readonly string[];
}

/** The domain's snapshot of a case row. */
export function snapshotOf(c: CaseRow): CaseSnapshot {
  return {
    state: c.state as CaseState, institutionId: c.institution_id, applicantId: c.applicant_user_id, handlerId: c.handler_id,
    services: c.services, track: c.track as Track, opinionSignedOff: c.opinion_signed_off,
    suspendedFrom: c.suspended_from as CaseState | null, supplementFrom: c.supplement_from as CaseState | null,
    transferredFrom: c.transferred_from as CaseState | null, referredFrom: c.referred_from as CaseState | null,
    transferTo: c.transfer_to_id,
  };
}

/**
 * The only writer of a case's state. One transaction: lock the row, check scope (404), ask the domain
 * (`decide`), write the case, its event, its deadlines, its notices (delivered by jobs after commit) and the audit entry.
 */
export async function transitionCase(
  deps: Deps, actor: Actor, caseId: string, event: string, payload: CasePayload, ctx: AuditContext, opts: TransitionOptions = {},
): Promise<TransitionResult> {
  const result = await deps.db.transaction().execute(async (tx) => {
    const row = await lockCase(tx, caseId);
    if (!row || row.state === 'draft' && actor.kind !== 'applicant' || !canSeeCase(actor, row)) throw caseNotFound();
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) throw staleVersion(row.version);
    return transitionLocked(tx, deps, actor, row, event, payload, ctx, opts);
  });
  return result;
}

/** The transition on a row the caller has locked (registration runs `submit` this way in its own transaction). */
export async function transitionLocked(
  tx: Tx, deps: Deps, actor: Actor, row: CaseRow, event: string, payload: CasePayload, ctx: AuditContext, opts: TransitionOptions = {},
): Promise<TransitionResult> {
  const ev = isCaseEvent(event) ? event : null;
  const domainActor = ev ? caseActorFor(actor, row, ev) : { userId: actor.userId, kind: 'staff' as const, permissions: [] };
  const extras: TransitionExtras = await checkTransitionInput(tx, deps, actor, row, ev, payload, opts);
  const d = decide(snapshotOf(row), event, domainActor, { ...payload, attachmentCount: extras.attachmentCount });
  if (!d.ok) {
    const extra = d.code === 'illegal_transition' ? { state: row.state } : undefined;
    throw new AppError(refusalStatus(d.code), d.code, d.zh, d.en, d.field, extra);
  }
  const now = deps.clock.now();
  const next = d.next;
  const set: Updateable<CasesTable> = {
    state: next.state, handler_id: next.handlerId, track: next.track, opinion_signed_off: next.opinionSignedOff,
    suspended_from: next.suspendedFrom, supplement_from: next.supplementFrom, transferred_from: next.transferredFrom,
    referred_from: next.referredFrom, transfer_to_id: next.transferTo, transfer_to_path: next.transferTo ? extras.targetPath : null,
    version: row.version + 1, updated_at: now,
  };
  // A new case's number is the last statement of the transaction (takeNumberLast): the institution's
  // number_sequences row stays locked from there to commit, and every submission there waits on it (ADR 0043).
  const numbering = d.event === 'submit' && !row.case_number ? (await institutionBrief(tx, row.institution_id))! : null;
  if (d.event === 'submit') set.submitted_at = now;
  if (d.event === 'accept' || (d.event === 'acceptTransfer' && !row.accepted_at)) set.accepted_at = now;
  if (d.event === 'acceptTransfer') {
    set.institution_id = next.institutionId;
    set.institution_path = row.transfer_to_path!;
    await moveAttachments(tx, row.id, row.transfer_to_path!);
  }
  if (d.event === 'conclude') Object.assign(set, { concluded_at: now, result: payload.result!.trim() });
  if (d.event === 'reopen') set.concluded_at = null;
  if (d.event === 'archive') set.archived_at = now;
  if (d.event === 'refer') set.referral_body = payload.body!;
  if (!numbering) await updateCase(tx, row.id, set);
  const permission = findTransition(row.state as CaseState, d.event)?.permission;
  const rolePath = findTransition(row.state as CaseState, d.event)?.at === 'transferTarget' ? row.transfer_to_path : row.institution_path;
  const seq = await appendEvent(tx, {
    case_id: row.id, event: d.event, from_state: d.from, to_state: d.to, actor_id: actor.userId, actor_name: actor.displayName,
    actor_role: actingRole(actor, rolePath, permission), at: now, reason: payload.reason?.trim() || null,
    payload: JSON.stringify(eventPayload(payload, extras)),
  });
  const deadlines = await storeDeadlines(tx, row.id, next.track, now);
  // Documents first (they number the notice), then notifications and follow-ups.
  const withDocuments = await caseDocumentEffects(tx, deps, actor, row, { event: d.event, seq, institutionId: next.institutionId, services: row.services, now }, payload,
    plannedEffects(d.effects as readonly CaseEffect[]));
  // Without its number yet, the notices carry a placeholder and the search entry is written by a job after commit.
  const pendingNumber = numbering ? ([] as string[]) : undefined;
  const effects = await afterTransition(tx, deps, {
    row, event: d.event, payload, next, actorId: actor.userId, deadlines, effects: withDocuments, ...(pendingNumber ? { pendingNumber } : {}),
  });
  const path = (set.institution_path as string | undefined) ?? row.institution_path;
  const audit = { action: `case.${d.event}`, objectType: 'case', objectId: row.id, institutionId: next.institutionId, institutionPath: path };
  let caseNumber = row.case_number;
  if (numbering) {
    // Nothing may follow this statement: it writes the case, the number into the notices and the audit entry.
    caseNumber = await takeNumberLast(tx, {
      caseId: row.id, set, institution: numbering, now, noticeIds: pendingNumber!,
      audit: { ctx, event: { ...audit, detail: { from: d.from, to: d.to, seq } } },
    });
  } else {
    await recordAudit(tx, ctx, { ...audit, detail: { from: d.from, to: d.to, seq, caseNumber } });
  }
  return { caseId: row.id, event: d.event, from: d.from, to: d.to, seq, version: row.version + 1, effects, caseNumber, at: now };
}

/** What the timeline keeps of the payload: codes, ids, counts and the texts staff wrote; no personal data. */
function eventPayload(p: CasePayload, x: TransitionExtras): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['handlerId', 'track', 'toInstitutionId', 'body', 'comments', 'feedback', 'result', 'note'] as const) {
    const v = p[k];
    if (v !== undefined && v !== '') out[k] = typeof v === 'string' ? v.trim() : v;
  }
  if (x.attachmentCount > 0) out.attachmentCount = x.attachmentCount;
  return out;
}

export const staleVersion = (current: number) =>
  new AppError(409, 'stale_version', '案件已被他人更新，请刷新后重试', 'The case was changed by someone else; reload and retry', 'version', {
    version: current,
  });

export const caseArchived = () => Conflict('case_archived', '案件已归档，只能查看', 'The case is archived and read-only');

export const eventLabel = (e: CaseEvent) => caseEventLabels[e];
