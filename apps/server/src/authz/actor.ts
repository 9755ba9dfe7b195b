import type { Role } from './roles.ts';

export interface RoleGrant {
  role: Role;
  institutionId: string;
  /** ltree path of the institution, e.g. cn.n1.n7 */
  institutionPath: string;
}

/** Who is making the request, as loaded from the session. */
export interface Actor {
  userId: string;
  kind: 'staff' | 'expert' | 'volunteer' | 'applicant';
  displayName: string;
  grants: RoleGrant[];
  sessionId: string;
}
