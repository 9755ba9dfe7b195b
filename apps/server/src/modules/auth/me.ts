import { rolePermissions, roleNames, type Permission } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import type { SessionState } from './session.ts';

export type NextStep = 'done' | 'mfa' | 'mfa_setup' | 'change_password';

/** What the signed-in user must still do before the session is complete. */
export function nextStep(s: SessionState, totpEnabled: boolean): NextStep {
  if (totpEnabled && !s.mfaPassed) return 'mfa';
  if (s.mustChangePassword || s.passwordExpired) return 'change_password';
  if (s.mfaNeeded && !s.mfaPassed) return 'mfa_setup';
  return 'done';
}

export async function buildMe(deps: Deps, s: SessionState) {
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', s.userId).executeTakeFirstOrThrow();
  const ids = s.actor.grants.map((g) => g.institutionId);
  const names = ids.length
    ? await deps.db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const permissions = new Set<Permission>();
  for (const g of s.actor.grants) for (const p of rolePermissions[g.role]) permissions.add(p);
  return {
    id: u.id,
    kind: u.kind,
    displayName: u.display_name,
    username: u.username,
    email: u.email,
    phoneMasked: u.phone_masked,
    partyKind: u.party_kind,
    orgName: u.org_name,
    grants: s.actor.grants.map((g) => ({
      role: g.role,
      roleName: roleNames[g.role],
      institutionId: g.institutionId,
      institutionName: nameOf.get(g.institutionId) ?? '',
      institutionPath: g.institutionPath,
    })),
    permissions: [...permissions].sort(),
    totpEnabled: u.totp_enabled,
    mustChangePassword: s.mustChangePassword || s.passwordExpired,
    next: nextStep(s, u.totp_enabled),
  };
}
export type Me = Awaited<ReturnType<typeof buildMe>>;
