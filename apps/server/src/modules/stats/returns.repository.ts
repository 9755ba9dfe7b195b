import { sql } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import { rolePermissions, roles, type Permission } from '../../authz/roles.ts';
import type { DB, Tx } from '../../platform/db.ts';

/**
 * The institutions that file returns: centres and sub-centres. Workstations and intake offices are in
 * their parent's figures (a return covers the institution's whole subtree), and IP administrations
 * supervise rather than file.
 */
export const FILING_TYPES = ['protection_center', 'assistance_center', 'rapid_center', 'sub_center', 'overseas_center'] as const;

export interface FilingInstitution {
  id: string;
  name: string;
  path: string;
  level: string;
}

export async function filingInstitutions(db: DB | Tx, scope: Scope): Promise<FilingInstitution[]> {
  return db.selectFrom('institutions').select(['id', 'name', 'path', 'level'])
    .where('status', '=', 'active').where('type', 'in', [...FILING_TYPES]).where(inScope(scope, 'path'))
    .orderBy(sql`nlevel(path)`).orderBy('name').execute();
}

export async function institutionInScope(db: DB | Tx, scope: Scope, id: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'path', 'type', 'level'])
    .where('id', '=', id).where(inScope(scope, 'path')).executeTakeFirst();
}

export async function findReturn(db: DB | Tx, institutionId: string, period: string, lock = false) {
  let q = db.selectFrom('stat_returns').selectAll().where('institution_id', '=', institutionId).where('period', '=', period);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function returnById(db: DB | Tx, scope: Scope, id: string, lock = false) {
  let q = db.selectFrom('stat_returns').selectAll().where('id', '=', id).where(inScope(scope, 'institution_path'));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type ReturnRow = NonNullable<Awaited<ReturnType<typeof findReturn>>>;

/** Accepted returns of the period strictly below a path: what rolls up (funds, notable practices). */
export async function acceptedBelow(db: DB | Tx, path: string, period: string) {
  return db.selectFrom('stat_returns as r').innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.id', 'i.name', 'r.funds_spent', 'r.practices', 'r.institution_path'])
    .where('r.status', '=', 'accepted').where('r.period', '=', period)
    .where(sql<boolean>`r.institution_path <@ ${path}::ltree AND r.institution_path <> ${path}::ltree`)
    .orderBy('i.name').execute();
}

/** Notable practices of accepted returns of a year (any period kind of it) inside a scope, for the yearly report. */
export async function practicesOfYear(db: DB | Tx, scope: Scope, year: number, underPath?: string) {
  let q = db.selectFrom('stat_returns as r').innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['i.name', 'i.region_code', 'r.practices', 'r.period'])
    .where('r.status', '=', 'accepted').where(sql<boolean>`left(r.period, 4) = ${String(year)}`).where(inScope(scope, 'r.institution_path'));
  if (underPath) q = q.where(sql<boolean>`r.institution_path <@ ${underPath}::ltree`);
  return q.orderBy('i.region_code').orderBy('i.name').execute();
}

/** Holders of a permission at an institution exactly (filers of its return). */
export async function holdersAt(db: DB | Tx, institutionId: string, permission: Permission): Promise<string[]> {
  const rs = roles.filter((r) => rolePermissions[r].includes(permission));
  const rows = await db.selectFrom('role_assignments as ra').innerJoin('users as u', 'u.id', 'ra.user_id').select('ra.user_id')
    .where('ra.institution_id', '=', institutionId).where('ra.role', 'in', rs).where('u.status', '=', 'active').execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** The reviewers of a return: holders of the review permission at the nearest ancestor that has any. */
export async function nearestReviewers(db: DB | Tx, path: string): Promise<string[]> {
  const rs = roles.filter((r) => rolePermissions[r].includes('stats.return.review'));
  const rows = await db.selectFrom('role_assignments as ra').innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['ra.user_id', sql<number>`nlevel(i.path)`.as('depth')])
    .where('ra.role', 'in', rs).where('u.status', '=', 'active')
    .where(sql<boolean>`i.path @> ${path}::ltree AND i.path <> ${path}::ltree`).execute();
  const deepest = Math.max(...rows.map((r) => Number(r.depth)));
  return [...new Set(rows.filter((r) => Number(r.depth) === deepest).map((r) => r.user_id))];
}
