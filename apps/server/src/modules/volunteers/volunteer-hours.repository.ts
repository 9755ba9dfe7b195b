import { sql } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import { ymd } from '../registries/fields.ts';
import type { Q } from '../registries/registry.def.ts';

/** Service hours: one volunteer's log, and totals per volunteer, team or institution over a period, in scope. */
export async function volunteerLog(db: Q, volunteerId: string) {
  const rows = await db.selectFrom('volunteer_hours').selectAll().where('volunteer_id', '=', volunteerId)
    .orderBy('served_on', 'desc').orderBy('created_at', 'desc').limit(500).execute();
  return rows.map((h) => ({ id: h.id, servedOn: ymd(h.served_on), activity: h.activity, hours: Number(h.hours) }));
}

const sum = (rows: { hours: string | number | null; n: number }[]) => ({ hours: Number(rows[0]?.hours ?? 0), sessions: rows[0]?.n ?? 0 });

export async function volunteerTotal(db: Q, volunteerId: string) {
  return sum(await db.selectFrom('volunteer_hours').select([sql<string>`coalesce(sum(hours), 0)`.as('hours'), sql<number>`count(*)::int`.as('n')])
    .where('volunteer_id', '=', volunteerId).execute());
}

export async function teamTotals(db: Q, teamId: string) {
  return sum(await db.selectFrom('volunteer_hours').select([sql<string>`coalesce(sum(hours), 0)`.as('hours'), sql<number>`count(*)::int`.as('n')])
    .where('team_id', '=', teamId).execute());
}

export type TotalsBy = 'volunteer' | 'team' | 'institution';

/** Totals over [from, to] grouped by volunteer, team or institution (where the hours were served), largest first. */
export async function hourTotals(db: Q, scope: Scope, by: TotalsBy, from: string | undefined, to: string | undefined) {
  let q = db.selectFrom('volunteer_hours as h').where(inScope(scope, 'h.institution_path'));
  if (from) q = q.where('h.served_on', '>=', from);
  if (to) q = q.where('h.served_on', '<=', to);
  const agg = [sql<string>`sum(h.hours)`.as('hours'), sql<number>`count(*)::int`.as('sessions'), sql<number>`count(DISTINCT h.volunteer_id)::int`.as('volunteers')] as const;
  const rows = by === 'volunteer'
    ? await q.innerJoin('volunteers as v', 'v.id', 'h.volunteer_id').innerJoin('volunteer_teams as t', 't.id', 'h.team_id')
      .select(['h.volunteer_id as id', 'v.name as name', 't.name as team', ...agg]).groupBy(['h.volunteer_id', 'v.name', 't.name']).orderBy(sql`sum(h.hours)`, 'desc').execute()
    : by === 'team'
      ? await q.innerJoin('volunteer_teams as t', 't.id', 'h.team_id').select(['h.team_id as id', 't.name as name', sql<null>`null`.as('team'), ...agg])
        .groupBy(['h.team_id', 't.name']).orderBy(sql`sum(h.hours)`, 'desc').execute()
      : await q.innerJoin('institutions as i', 'i.id', 'h.institution_id').select(['h.institution_id as id', 'i.name as name', sql<null>`null`.as('team'), ...agg])
        .groupBy(['h.institution_id', 'i.name']).orderBy(sql`sum(h.hours)`, 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, team: r.team, hours: Number(r.hours), sessions: r.sessions, volunteers: r.volunteers }));
}
