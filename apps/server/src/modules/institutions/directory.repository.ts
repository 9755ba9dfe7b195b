import { sql, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db.ts';
import { likeTerm, regionPrefix, selectFull } from './institutions.repository.ts';
import type { DirectoryFilters } from './institutions.schemas.ts';

/**
 * The public directory reads across the whole network (no Scope: it is public by design) and only
 * ever shows active institutions; the presenter keeps the public fields.
 */
function directoryWhere(f: Omit<DirectoryFilters, 'page' | 'pageSize'>): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [sql<SqlBool>`i.status = 'active'`];
  // ILIKE '%q%' on name is served by the trigram index (institutions_name_trgm) from 3 characters on.
  if (f.q) c.push(sql<SqlBool>`(i.name ILIKE ${likeTerm(f.q)} OR i.short_name ILIKE ${likeTerm(f.q)})`);
  if (f.regionCode) c.push(sql<SqlBool>`i.region_code LIKE ${`${regionPrefix(f.regionCode)}%`}`);
  if (f.type) c.push(sql<SqlBool>`i.type = ${f.type}`);
  if (f.service) c.push(sql<SqlBool>`i.services @> ARRAY[${f.service}]::text[]`);
  if (f.ipType) c.push(sql<SqlBool>`i.ip_types @> ARRAY[${f.ipType}]::text[]`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}

export async function searchDirectory(db: DB, f: DirectoryFilters) {
  const { page, pageSize, ...filters } = f;
  const where = directoryWhere(filters);
  let q = selectFull(db).where(where);
  q = f.q ? q.orderBy(sql`similarity(i.name, ${f.q})`, 'desc') : q;
  q = q.orderBy(sql`nlevel(i.path)`).orderBy('i.region_code').orderBy('i.name').limit(pageSize).offset((page - 1) * pageSize);
  const [rows, total] = await Promise.all([
    q.execute(),
    db.selectFrom('institutions as i').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getDirectoryEntry(db: DB, id: string) {
  return selectFull(db).where('i.id', '=', id).where('i.status', '=', 'active').executeTakeFirst();
}
