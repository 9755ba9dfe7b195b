import { z } from 'zod';
import { permissions, roleNames, roles, rolePermissions } from '../../authz/roles.ts';
import type { Abilities } from './users.policy.ts';
import type { GrantRow, UserRow } from './users.repository.ts';

export const UserOut = z.object({
  id: z.string(),
  kind: z.enum(['staff', 'expert', 'volunteer', 'applicant']),
  username: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(z.object({ id: z.string(), role: z.string(), institutionId: z.string(), institutionName: z.string() })),
});
export type UserOut = z.infer<typeof UserOut>;

export const AbilitiesOut = z.object({
  update: z.boolean(),
  manageRoles: z.boolean(),
  resetPassword: z.boolean(),
  unlock: z.boolean(),
  resetMfa: z.boolean(),
  reveal: z.boolean(),
}) satisfies z.ZodType<Abilities>;

export const RoleOut = z.object({
  role: z.enum(roles),
  name: z.object({ zh: z.string(), en: z.string() }),
  permissions: z.array(z.enum(permissions)),
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Row → API shape. The phone is shown masked only; /reveal gives it in clear, with an audit entry. */
export function presentUser(u: UserRow, grants: GrantRow[], lockedUntil: Date | null): UserOut {
  return {
    id: u.id,
    kind: u.kind,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    phoneMasked: u.phone_masked,
    status: u.status,
    lockedUntil: iso(lockedUntil),
    totpEnabled: u.totp_enabled,
    lastLoginAt: iso(u.last_login_at),
    createdAt: iso(u.created_at)!,
    grants: grants.map((g) => ({ id: g.id, role: g.role, institutionId: g.institutionId, institutionName: g.institutionName })),
  };
}

export function presentRoles() {
  return roles.map((role) => ({ role, name: roleNames[role], permissions: [...rolePermissions[role]] }));
}
