import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import type { Permission } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import type { AuditContext, AuditEvent } from '../audit/audit.record.ts';
import { findUserInScope, grantsOf, type GrantRow, type UserRow } from './users.repository.ts';

export interface Target {
  user: UserRow;
  grants: GrantRow[];
}

export const userNotFound = () => NotFound('user', '用户');

/** The account if one of its roles lies in the actor's scope for the permission; otherwise 404. */
export async function loadTarget(deps: Deps, actor: Actor, permission: Permission, id: string): Promise<Target> {
  const t = await findTarget(deps, actor, permission, id);
  if (!t) throw userNotFound();
  return t;
}

export async function findTarget(deps: Deps, actor: Actor, permission: Permission, id: string): Promise<Target | undefined> {
  const user = await findUserInScope(deps.db, scopeFor(actor, permission), id);
  return user ? { user, grants: await grantsOf(deps.db, [user.id]) } : undefined;
}

export const notOnOwnAccount = (field?: string) =>
  new AppError(409, 'own_account', '不能对自己的账号执行此操作', 'You cannot do this to your own account', field);

/** Audit event for an account: filed under the institution of its first role, so audit scopes find it. */
export function userEvent(t: Target, action: string, detail?: Record<string, unknown>): AuditEvent {
  const g = t.grants[0];
  return { action, objectType: 'user', objectId: t.user.id, institutionId: g?.institutionId, institutionPath: g?.institutionPath, detail };
}

export type { AuditContext };

/** A unique index lost a race with another request: answer like the pre-check would have. */
export function mapUniqueViolation(e: unknown): never {
  const err = e as { code?: string; constraint?: string };
  if (err.code === '23505') {
    if (err.constraint === 'users_username_key') throw Conflict('username_taken', '用户名已被使用', 'This user name is taken', 'username');
    if (err.constraint === 'users_email') throw emailTakenError();
    if (err.constraint === 'users_phone') throw phoneTakenError();
    if (err.constraint === 'role_assignments_user_id_role_institution_id_key') throw roleHeldError();
  }
  throw e;
}

export const emailTakenError = () => Conflict('email_taken', '该电子邮箱已被其他账号使用', 'This e-mail address is used by another account', 'email');
export const phoneTakenError = () => Conflict('phone_taken', '该手机号码已被其他账号使用', 'This mobile number is used by another account', 'phone');
export const roleHeldError = () => Conflict('role_held', '该用户已在此机构担任该角色', 'The user already holds this role at this institution', 'role');
