import { sql } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { staffRoles } from '../../authz/roles.ts';

/** Institutions, staff members and active experts in the scope, for the roster picker (names only). */
export async function rosterCandidates(db: DB, scope: Scope) {
  const [institutions, staff, experts] = await Promise.all([
    db.selectFrom('institutions').select(['id', 'name']).where(inScope(scope, 'path')).where('status', '=', 'active').orderBy('path').limit(500).execute(),
    db
      .selectFrom('users as u')
      .innerJoin('role_assignments as g', 'g.user_id', 'u.id')
      .innerJoin('institutions as i', 'i.id', 'g.institution_id')
      .select(['u.id', 'u.display_name as name', sql<string>`min(i.name)`.as('institution')])
      .where(inScope(scope, 'i.path'))
      .where('g.role', 'in', [...staffRoles])
      .where('u.status', '=', 'active')
      .groupBy(['u.id', 'u.display_name'])
      .orderBy('u.display_name')
      .limit(500)
      .execute(),
    db.selectFrom('experts').select(['id', 'name', 'employer']).where(inScope(scope, 'institution_path')).where('status', '=', 'active').orderBy('name').limit(500).execute(),
  ]);
  return { institutions, staff, experts };
}
