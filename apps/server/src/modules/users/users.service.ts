import { maskPhone } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import { mfaRequiredRoles, type Role } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { checkPassword } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import {
  emailTakenError, loadTarget, mapUniqueViolation, notOnOwnAccount, phoneTakenError, roleHeldError, userEvent,
  type AuditContext, type Target,
} from './users.access.ts';
import { canGrant, checkSeparation, outranksNone, roleFitsKind, roleNotGrantable, userOutranksActor } from './users.policy.ts';
import {
  deleteSessions, emailTaken, findInstitution, lockUser, phoneTaken, usernameTaken, type StaffKind,
} from './users.repository.ts';

export interface NewUserInput {
  kind: StaffKind;
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  password: string;
  roles: { role: Role; institutionId: string }[];
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  status?: 'active' | 'disabled';
}

const needsTotp = (roles: string[]) => roles.some((r) => mfaRequiredRoles.includes(r as Role));

/** The institution of a role to give: it must exist, be open, lie in scope (else 404) and the role must be grantable. */
async function checkGrant(deps: Deps, actor: Actor, kind: StaffKind, g: { role: Role; institutionId: string }, prefix: string) {
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  if (!roleFitsKind(g.role, kind)) {
    throw new AppError(422, 'role_kind_mismatch', '该角色与账号类型不符', 'This role does not fit the account kind', at('role'));
  }
  const inst = await findInstitution(deps.db, g.institutionId);
  if (!inst || !canGrantSomewhere(actor, inst.path)) throw NotFound('institution', '机构');
  if (inst.status !== 'active') {
    throw new AppError(422, 'institution_closed', '该机构已撤销，不能在此授予角色', 'The institution is closed', at('institutionId'));
  }
  if (!canGrant(actor, g.role, inst.path)) throw roleNotGrantable(at('role'));
  return inst;
}

const canGrantSomewhere = (actor: Actor, institutionPath: string) => can(actor, 'user.manage', { institutionPath });

export async function createUser(deps: Deps, actor: Actor, input: NewUserInput, ctx: AuditContext): Promise<string> {
  const username = input.username.trim().toLowerCase();
  checkSeparation(input.roles.map((r) => r.role), 'roles');
  const insts: { id: string; path: string }[] = [];
  for (const [i, g] of input.roles.entries()) insts.push(await checkGrant(deps, actor, input.kind, g, `roles.${i}`));
  const unique = new Set(input.roles.map((r) => `${r.role}@${r.institutionId}`));
  if (unique.size !== input.roles.length) throw roleHeldError();
  if (await usernameTaken(deps.db, username)) throw Conflict('username_taken', '用户名已被使用', 'This user name is taken', 'username');
  const email = input.email?.toLowerCase() ?? null;
  if (email && (await emailTaken(deps.db, email))) throw emailTakenError();
  const phoneHmac = input.phone ? deps.secrets.hmac(input.phone) : null;
  if (phoneHmac && (await phoneTaken(deps.db, phoneHmac))) throw phoneTakenError();
  checkPassword(input.password, true, username, 'password');
  const hash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const u = await tx
        .insertInto('users')
        .values({
          kind: input.kind, username, display_name: input.displayName, email,
          phone_enc: input.phone ? deps.secrets.encrypt(input.phone) : null,
          phone_hmac: phoneHmac,
          phone_masked: input.phone ? maskPhone(input.phone) : null,
          party_kind: null, org_name: null, credit_code: null,
          password_hash: hash, password_changed_at: now, must_change_password: true,
          totp_secret_enc: null, totp_required: needsTotp(input.roles.map((r) => r.role)),
          locked_until: null, last_login_at: null, created_at: now, updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('role_assignments')
        .values(input.roles.map((r) => ({ user_id: u.id, role: r.role, institution_id: r.institutionId, created_at: now })))
        .execute();
      await recordAudit(tx, ctx, {
        action: 'user.create', objectType: 'user', objectId: u.id, institutionId: insts[0]!.id, institutionPath: insts[0]!.path,
        detail: { kind: input.kind, roles: input.roles.map((r) => ({ role: r.role, institutionId: r.institutionId })) },
      });
      return u.id;
    });
  } catch (e) {
    return mapUniqueViolation(e);
  }
}

/** The account for a user.manage write: in scope (404) and not holding a role the actor could not grant (403). */
async function loadManageable(deps: Deps, actor: Actor, id: string): Promise<Target> {
  const t = await loadTarget(deps, actor, 'user.manage', id);
  if (!outranksNone(actor, t.grants)) throw userOutranksActor();
  return t;
}

