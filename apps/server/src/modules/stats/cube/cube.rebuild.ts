import { sql } from 'kysely';
import type { DB } from '../../../platform/db.ts';
import { rebuild } from './cube.write.ts';
import { currentMonth, monthsBetween } from './cube.months.ts';

/** The first CST month any cubed record is dated in (null: no records). */
export async function firstMonth(db: DB): Promise<string | null> {
  const day = (col: string, table: string) => sql`(SELECT min(${sql.ref(col)})::timestamp AT TIME ZONE 'Asia/Shanghai' FROM ${sql.table(table)})`;
  const { rows } = await sql<{ m: string | null }>`SELECT to_char(stats_cube_month_of(least(
      (SELECT min(least(submitted_at, accepted_at, concluded_at)) FROM cases), (SELECT min(at) FROM case_events),
      (SELECT min(asked_at) FROM consultations), (SELECT min(starts_at) FROM trainings),
      ${day('occurred_on', 'history_records')}, ${day('held_on', 'outreach_activities')}, ${day('starts_on', 'onsite_events')},
      ${day('taken_on', 'onsite_complaints')}, ${day('on_date', 'onsite_consultations')}, ${day('starts_on', 'analysis_projects')})), 'YYYY-MM-DD') AS m`.execute(db);
  return rows[0]?.m ?? null;
}

/** Seal every complete month from the first record on, from scratch (`stats:cube:rebuild`, the end of bench:generate). */
export async function rebuildCube(db: DB): Promise<{ months: number; rows: number; seconds: number }> {
  const t0 = performance.now();
  const from = await firstMonth(db);
  const to = currentMonth();
  await rebuild(db, from && from < to ? from : to, to);
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM stats_cube_leaf`.execute(db);
  return { months: from && from < to ? monthsBetween(from, to).length : 0, rows: Number(rows[0]!.n), seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
