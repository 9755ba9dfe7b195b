import { sql } from 'kysely';
import { rolePermissions, type Permission, type Role } from '../../authz/roles.ts';
import type { DB, Tx } from '../../platform/db.ts';

/** Who at an institution is told about a case: active staff by role, found through role_assignments. */
type Q = DB | Tx;

/** Active users holding one of `roles` at exactly this institution. */
export async function staffWithRoles(db: Q, institutionId: string, roles: readonly Role[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.institution_id', '=', institutionId)
    .where('ra.role', 'in', [...roles])
    .where('u.status', '=', 'active')
    .orderBy('ra.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The intake desk of an institution: its clerks, else (none registered) its administrators. */
export async function intakeStaff(db: Q, institutionId: string): Promise<string[]> {
  const clerks = await staffWithRoles(db, institutionId, ['intake_clerk']);
  return clerks.length > 0 ? clerks : staffWithRoles(db, institutionId, ['institution_admin']);
}

/** Clerks and administrators of an institution (a transfer's receiving or sending side). */
export const clerksAndAdmins = (db: Q, institutionId: string) => staffWithRoles(db, institutionId, ['intake_clerk', 'institution_admin']);

const rolesWith = (p: Permission) => (Object.keys(rolePermissions) as Role[]).filter((r) => rolePermissions[r].includes(p));

/**
 * Holders of a permission nearest to the case: at its institution, else at the closest institution
 * above it that has any (a workstation without its own reviewer is reviewed by the centre above).
 */
export async function nearestHolders(db: Q, institutionPath: string, permission: Permission): Promise<string[]> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['ra.user_id', sql<number>`nlevel(i.path)`.as('depth')])
    .where(sql<boolean>`i.path @> ${institutionPath}::ltree`)
    .where('ra.role', 'in', rolesWith(permission))
    .where('u.status', '=', 'active')
    .execute();
  const deepest = Math.max(...rows.map((r) => r.depth));
  return [...new Set(rows.filter((r) => r.depth === deepest).map((r) => r.user_id))].sort();
}