export async function updateUser(deps: Deps, actor: Actor, id: string, patch: UserPatch, ctx: AuditContext): Promise<void> {
  const t = await loadManageable(deps, actor, id);
  if (patch.status === 'disabled' && id === actor.userId) throw notOnOwnAccount('status');
  const set: Record<string, unknown> = {};
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.email !== undefined) {
    const email = patch.email?.toLowerCase() ?? null;
    if (email && (await emailTaken(deps.db, email, id))) throw emailTakenError();
    set.email = email;
  }
  if (patch.phone !== undefined) {
    const hmac = patch.phone ? deps.secrets.hmac(patch.phone) : null;
    if (hmac && (await phoneTaken(deps.db, hmac, id))) throw phoneTakenError();
    set.phone_enc = patch.phone ? deps.secrets.encrypt(patch.phone) : null;
    set.phone_hmac = hmac;
    set.phone_masked = patch.phone ? maskPhone(patch.phone) : null;
  }
  if (patch.status !== undefined) set.status = patch.status;
  const fields = Object.keys(patch).filter((k) => patch[k as keyof UserPatch] !== undefined);
  if (!fields.length) return;
  try {
    await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ ...set, updated_at: deps.clock.now() }).where('id', '=', id).execute();
      if (patch.status === 'disabled') await deleteSessions(tx, id);
      const action = patch.status && patch.status !== t.user.status ? (patch.status === 'disabled' ? 'user.disable' : 'user.enable') : 'user.update';
      // Field names only: never the values (personal data).
      await recordAudit(tx, ctx, userEvent(t, action, { fields }));
    });
  } catch (e) {
    mapUniqueViolation(e);
  }
}

export async function addRole(deps: Deps, actor: Actor, id: string, g: { role: Role; institutionId: string }, ctx: AuditContext): Promise<void> {
  const t = await loadTarget(deps, actor, 'user.manage', id);
  // The separation of the three administrators is a fact about the account, whoever asks: check it first.
  checkSeparation([...t.grants.map((x) => x.role), g.role], 'role');
  if (!outranksNone(actor, t.grants)) throw userOutranksActor();
  if (id === actor.userId) throw notOnOwnAccount('role');
  const inst = await checkGrant(deps, actor, t.user.kind as StaffKind, g, ''); // applicants are never in scope
  try {
    await deps.db.transaction().execute(async (tx) => {
      await lockUser(tx, id);
      const current = await tx.selectFrom('role_assignments').select(['role', 'institution_id']).where('user_id', '=', id).execute();
      checkSeparation([...current.map((c) => c.role), g.role], 'role');
      if (current.some((c) => c.role === g.role && c.institution_id === g.institutionId)) throw roleHeldError();
      await tx.insertInto('role_assignments').values({ user_id: id, role: g.role, institution_id: g.institutionId, created_at: deps.clock.now() }).execute();
      if (needsTotp([g.role]) && !t.user.totp_required) await tx.updateTable('users').set({ totp_required: true }).where('id', '=', id).execute();
      await recordAudit(tx, ctx, {
        ...userEvent(t, 'user.role_add', { role: g.role, institutionId: g.institutionId }), institutionId: inst.id, institutionPath: inst.path,
      });
    });
  } catch (e) {
    mapUniqueViolation(e);
  }
}

/**
 * Remove one role. The last role of an account cannot be removed (409 `last_role`): a user with no
 * role lies in no one's scope and could never be managed again; disable the account instead.
 */
export async function removeRole(deps: Deps, actor: Actor, id: string, assignmentId: string, ctx: AuditContext): Promise<void> {
  const t = await loadManageable(deps, actor, id);
  if (id === actor.userId) throw notOnOwnAccount();
  const g = t.grants.find((x) => x.id === assignmentId);
  if (!g || !canGrantSomewhere(actor, g.institutionPath)) throw NotFound('role assignment', '角色授权');
  await deps.db.transaction().execute(async (tx) => {
    await lockUser(tx, id);
    const left = await tx.selectFrom('role_assignments').select('id').where('user_id', '=', id).execute();
    if (!left.some((r) => r.id === assignmentId)) throw NotFound('role assignment', '角色授权');
    if (left.length <= 1) throw Conflict('last_role', '不能移除用户的最后一个角色，如需停用请禁用账号', 'Cannot remove the last role; disable the account instead');
    await tx.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
    await recordAudit(tx, ctx, {
      ...userEvent(t, 'user.role_remove', { role: g.role, institutionId: g.institutionId }), institutionId: g.institutionId, institutionPath: g.institutionPath,
    });
  });
}
