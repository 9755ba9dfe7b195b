import { sql, type Selectable } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { OutreachActivitiesTable } from '../../platform/tables.ts';
import type { OutreachFilters } from './outreach.schemas.ts';

export type OutreachRow = Selectable<OutreachActivitiesTable> & { institution_name: string; held_on_text: string };

function base(db: DB | Tx, scope: Scope, f: OutreachFilters) {
  let q = db.selectFrom('outreach_activities as o').innerJoin('institutions as i', 'i.id', 'o.institution_id')
    .selectAll('o').select(['i.name as institution_name', sql<string>`to_char(o.held_on, 'YYYY-MM-DD')`.as('held_on_text')]).where(inScope(scope, 'o.institution_path'));
  if (f.year) q = q.where(sql<boolean>`extract(year FROM o.held_on) = ${f.year}`);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  return q;
}

/** A page of activities in scope, newest first, with the count and the reach summed over the whole filter. */
export async function listOutreach(db: DB, scope: Scope, f: OutreachFilters, page: number, pageSize: number) {
  const q = base(db, scope, f);
  const [rows, totals] = await Promise.all([
    q.orderBy('o.held_on', 'desc').orderBy('o.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    q.clearSelect().select([
      sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(o.reach_people), 0)::float8`.as('people'), sql<number>`coalesce(sum(o.reach_views), 0)::float8`.as('views'),
    ]).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as OutreachRow[], total: totals.n, reach: { people: totals.people, views: totals.views } };
}

export async function getOutreach(db: DB | Tx, scope: Scope, id: string): Promise<OutreachRow | undefined> {
  return (await base(db, scope, {}).where('o.id', '=', id).executeTakeFirst()) as OutreachRow | undefined;
}
