import { sql } from 'kysely';
import { rolePermissions, type Permission, type Role } from '../../authz/roles.ts';
import type { DB, Tx } from '../../platform/db.ts';

/**
 * Who is told about a case: active staff found through role_assignments. Roles reach down their
 * subtree, so the staff "of" an institution are those holding the role there or, when it has none
 * (a workstation without its own clerk), at the closest institution above it that has some.
 */
type Q = DB | Tx;

/** Active holders of one of `roles` nearest to the institution at `path` (its own, else the closest above). */
export async function nearestWithRoles(db: Q, path: string, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['ra.user_id', sql<number>`nlevel(i.path)`.as('depth')])
    .where(sql<boolean>`i.path @> ${path}::ltree`)
    .where('ra.role', 'in', [...roles])
    .where('u.status', '=', 'active')
    .execute();
  const deepest = Math.max(...rows.map((r) => r.depth));
  return [...new Set(rows.filter((r) => r.depth === deepest).map((r) => r.user_id))].sort();
}

const rolesWith = (p: Permission) => (Object.keys(rolePermissions) as Role[]).filter((r) => rolePermissions[r].includes(p));

/** Holders of a permission nearest to the institution (e.g. the reviewers of a case). */
export const nearestHolders = (db: Q, path: string, permission: Permission) => nearestWithRoles(db, path, rolesWith(permission));

/** The intake desk: the nearest clerks, else the nearest administrators. */
export async function intakeStaff(db: Q, path: string): Promise<string[]> {
  const clerks = await nearestWithRoles(db, path, ['intake_clerk']);
  return clerks.length > 0 ? clerks : nearestWithRoles(db, path, ['institution_admin']);
}

/** The clerks and administrators who take in or send a transfer (case.transfer.receive holders, nearest). */
export const transferDesk = (db: Q, path: string) => nearestHolders(db, path, 'case.transfer.receive');

export async function institutionPath(db: Q, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('institutions').select(sql<string>`path::text`.as('path')).where('id', '=', id).executeTakeFirst();
  return r?.path;
}
