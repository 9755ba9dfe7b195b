import { sql, type Insertable } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';
import type { InstitutionsTable } from '../../platform/tables.ts';

export type NewInstitution = Omit<Insertable<InstitutionsTable>, 'path'>;

/**
 * Insert an institution under its parent. The ltree label comes from a sequence (n1, n2 …), so names
 * and regions can change without moving paths; the root of the network is `cn`.
 */
export async function insertInstitution(db: DB | Tx, v: NewInstitution): Promise<{ id: string; path: string }> {
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

export async function findInstitutionByName(db: DB | Tx, name: string) {
  return db.selectFrom('institutions').selectAll().where('name', '=', name).executeTakeFirst();
}
