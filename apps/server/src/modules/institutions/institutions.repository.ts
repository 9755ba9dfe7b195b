import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { InstitutionsTable } from '../../platform/tables.ts';
import type { Filters } from './institutions.schemas.ts';

export type NewInstitution = Omit<Insertable<InstitutionsTable>, 'path'>;
type Q = DB | Tx;

/**
 * Insert an institution under its parent. The ltree label comes from a sequence (n1, n2 …), so names
 * and regions can change without moving paths; the root of the network is `cn`.
 */
export async function insertInstitution(db: Q, v: NewInstitution): Promise<{ id: string; path: string }> {
  let parentPath: string | null = null;
  if (v.parent_id) {
    const p = await db.selectFrom('institutions').select('path').where('id', '=', v.parent_id).executeTakeFirstOrThrow();
    parentPath = p.path;
  }
  const path = parentPath
    ? sql<string>`(${parentPath}::ltree || ('n' || nextval('institution_label_seq'))::ltree)`
    : sql<string>`'cn'::ltree`;
  return db
    .insertInto('institutions')
    .values({ ...v, path } as never)
    .returning(['id', sql<string>`path::text`.as('path')])
    .executeTakeFirstOrThrow();
}

export async function findInstitutionByName(db: Q, name: string) {
  return db.selectFrom('institutions').selectAll().where('name', '=', name).executeTakeFirst();
}

/** A region code matches itself and the regions below it: 420000 → 42%, 420100 → 4201%, 420111 → 420111. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export const likeTerm = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Everything the API shows of an institution, with its parent's and region's names. */
export function selectFull(db: Q) {
  return db
    .selectFrom('institutions as i')
    .leftJoin('institutions as p', 'p.id', 'i.parent_id')
    .leftJoin('regions as r', 'r.code', 'i.region_code')
    .select([
      'i.id', 'i.parent_id', 'p.name as parent_name', sql<string>`i.path::text`.as('path'), 'i.name', 'i.short_name',
      'i.type', 'i.level', 'i.host', 'i.region_code', 'r.full_name as region_name', 'i.address', 'i.phone', 'i.email',
      'i.website', 'i.hours', 'i.contact_person', 'i.ip_types', 'i.services', 'i.description',
      sql<string | null>`i.established_on::text`.as('established_on'), 'i.status', 'i.closed_at', 'i.closed_reason',
      'i.created_at', 'i.updated_at',
      (eb) => eb.selectFrom('institutions as c').whereRef('c.parent_id', '=', 'i.id').select(eb.fn.countAll<number>().as('n')).as('child_count'),
    ]);
}
export type FullRow = Awaited<ReturnType<ReturnType<typeof selectFull>['executeTakeFirstOrThrow']>>;

/** The scope and the list's filters as one SQL condition on the alias `i`. */
export function filterSql(scope: Scope, f: Filters): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [inScope(scope, 'i.path')];
  if (f.q) c.push(sql<SqlBool>`(i.name ILIKE ${likeTerm(f.q)} OR i.short_name ILIKE ${likeTerm(f.q)})`);
  if (f.type) c.push(sql<SqlBool>`i.type = ${f.type}`);
  if (f.level) c.push(sql<SqlBool>`i.level = ${f.level}`);
  if (f.host) c.push(sql<SqlBool>`i.host = ${f.host}`);
  if (f.status) c.push(sql<SqlBool>`i.status = ${f.status}`);
  if (f.regionCode) c.push(sql<SqlBool>`i.region_code LIKE ${`${regionPrefix(f.regionCode)}%`}`);
  if (f.service) c.push(sql<SqlBool>`i.services @> ARRAY[${f.service}]::text[]`);
  if (f.ipType) c.push(sql<SqlBool>`i.ip_types @> ARRAY[${f.ipType}]::text[]`);
  if (f.under) c.push(sql<SqlBool>`i.path <@ (SELECT u.path FROM institutions u WHERE u.id = ${f.under})`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}

/** One page of the institutions in scope that pass the filters; pageSize null = all (the export). */
export async function listInstitutions(db: Q, scope: Scope, f: Filters, page = 1, pageSize: number | null = 20) {
  const where = filterSql(scope, f);
  let rows = selectFull(db).where(where).orderBy('i.path');
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize);
  const count = db.selectFrom('institutions as i').select((eb) => eb.fn.countAll<number>().as('n')).where(where);
  const [data, total] = await Promise.all([rows.execute(), pageSize === null ? null : count.executeTakeFirstOrThrow()]);
  return { rows: data, total: total ? Number(total.n) : data.length };
}

