import { sql, type Selectable } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { UsersTable } from '../../platform/tables.ts';

export type UserRow = Selectable<UsersTable>;
export type StaffKind = 'staff' | 'expert' | 'volunteer';

export interface GrantRow {
  id: string;
  userId: string;
  role: string;
  institutionId: string;
  institutionName: string;
  institutionPath: string;
}

export interface UserFilter {
  q?: string;
  role?: string;
  institutionId?: string;
  kind?: StaffKind;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

/** Some role assignment of the user lies at an institution inside the scope. */
function holdsRoleInScope(scope: Scope, extra: { role?: string; institutionId?: string } = {}) {
  return sql<boolean>`exists (
    select 1 from role_assignments ra join institutions ri on ri.id = ra.institution_id
    where ra.user_id = u.id and ${inScope(scope, 'ri.path')}
    ${extra.role ? sql`and ra.role = ${extra.role}` : sql``}
    ${extra.institutionId ? sql`and ra.institution_id = ${extra.institutionId}::uuid` : sql``})`;
}

/** One staff/expert/volunteer account, only when one of its roles lies inside the scope. */
export async function findUserInScope(db: DB | Tx, scope: Scope, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.id', '=', id)
    .where('u.kind', '!=', 'applicant')
    .where(holdsRoleInScope(scope))
    .executeTakeFirst();
}

export async function listUsers(db: DB, scope: Scope, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  let q = db
    .selectFrom('users as u')
    .where('u.kind', '!=', 'applicant')
    .where(holdsRoleInScope(scope, { role: f.role, institutionId: f.institutionId }));
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.username', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll('u').orderBy('u.display_name').orderBy('u.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function grantsOf(db: DB | Tx, userIds: string[]): Promise<GrantRow[]> {
  if (!userIds.length) return [];
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select([
      'r.id', 'r.user_id as userId', 'r.role', 'r.institution_id as institutionId', 'i.name as institutionName',
      sql<string>`i.path::text`.as('institutionPath'),
    ])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.id') // uuidv7: creation order
    .execute();
}

export async function findInstitution(db: DB | Tx, id: string) {
  return db
    .selectFrom('institutions')
    .select(['id', 'name', 'status', sql<string>`path::text`.as('path')])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Lock-outs still running, by lock subject. */
export async function activeLocks(db: DB, subjects: string[], now: Date): Promise<Map<string, Date>> {
  if (!subjects.length) return new Map();
  const rows = await db
    .selectFrom('login_locks')
    .select(['subject', 'locked_until'])
    .where('subject', 'in', subjects)
    .where('locked_until', '>', now)
    .execute();
  return new Map(rows.map((r) => [r.subject, new Date(r.locked_until)]));
}

export async function usernameTaken(db: DB | Tx, username: string): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function emailTaken(db: DB | Tx, email: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('email', '=', email);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export async function phoneTaken(db: DB | Tx, phoneHmac: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('users').select('id').where('phone_hmac', '=', phoneHmac);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export async function deleteSessions(db: DB | Tx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Serialise concurrent changes to one account's roles (separation of the three administrators). */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}
