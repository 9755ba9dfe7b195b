import { describe, expect, it } from 'vitest';
import { actors, caseIn, fullPayload, HOME, OTHER } from './case-fixtures.ts';
import { availableEvents, decide, type CaseDecisionResult } from './decide.ts';
import { caseEventLabels, caseEvents } from './events.ts';
import { casePermissions, caseRolePermissions, type CasePermission } from './permissions.ts';
import { refusalStatus } from './refusals.ts';
import type { CaseActor } from './snapshot.ts';
import { caseStateLabels, caseStates, isWaitingState, openCaseStates, terminalCaseStates, waitingStates } from './states.ts';
import { caseTransitions } from './transitions.ts';

const actorFor: Record<CasePermission, CaseActor> = {
  'case.submit': actors.applicant, 'case.supplement': actors.applicant, 'case.withdraw': actors.applicant,
  'case.accept': actors.clerk, 'case.assign': actors.admin, 'case.handle': actors.h1, 'case.review': actors.reviewer,
  'case.reopen': actors.supervisor, 'case.archive': actors.clerk, 'case.transfer': actors.clerk,
  'case.transfer.receive': actors.otherClerk, 'case.refer': actors.h1, 'case.referral.feedback': actors.clerk,
  'case.suspend': actors.h1,
};

function ok(r: CaseDecisionResult) {
  if (!r.ok) throw new Error(`refused: ${r.code} ${r.en}`);
  return r;
}

describe('the transition table', () => {
  for (const row of caseTransitions) {
    for (const from of row.from) {
      it(`${from} --${row.event}--> ${row.to}`, () => {
        const c = caseIn(from, row.event === 'assign' ? {} : { opinionSignedOff: true });
        const r = ok(decide(c, row.event, actorFor[row.permission], fullPayload));
        const expected = row.to === 'same' ? from : row.to === 'back' ? c[waitingStates[from as keyof typeof waitingStates]] : row.to;
        expect(r.to).toBe(expected);
        expect(r.next.state).toBe(expected);
        expect(r.effects).toBe(row.effects);
        expect(r.next.handlerId === null || typeof r.next.handlerId === 'string').toBe(true);
      });
    }
  }

  it('has at most one row per event and state, and a row for every event', () => {
    for (const e of caseEvents) {
      const froms = caseTransitions.filter((t) => t.event === e).flatMap((t) => t.from);
      expect(froms.length, e).toBeGreaterThan(0);
      expect(new Set(froms).size, e).toBe(froms.length);
    }
  });

  it('lets the applicant withdraw from every open state', () => {
    expect(caseTransitions.find((t) => t.event === 'withdraw')?.from.slice().sort()).toEqual([...openCaseStates].sort());
  });

  it('lets nothing leave the terminal states', () => {
    for (const s of terminalCaseStates) expect(caseTransitions.filter((t) => t.from.includes(s))).toEqual([]);
  });

  it('goes back only from waiting states, and reaches every state', () => {
    for (const t of caseTransitions.filter((x) => x.to === 'back')) for (const f of t.from) expect(isWaitingState(f)).toBe(true);
    const targets = new Set(caseTransitions.map((t) => t.to));
    for (const s of caseStates.filter((x) => x !== 'draft')) expect(targets.has(s), s).toBe(true);
  });

  it('uses only listed permissions, and some role holds each', () => {
    const granted = new Set(Object.values(caseRolePermissions).flat());
    for (const t of caseTransitions) expect(casePermissions).toContain(t.permission);
    for (const p of casePermissions) expect(granted.has(p), p).toBe(true);
  });

  it('labels every state and event in Chinese and English', () => {
    for (const s of caseStates) expect(caseStateLabels[s].zh && caseStateLabels[s].en).toBeTruthy();
    for (const e of caseEvents) expect(caseEventLabels[e].zh && caseEventLabels[e].en).toBeTruthy();
  });
});

