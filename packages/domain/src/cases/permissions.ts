/**
 * Case permissions. The server merges them into apps/server/src/authz/roles.ts and decides, with
 * its scope rules, which of them an actor holds over a case; `decide()` only checks the list it
 * is given. `applicant` is not a staff role: the server grants its permissions to the applicant
 * of the case (and guards check the identity again).
 */
export const casePermissions = [
  'case.submit',
  'case.supplement',
  'case.accept',
  'case.assign',
  'case.handle',
  'case.review',
  'case.reopen',
  'case.archive',
  'case.transfer',
  'case.transfer.receive',
  'case.refer',
  'case.referral.feedback',
  'case.withdraw',
  'case.suspend',
] as const;
export type CasePermission = (typeof casePermissions)[number];

export type CaseRole =
  | 'applicant'
  | 'intake_clerk'
  | 'case_handler'
  | 'reviewer'
  | 'institution_admin'
  | 'supervisor';

/**
 * Suggested grants. Handlers do not assign (no self-assignment or taking a colleague's case);
 * the institution administrator and the supervisor do. Reviewers are never handlers of the same
 * case for review events (a guard checks it).
 */
export const caseRolePermissions: Record<CaseRole, readonly CasePermission[]> = {
  applicant: ['case.submit', 'case.supplement', 'case.withdraw'],
  intake_clerk: [
    'case.submit', 'case.supplement', 'case.accept', 'case.archive', 'case.transfer', 'case.transfer.receive',
    'case.referral.feedback',
  ],
  case_handler: ['case.supplement', 'case.accept', 'case.handle', 'case.refer', 'case.referral.feedback', 'case.suspend'],
  reviewer: ['case.review'],
  institution_admin: [
    'case.accept', 'case.assign', 'case.reopen', 'case.archive', 'case.transfer', 'case.transfer.receive', 'case.refer',
    'case.suspend',
  ],
  supervisor: ['case.assign', 'case.reopen', 'case.transfer', 'case.suspend'],
};

export function isCasePermission(v: string): v is CasePermission {
  return (casePermissions as readonly string[]).includes(v);
}
