/**
 * Model-based test: random sequences of events from several people, applied to one case through
 * a tiny stand-in for the server's `transitionCase()` (permission scope + decide + event log),
 * checked after every step against a reference model that knows only the state, the handler and
 * how many events were recorded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOME, OTHER } from './case-fixtures.ts';
import { decide } from './decide.ts';
import { caseEvents, type CaseEvent } from './events.ts';
import { caseRolePermissions, type CasePermission, type CaseRole } from './permissions.ts';
import { newCaseSnapshot, type CaseActor, type CasePayload, type CaseSnapshot } from './snapshot.ts';
import { caseStates, terminalCaseStates, type CaseState } from './states.ts';
import { eventsFrom, findTransition } from './transitions.ts';

interface Person { userId: string; kind: 'applicant' | 'staff'; role: CaseRole; institutionId: string | null }
const people: Record<string, Person> = {
  applicant: { userId: 'app-1', kind: 'applicant', role: 'applicant', institutionId: null },
  clerk: { userId: 'clerk-1', kind: 'staff', role: 'intake_clerk', institutionId: HOME },
  h1: { userId: 'h1', kind: 'staff', role: 'case_handler', institutionId: HOME },
  h2: { userId: 'h2', kind: 'staff', role: 'case_handler', institutionId: HOME },
  reviewer: { userId: 'rev-1', kind: 'staff', role: 'reviewer', institutionId: HOME },
  admin: { userId: 'adm-1', kind: 'staff', role: 'institution_admin', institutionId: HOME },
  otherClerk: { userId: 'clerk-9', kind: 'staff', role: 'intake_clerk', institutionId: OTHER },
  otherAdmin: { userId: 'adm-9', kind: 'staff', role: 'institution_admin', institutionId: OTHER },
  h3: { userId: 'h3', kind: 'staff', role: 'case_handler', institutionId: OTHER },
};

interface LoggedEvent { seq: number; event: CaseEvent; by: string; from: CaseState; to: CaseState; handlerId?: string }

/** The stand-in for the server: scope decides which permissions a person holds over this case. */
class CaseStore {
  snapshot: CaseSnapshot = newCaseSnapshot({ institutionId: HOME, applicantId: 'app-1', services: ['infringement_opinion'] });
  log: LoggedEvent[] = [];
  private seq = 0;

  permissionsOf(p: Person, event: CaseEvent): readonly CasePermission[] {
    if (p.kind === 'applicant') return p.userId === this.snapshot.applicantId ? caseRolePermissions.applicant : [];
    const at = findTransition(this.snapshot.state, event)?.at === 'transferTarget' ? this.snapshot.transferTo : this.snapshot.institutionId;
    return p.institutionId === at ? caseRolePermissions[p.role] : [];
  }

  apply(event: CaseEvent, who: string, payload: CasePayload) {
    const p = people[who];
    const actor: CaseActor = { userId: p.userId, kind: p.kind, permissions: this.permissionsOf(p, event) };
    const r = decide(this.snapshot, event, actor, payload);
    if (r.ok) {
      this.snapshot = r.next;
      const handler = event === 'assign' || event === 'reassign' ? { handlerId: payload.handlerId! } : {};
      this.log.push({ seq: ++this.seq, event, by: who, from: r.from, to: r.to, ...handler });
    }
    return r;
  }
}

interface Model { state: CaseState; handlerId: string | null; recorded: number; institutionId: string }

const visited = new Set<CaseState>();
const ending: readonly CaseEvent[] = ['withdraw', 'decline'];
const detours: readonly CaseEvent[] = ['suspend', 'refer', 'transfer', 'requestSupplement', 'reassign', 'returnForRework', 'reopen'];

/**
 * Either a fully random event, or (to get deep into the table) the k-th event the table allows in
 * the current state; by a random person or by one who holds the permission (often the handler);
 * with a mostly valid payload. Random people and payloads keep most attempts refused.
 */
