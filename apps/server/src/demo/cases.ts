import type { CasePayload } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../authz/actor.ts';
import type { Role } from '../authz/roles.ts';
import type { Clock } from '../platform/clock.ts';
import type { Deps } from '../platform/deps.ts';
import type { AuditContext } from '../modules/audit/audit.record.ts';
import { insertDraft, registerCase } from '../modules/cases/cases.register.ts';
import { lockCase } from '../modules/cases/cases.repository.ts';
import type { RegisterInput } from '../modules/cases/cases.schemas.ts';
import { transitionCase, transitionLocked } from '../modules/cases/cases.transition.ts';
import { recordFollowUp } from '../modules/cases/follow-ups.ts';
import { demoApplicant } from './network.ts';
import { demoCaseScripts, type Step } from './cases.scripts.ts';

/** Case-number codes of the demo institutions (WH-2026-000001 …). */
const caseCodes: Record<string, string> = {
  湖北省知识产权维权援助中心: 'HB', 武汉市知识产权维权援助中心: 'WH', 宜昌市知识产权维权援助中心: 'YC',
  襄阳市知识产权维权援助中心: 'XY', 武汉市洪山区知识产权维权援助受理处: 'WHHS',
};

/** A clock that starts weeks ago and moves forward as the demo acts, so deadlines are spread out (some overdue). */
class DemoClock implements Clock {
  /** `limit`: the real present — the demo never writes an event dated in the future. */
  constructor(private t: number, private readonly limit: number) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(days: number): void {
    this.t = Math.min(this.t + days * 86_400_000, this.limit);
  }
  set(t: number): void {
    this.t = Math.min(t, this.limit);
  }
}

export async function actorFor(deps: Deps, who: string): Promise<Actor> {
  if (who === 'applicant') {
    const u = await deps.db.selectFrom('users').select(['id', 'display_name']).where('email', '=', demoApplicant.email).executeTakeFirstOrThrow();
    return { userId: u.id, kind: 'applicant', displayName: u.display_name, grants: [], sessionId: 'demo' };
  }
  const rows = await deps.db
    .selectFrom('users as u')
    .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['u.id', 'u.kind', 'u.display_name', 'r.role', 'r.institution_id', sql<string>`i.path::text`.as('path')])
    .where('u.username', '=', who)
    .execute();
  const u = rows[0];
  return {
    userId: u.id, kind: u.kind, displayName: u.display_name, sessionId: 'demo',
    grants: rows.map((r) => ({ role: r.role as Role, institutionId: r.institution_id, institutionPath: r.path })),
  };
}

export const ctxOf = (a: Actor): AuditContext => ({
  actorId: a.userId, actorName: a.displayName, institutionId: a.grants[0]?.institutionId ?? null,
  institutionPath: a.grants[0]?.institutionPath ?? null, ip: null, requestId: 'demo',
});

/**
 * A dozen demo cases across the network, one or more in every state, made through the case services
 * (registration, transitionCase) so numbers, events, deadlines and audit entries are all consistent.
 */
export async function loadDemoCases(deps: Deps): Promise<number> {
  for (const [name, code] of Object.entries(caseCodes)) {
    await deps.db.updateTable('institutions').set({ case_code: code }).where('name', '=', name).where('case_code', 'is', null).execute();
  }
  const present = deps.clock.now().getTime() - 3_600_000;
  const start = present - 42 * 86_400_000;
  const clock = new DemoClock(start, present);
  // The documents' render jobs are enqueued like any other: once the job workers start (after the server
  // listens), the demo's issued documents are rendered in the background (ADR 0012).
  const d: Deps = { ...deps, clock };
  const actors = new Map<string, Actor>();
  const as = async (who: string) => actors.get(who) ?? actors.set(who, await actorFor(deps, who)).get(who)!;
  const ids = new Map<string, string>();
  const resolve = async (p: CasePayload): Promise<CasePayload> => {
    const out: Record<string, unknown> = { ...p };
    if (typeof p.handlerId === 'string' && !p.handlerId.includes('-')) out.handlerId = (await as(p.handlerId)).userId;
    if (typeof p.toInstitutionId === 'string' && !p.toInstitutionId.includes('-')) {
      out.toInstitutionId = (await deps.db.selectFrom('institutions').select('id').where('name', '=', p.toInstitutionId).executeTakeFirstOrThrow()).id;
    }
    return out as CasePayload;
  };
  let n = 0;
  for (const [k, script] of demoCaseScripts.entries()) {
    // Cases start two days apart over the six weeks; each then moves at its own pace.
    clock.set(start + k * 2 * 86_400_000);
    clock.advance(script.startAfterDays);
    const input = script.input as RegisterInput;
    let id: string;
    if (script.byApplicant) {
      const applicant = await as('applicant');
      const inst = await deps.db.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path')]).where('name', '=', script.byApplicant).executeTakeFirstOrThrow();
      id = await d.db.transaction().execute((tx) => insertDraft(tx, d, inst, input, { applicantUserId: applicant.userId, createdBy: applicant.userId }));
      if (script.steps.length > 0 && script.steps[0].event === 'submit') {
        await d.db.transaction().execute(async (tx) => transitionLocked(tx, d, applicant, (await lockCase(tx, id))!, 'submit', {}, ctxOf(applicant)));
      }
    } else {
      const clerk = await as(script.registeredBy ?? 'wh_clerk');
      id = (await registerCase(d, clerk, input, ctxOf(clerk))).caseId;
    }
    ids.set(script.key, id);
    for (const s of script.steps as Step[]) {
      if (script.byApplicant && s.event === 'submit') continue;
      clock.advance(s.afterDays ?? 1);
      const a = await as(s.by);
      if (s.event === 'followUp') {
        const f = s.payload as { method: 'phone'; satisfaction?: number; notes?: string };
        await recordFollowUp(d, a, id, null, { outcome: 'done', ...f }, ctxOf(a));
        continue;
      }
      if (s.event === 'submitForReview' && script.opinion) {
        await deps.db.insertInto('case_outcomes').values({
          case_id: id, service: 'infringement_opinion', data: JSON.stringify(script.opinion), updated_by: a.userId, updated_at: clock.now(),
          signed_off_at: null, signed_off_by: null,
        }).execute();
      }
      await transitionCase(d, a, id, s.event, await resolve(s.payload ?? {}), ctxOf(a));
    }
    n++;
  }
  return n;
}
