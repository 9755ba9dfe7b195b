/** Actors and cases for the tests of the case rules (not exported from the package). */
import { caseRolePermissions, type CaseRole } from './permissions.ts';
import { newCaseSnapshot, type CaseActor, type CasePayload, type CaseSnapshot } from './snapshot.ts';
import type { CaseState } from './states.ts';

export const HOME = 'inst-wh';
export const OTHER = 'inst-xy';

export function staff(userId: string, role: Exclude<CaseRole, 'applicant'>): CaseActor {
  return { userId, kind: 'staff', permissions: caseRolePermissions[role] };
}

export const actors = {
  applicant: { userId: 'app-1', kind: 'applicant', permissions: caseRolePermissions.applicant } as CaseActor,
  stranger: { userId: 'app-2', kind: 'applicant', permissions: caseRolePermissions.applicant } as CaseActor,
  clerk: staff('clerk-1', 'intake_clerk'),
  h1: staff('h1', 'case_handler'),
  h2: staff('h2', 'case_handler'),
  reviewer: staff('rev-1', 'reviewer'),
  admin: staff('adm-1', 'institution_admin'),
  supervisor: staff('sup-1', 'supervisor'),
  otherClerk: staff('clerk-9', 'intake_clerk'),
};

/** A payload that satisfies every guard (reassign goes to h2). */
export const fullPayload: CasePayload = {
  reason: '理由', handlerId: 'h2', toInstitutionId: OTHER, result: '已出具指导意见', comments: '请补充比对',
  body: 'mediation_committee', feedback: '已调解成功', note: '补充说明', attachmentCount: 1, track: 'fast',
};

/** A case in `state` as it would be there: a handler once assigned, the waiting fields set. */
export function caseIn(state: CaseState, over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  const base = newCaseSnapshot({ institutionId: HOME, applicantId: 'app-1', services: ['infringement_opinion'] });
  const assigned = ['assigned', 'in_progress', 'under_review', 'concluded', 'archived', 'suspended', 'referred'];
  return {
    ...base,
    state,
    handlerId: assigned.includes(state) ? 'h1' : null,
    opinionSignedOff: ['concluded', 'archived'].includes(state),
    suspendedFrom: state === 'suspended' ? 'in_progress' : null,
    supplementFrom: state === 'awaiting_supplement' ? 'submitted' : null,
    transferredFrom: state === 'transferred' ? 'accepted' : null,
    referredFrom: state === 'referred' ? 'in_progress' : null,
    transferTo: state === 'transferred' ? OTHER : null,
    ...over,
  };
}