class EventCommand implements fc.Command<Model, CaseStore> {
  event: CaseEvent;
  constructor(
    readonly randomEvent: CaseEvent,
    readonly k: number | null,
    readonly j: number,
    readonly randomWho: string,
    payload: CasePayload,
  ) {
    this.payload = payload;
    this.event = randomEvent;
    this.who = randomWho;
  }
  who: string;
  payload: CasePayload;
  check(): boolean {
    return true;
  }
  run(m: Model, real: CaseStore): void {
    const allowed = eventsFrom(m.state);
    // Events that end the case are picked less often, so runs get deep into the table.
    // Detours (suspend, refer, transfer …) less often than the way forward, so runs get to the end.
    const lasting = allowed.filter((e) => !ending.includes(e));
    const forward = lasting.filter((e) => !detours.includes(e));
    if (this.k !== null && allowed.length > 0) {
      const r = this.k % 8;
      const pool = r === 0 || lasting.length === 0 ? allowed : r < 4 || forward.length === 0 ? lasting : forward;
      this.event = pool[Math.floor(this.k / 8) % pool.length];
    }
    if (this.j % 4 > 0) {
      // Often someone who holds the permission (and still may fail a guard, e.g. the wrong handler).
      const fit = Object.keys(people).filter((w) => real.permissionsOf(people[w], this.event).length > 0);
      const row = findTransition(m.state, this.event);
      const able = fit.filter((w) => !row || real.permissionsOf(people[w], this.event).includes(row.permission));
      if (able.length > 0) this.who = able[this.j % able.length];
      const handler = able.find((w) => people[w].userId === real.snapshot.handlerId);
      if (handler && this.j % 8 < 5) this.who = handler;
      // …and a handler who works at the case's institution.
      if (real.snapshot.institutionId === OTHER && this.payload.handlerId) this.payload = { ...this.payload, handlerId: 'h3' };
    }
    const before = structuredClone(real.snapshot);
    expect(before.state).toBe(m.state);
    const r = real.apply(this.event, this.who, this.payload);
    const row = findTransition(m.state, this.event);
    expect(caseStates).toContain(real.snapshot.state);
    if (!row) expect(r).toMatchObject({ ok: false, code: 'illegal_transition' });
    if ((terminalCaseStates as readonly string[]).includes(m.state)) expect(eventsFrom(m.state)).toEqual([]);
    if (this.who === 'otherClerk' && m.institutionId === HOME && !['acceptTransfer', 'returnTransfer'].includes(this.event)) {
      expect(r.ok).toBe(false);
    }
    if (this.event === 'withdraw' && this.who !== 'applicant') expect(r.ok).toBe(false);
    if (!r.ok) {
      // A refused event changes nothing and records nothing.
      expect(real.snapshot).toEqual(before);
      expect(real.log).toHaveLength(m.recorded);
      return;
    }
    // An accepted event is recorded exactly once, in order.
    expect(real.log).toHaveLength(m.recorded + 1);
    expect(real.log.filter((e) => e.seq === m.recorded + 1)).toEqual([
      expect.objectContaining({ event: this.event, by: this.who, from: m.state, to: r.to }),
    ]);
    // No double assignment: assign only when there was no handler; one handler at a time.
    if (this.event === 'assign') expect(m.handlerId).toBeNull();
    m.recorded++;
    m.state = r.to;
    if (this.event === 'assign' || this.event === 'reassign') m.handlerId = this.payload.handlerId!;
    if (this.event === 'acceptTransfer') {
      m.handlerId = null;
      m.institutionId = before.transferTo!;
    }
    expect(real.snapshot.handlerId).toBe(m.handlerId);
    expect(real.snapshot.institutionId).toBe(m.institutionId);
    visited.add(r.to);
  }
  toString(): string {
    return `${this.who}:${this.event}(${JSON.stringify(this.payload)})`;
  }
}

const text = fc.constantFrom(undefined, '', '说明');
const randomPayload: fc.Arbitrary<CasePayload> = fc.record({
  reason: text, result: text, comments: text, feedback: text, note: text,
  handlerId: fc.constantFrom(undefined, 'h1', 'h2'),
  toInstitutionId: fc.constantFrom(undefined, HOME, OTHER),
  body: fc.constantFrom(undefined, 'court', 'police'),
  attachmentCount: fc.constantFrom(undefined, 0, 2),
  track: fc.constantFrom(undefined, 'fast', 'standard'),
});
const goodPayload: fc.Arbitrary<CasePayload> = fc.record({
  handlerId: fc.constantFrom('h1', 'h2'),
  toInstitutionId: fc.constantFrom(HOME, OTHER),
  track: fc.constantFrom('fast' as const, 'standard' as const),
}).map((p) => ({ ...p, reason: '理由', result: '结果', comments: '意见', feedback: '反馈', body: 'mediation_committee', attachmentCount: 1 }));

const command = fc
  .tuple(
    fc.constantFrom(...caseEvents),
    fc.option(fc.noBias(fc.nat({ max: 1 << 20 })), { freq: 4 }),
    fc.noBias(fc.nat({ max: 1 << 20 })),
    fc.constantFrom(...Object.keys(people)),
    fc.oneof({ weight: 4, arbitrary: goodPayload }, { weight: 1, arbitrary: randomPayload }),
  )
  .map(([e, k, j, who, p]) => new EventCommand(e, k, j, who, p));

describe('the case state machine under random use', () => {
  it('keeps its invariants for any sequence of events by anyone', () => {
    fc.assert(
      fc.property(fc.commands([command], { maxCommands: 120, size: 'max' }), (cmds) => {
        const setup = () => ({
          model: { state: 'draft', handlerId: null, recorded: 0, institutionId: HOME } as Model,
          real: new CaseStore(),
        });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 250 },
    );
    // The runs reached every state, so the checks above were not vacuous.
    expect([...visited].sort()).toEqual(caseStates.filter((s) => s !== 'draft').sort());
  });
});
