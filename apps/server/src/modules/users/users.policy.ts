import type { Actor } from '../../authz/actor.ts';
import { can, isWithin, scopeFor } from '../../authz/can.ts';
import { grantRequires, isRole, separatedAdminRoles, staffRoles, type Role } from '../../authz/roles.ts';
import { AppError, Conflict } from '../../platform/errors.ts';
import type { GrantRow, StaffKind } from './users.repository.ts';

/**
 * Who may do what to an account.
 * - Visible: one of the user's roles lies inside the actor's scope for the permission (else 404).
 * - Grantable: a role may be given at an institution only when the actor holds `user.manage` there and
 *   holds every permission of that role there too (no privilege escalation), case permissions apart
 *   (`grantRequires` in authz/roles.ts).
 * - Manageable (user.manage writes): visible, and every role the user holds is one the actor could have
 *   granted at its institution, so an institution administrator cannot take over a higher account
 *   (e.g. reset the password of someone who is also a system administrator).
 */
export function canGrant(actor: Actor, role: Role, institutionPath: string): boolean {
  if (!can(actor, 'user.manage', { institutionPath })) return false;
  return grantRequires(role).every((p) => can(actor, p, { institutionPath }));
}

export function outranksNone(actor: Actor, grants: Pick<GrantRow, 'role' | 'institutionPath'>[]): boolean {
  return grants.every((g) => isRole(g.role) && grantRequires(g.role).every((p) => can(actor, p, { institutionPath: g.institutionPath })));
}

export function inScopeOf(actor: Actor, permission: Parameters<typeof scopeFor>[1], grants: Pick<GrantRow, 'institutionPath'>[]): boolean {
  const paths = scopeFor(actor, permission).paths;
  return grants.some((g) => paths.some((p) => isWithin(g.institutionPath, p)));
}

export const userOutranksActor = () =>
  new AppError(403, 'user_outranks_actor', '该用户持有您无权授予的角色，不能由您管理', 'This user holds a role you could not grant; you cannot manage the account');

export const roleNotGrantable = (field: string) =>
  new AppError(403, 'role_not_grantable', '不能授予超出自身权限的角色', 'You cannot grant a role with permissions you do not hold there', field);

/** The roles an account of each kind may hold. */
export function roleFitsKind(role: Role, kind: StaffKind): boolean {
  if (kind === 'staff') return (staffRoles as readonly string[]).includes(role);
  return role === kind;
}

/** The three 等保 administrators are never one person. */
export function checkSeparation(roles: string[], field: string): void {
  const held = new Set(roles.filter((r) => separatedAdminRoles.includes(r as Role)));
  if (held.size > 1) {
    throw Conflict('admin_roles_separated', '系统管理员、安全管理员、审计管理员不得由同一用户兼任', 'The system, security and audit administrator roles must be held by different users', field);
  }
}

export interface Abilities {
  update: boolean;
  manageRoles: boolean;
  resetPassword: boolean;
  unlock: boolean;
  resetMfa: boolean;
  reveal: boolean;
}

export function abilitiesFor(actor: Actor, userId: string, grants: GrantRow[]): Abilities {
  const manage = inScopeOf(actor, 'user.manage', grants) && outranksNone(actor, grants);
  const security = inScopeOf(actor, 'user.security', grants);
  const self = actor.userId === userId;
  return {
    update: manage,
    manageRoles: manage && !self,
    resetPassword: (manage || security) && !self,
    unlock: security,
    resetMfa: security && !self,
    reveal: inScopeOf(actor, 'pii.reveal', grants),
  };
}