describe('refusals', () => {
  const refused = (r: CaseDecisionResult) => {
    if (r.ok) throw new Error(`expected a refusal, got ${r.from} → ${r.to}`);
    return r;
  };

  it('names the state and the action in both languages (409)', () => {
    const r = refused(decide(caseIn('concluded'), 'accept', actors.clerk));
    expect(r).toMatchObject({ code: 'illegal_transition', zh: '当前状态“已办结”不能执行“受理”', en: 'A concluded case cannot be accepted' });
    expect(refusalStatus(r.code)).toBe(409);
    expect(refused(decide(caseIn('in_progress'), 'archive', actors.clerk)).en).toBe('An in-progress case cannot be archived');
  });

  it('refuses unknown events (400) and missing permissions (403)', () => {
    expect(refusalStatus(refused(decide(caseIn('submitted'), 'approve', actors.clerk)).code)).toBe(400);
    const r = refused(decide(caseIn('submitted'), 'accept', actors.reviewer));
    expect(r.code).toBe('forbidden');
    expect(refusalStatus(r.code)).toBe(403);
    expect(refused(decide(caseIn('transferred'), 'acceptTransfer', actors.h1)).code).toBe('forbidden');
  });

  const cases: [string, Parameters<typeof decide>, string, string?][] = [
    ['decline needs a reason', [caseIn('submitted'), 'decline', actors.clerk, { reason: '  ' }], 'missing_field', 'reason'],
    ['no decline once accepted', [caseIn('awaiting_supplement', { supplementFrom: 'in_progress', handlerId: 'h1' }), 'decline', actors.clerk, fullPayload], 'already_accepted'],
    ['request for material says what', [caseIn('submitted'), 'requestSupplement', actors.clerk, {}], 'missing_field', 'reason'],
    ['only the handler asks for material while working', [caseIn('in_progress'), 'requestSupplement', actors.h2, fullPayload], 'not_handler'],
    ['supplement brings something', [caseIn('awaiting_supplement'), 'supplement', actors.applicant, { note: '' }], 'missing_field', 'attachments'],
    ['supplement only by the own applicant', [caseIn('awaiting_supplement'), 'supplement', actors.stranger, fullPayload], 'not_applicant'],
    ['submit only by the own applicant', [caseIn('draft'), 'submit', actors.stranger, {}], 'not_applicant'],
    ['accept with a known track', [caseIn('submitted'), 'accept', actors.clerk, { track: 'slow' as never }], 'invalid_field', 'track'],
    ['assign needs a handler', [caseIn('accepted'), 'assign', actors.admin, {}], 'missing_field', 'handlerId'],
    ['assign only when unassigned', [caseIn('accepted', { handlerId: 'h1' }), 'assign', actors.admin, fullPayload], 'already_assigned'],
    ['reassign to someone else', [caseIn('in_progress'), 'reassign', actors.admin, { handlerId: 'h1', reason: 'x' }], 'same_handler', 'handlerId'],
    ['reassign needs a reason', [caseIn('in_progress'), 'reassign', actors.admin, { handlerId: 'h2' }], 'missing_field', 'reason'],
    ['only the handler starts', [caseIn('assigned'), 'start', actors.h2, {}], 'not_handler'],
    ['only the handler submits for review', [caseIn('in_progress'), 'submitForReview', actors.h2, {}], 'not_handler'],
    ['rework needs comments', [caseIn('under_review'), 'returnForRework', actors.reviewer, {}], 'missing_field', 'comments'],
    ['no one reviews their own case', [caseIn('under_review'), 'signOff', { ...actors.reviewer, userId: 'h1' }, {}], 'same_person'],
    ['conclude needs a result', [caseIn('in_progress', { opinionSignedOff: true }), 'conclude', actors.h1, {}], 'missing_field', 'result'],
    ['an opinion is signed off before concluding', [caseIn('in_progress'), 'conclude', actors.h1, fullPayload], 'opinion_not_signed_off'],
    ['only the handler concludes', [caseIn('in_progress', { opinionSignedOff: true }), 'conclude', actors.h2, fullPayload], 'not_handler'],
    ['transfer names a target', [caseIn('accepted'), 'transfer', actors.clerk, { reason: 'x' }], 'missing_field', 'toInstitutionId'],
    ['transfer elsewhere', [caseIn('accepted'), 'transfer', actors.clerk, { reason: 'x', toInstitutionId: HOME }], 'same_institution', 'toInstitutionId'],
    ['returning a transfer needs a reason', [caseIn('transferred'), 'returnTransfer', actors.otherClerk, {}], 'missing_field', 'reason'],
    ['refer names the body', [caseIn('in_progress'), 'refer', actors.h1, { reason: 'x' }], 'missing_field', 'body'],
    ['refer to a known kind of body', [caseIn('in_progress'), 'refer', actors.h1, { reason: 'x', body: 'police' }], 'invalid_field', 'body'],
    ['feedback is written down', [caseIn('referred'), 'recordReferralFeedback', actors.clerk, {}], 'missing_field', 'feedback'],
    ['withdraw only by the applicant', [caseIn('accepted'), 'withdraw', { ...actors.clerk, permissions: ['case.withdraw'] }, {}], 'not_applicant'],
    ["not another applicant's case", [caseIn('accepted'), 'withdraw', actors.stranger, {}], 'not_applicant'],
    ['suspend needs a reason', [caseIn('in_progress'), 'suspend', actors.h1, {}], 'missing_field', 'reason'],
    ['reopen needs a reason', [caseIn('concluded'), 'reopen', actors.supervisor, {}], 'missing_field', 'reason'],
  ];
  for (const [name, args, code, field] of cases) {
    it(name, () => {
      const r = refused(decide(...args));
      expect(r.code).toBe(code);
      if (field) expect(r.field).toBe(field);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en).toMatch(/^[A-Z]/);
    });
  }
});