export async function getInstitution(db: Q, scope: Scope, id: string): Promise<FullRow | undefined> {
  return selectFull(db).where('i.id', '=', id).where(inScope(scope, 'i.path')).executeTakeFirst();
}

/** The few columns the write rules need, in scope; `lock` takes a row lock for the transaction. */
export async function findBrief(db: Q, scope: Scope, id: string, lock = false) {
  let q = db
    .selectFrom('institutions')
    .select(['id', 'parent_id', 'name', 'type', 'level', 'status', sql<string>`path::text`.as('path')])
    .where('id', '=', id)
    .where(inScope(scope, 'path'));
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type Brief = NonNullable<Awaited<ReturnType<typeof findBrief>>>;

export async function treeRows(db: Q, scope: Scope) {
  return db
    .selectFrom('institutions')
    .select(['id', 'parent_id', 'name', 'type', 'level', 'host', 'status', sql<string>`path::text`.as('path')])
    .where(inScope(scope, 'path'))
    .orderBy(sql`nlevel(path)`)
    .orderBy('name')
    .execute();
}

export async function updateInstitution(db: Q, id: string, set: Partial<Insertable<InstitutionsTable>>, now: Date) {
  await db.updateTable('institutions').set({ ...set, updated_at: now }).where('id', '=', id).execute();
}

/** Names of active institutions among `names` (other than `exceptId`). */
export async function activeNamesTaken(db: Q, names: string[], exceptId?: string): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  let q = db.selectFrom('institutions').select('name').where('status', '=', 'active').where('name', 'in', names);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return new Set((await q.execute()).map((r) => r.name));
}

export async function existingRegionCodes(db: Q, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

/** What keeps an institution from closing: its active children and the people holding roles there. */
export async function closeBlockers(db: Q, id: string): Promise<{ children: string[]; roleHolders: number }> {
  const [children, holders] = await Promise.all([
    db.selectFrom('institutions').select('name').where('parent_id', '=', id).where('status', '=', 'active').orderBy('name').execute(),
    db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .where('r.institution_id', '=', id)
      .where('u.status', '=', 'active')
      .select((eb) => eb.fn.count<number>('r.user_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { children: children.map((c) => c.name), roleHolders: Number(holders.n) };
}

/** The distinct levels of the direct children, for the level rule on update. */
export async function childLevels(db: Q, id: string): Promise<string[]> {
  const rows = await db.selectFrom('institutions').select('level').distinct().where('parent_id', '=', id).execute();
  return rows.map((r) => r.level);
}

/**
 * Move a subtree: every path under `nodePath` gets `newParentPath` in place of `oldParentPath`,
 * in one statement, and the node gets its new parent. Returns the number of rows moved.
 */
export async function moveSubtree(db: Q, node: { id: string; path: string }, oldParentPath: string, newParent: { id: string; path: string }, now: Date) {
  const r = await sql`
    UPDATE institutions
       SET path = ${newParent.path}::ltree || subpath(path, nlevel(${oldParentPath}::ltree)),
           parent_id = CASE WHEN id = ${node.id} THEN ${newParent.id}::uuid ELSE parent_id END,
           updated_at = CASE WHEN id = ${node.id} THEN ${now} ELSE updated_at END
     WHERE path <@ ${node.path}::ltree`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Moves run one at a time across the network, so two crossing moves cannot deadlock or build a cycle. */
export async function serializeMoves(db: Q): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7301101)`.execute(db);
}

/** Lock a subtree's rows (the node and every descendant) for the rest of the transaction. */
export async function lockSubtree(db: Q, path: string): Promise<void> {
  await sql`SELECT id FROM institutions WHERE path <@ ${path}::ltree FOR UPDATE`.execute(db);
}

/** The national root (`cn`) exists in every deployment; created on first start, renamed freely afterwards. */
export async function ensureRootInstitution(db: DB): Promise<{ id: string; path: string }> {
  const found = await db.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path')]).where('path', '=', 'cn').executeTakeFirst();
  if (found) return found;
  return insertInstitution(db, { parent_id: null, name: '国家知识产权局', type: 'authority', level: 'national' });
}