describe('what a transition changes', () => {
  it('accept sets the track; assign and reassign set the one handler', () => {
    expect(ok(decide(caseIn('submitted'), 'accept', actors.clerk, { track: 'fast' })).next.track).toBe('fast');
    expect(ok(decide(caseIn('submitted'), 'accept', actors.clerk)).next.track).toBe('standard');
    expect(ok(decide(caseIn('accepted'), 'assign', actors.admin, { handlerId: 'h1' })).next.handlerId).toBe('h1');
    expect(ok(decide(caseIn('in_progress'), 'reassign', actors.supervisor, fullPayload)).next.handlerId).toBe('h2');
  });

  it('suspend remembers the state and resume goes back to it', () => {
    const s = ok(decide(caseIn('under_review'), 'suspend', actors.h1, { reason: '当事人申请' })).next;
    expect(s).toMatchObject({ state: 'suspended', suspendedFrom: 'under_review' });
    const r = ok(decide(s, 'resume', actors.admin)).next;
    expect(r).toMatchObject({ state: 'under_review', suspendedFrom: null });
  });

  it('a supplement returns to where the request came from', () => {
    const w = ok(decide(caseIn('in_progress'), 'requestSupplement', actors.h1, { reason: '缺少权利证明' })).next;
    expect(w.supplementFrom).toBe('in_progress');
    expect(ok(decide(w, 'supplement', actors.applicant, { attachmentCount: 2 })).next.state).toBe('in_progress');
  });

  it('a transfer moves the case when accepted, and restores it when returned', () => {
    const t = ok(decide(caseIn('assigned'), 'transfer', actors.clerk, fullPayload)).next;
    expect(t).toMatchObject({ state: 'transferred', transferTo: OTHER, transferredFrom: 'assigned', handlerId: 'h1' });
    const back = ok(decide(t, 'returnTransfer', actors.otherClerk, { reason: '不属本机构管辖' })).next;
    expect(back).toMatchObject({ state: 'assigned', transferTo: null, transferredFrom: null, institutionId: HOME, handlerId: 'h1' });
    const taken = ok(decide(t, 'acceptTransfer', actors.otherClerk)).next;
    expect(taken).toMatchObject({ state: 'accepted', institutionId: OTHER, handlerId: null, transferTo: null });
  });

  it('sign-off is recorded, and rework or reopening asks for it again', () => {
    const s = ok(decide(caseIn('under_review'), 'signOff', actors.reviewer)).next;
    expect(s).toMatchObject({ state: 'in_progress', opinionSignedOff: true });
    expect(ok(decide(s, 'conclude', actors.h1, { result: '已出具意见' })).to).toBe('concluded');
    expect(ok(decide(caseIn('under_review'), 'returnForRework', actors.reviewer, fullPayload)).next.opinionSignedOff).toBe(false);
    expect(ok(decide(caseIn('concluded'), 'reopen', actors.admin, fullPayload)).next.opinionSignedOff).toBe(false);
  });

  it('a consultation concludes without a sign-off', () => {
    const c = caseIn('in_progress', { services: ['consultation'] });
    expect(ok(decide(c, 'conclude', actors.h1, { result: '已解答' })).to).toBe('concluded');
  });

  it('declares its effects', () => {
    expect(ok(decide(caseIn('submitted'), 'accept', actors.clerk)).effects).toEqual(
      expect.arrayContaining([{ document: 'acceptance_notice' }, { notify: 'applicant', template: 'accepted' },
        { deadline: 'start', kind: 'handling' }]),
    );
    expect(ok(decide(caseIn('in_progress'), 'suspend', actors.h1, fullPayload)).effects).toContainEqual({ deadline: 'pause' });
  });

  it('lists the events an actor can offer', () => {
    expect(availableEvents(caseIn('submitted'), actors.clerk).sort()).toEqual(['accept', 'decline', 'requestSupplement', 'transfer']);
    expect(availableEvents(caseIn('in_progress'), actors.applicant)).toEqual(['withdraw']);
    expect(availableEvents(caseIn('archived'), actors.admin)).toEqual([]);
  });
});
