import { sql } from 'kysely';
import type { DB, Tx } from '../../../platform/db.ts';
import type { Indicator } from '../indicators.types.ts';
import { addMonths, monthsBetween } from './cube.months.ts';

/** The indicators the cube holds (set by the registry; an indicator outside it is always read live). */
let cubed: readonly Indicator[] = [];
const cubedIds = new Set<string>();

export function useCubeIndicators(list: readonly Indicator[]): void {
  cubed = list.filter((i) => i.cube);
  cubedIds.clear();
  for (const i of cubed) cubedIds.add(i.id);
}

export function inCube(id: string): boolean {
  return cubedIds.has(id);
}

/** Every writer of the cube takes it first, inside its transaction: one writer at a time, each batch on its own. */
export const LOCK = sql`pg_advisory_xact_lock(hashtext('stats_cube'))`;
/** Each institution with itself and every ancestor (`top`): a few thousand rows, hash-joined to the sums. */
const ancestors = sql`(SELECT i.id, a.id AS top FROM institutions i JOIN institutions a ON a.path @> i.path)`;

/** Empty the cube and seal every month from `from` up to (not including) `to`. */
export async function rebuild(db: DB, from: string, to: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT ${LOCK}`.execute(trx);
    await sql`DELETE FROM stats_cube_dirty`.execute(trx);
    await sql`TRUNCATE stats_cube_leaf, stats_cube_self, stats_cube_total, stats_cube_month`.execute(trx);
    await seal(trx, from, to);
  });
}

/**
 * Seal the months [from, to), none sealed yet, in one transaction. Their marks are taken before they are computed,
 * so a write committed meanwhile stays marked (and is recomputed later). Returns false, doing nothing, when one of
 * them was sealed meanwhile.
 */
export async function sealMonths(db: DB, from: string, to: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT ${LOCK}`.execute(trx);
    const had = await sql`SELECT 1 FROM stats_cube_month WHERE month >= ${from}::date AND month < ${to}::date`.execute(trx);
    if (had.rows.length) return false;
    await sql`DELETE FROM stats_cube_dirty WHERE month >= ${from}::date AND month < ${to}::date`.execute(trx);
    await seal(trx, from, to);
    return true;
  });
}

/**
 * Compute the sealed months [from, to) afresh, in one transaction: cheaper than recomputing pair by pair once most
 * of a month is dirty (a bulk rewrite), and a run of months costs little more than one (the indicator statements
 * read their tables once either way). Their marks are taken first, as in sealMonth. Returns the marks taken.
 */
export async function resealMonths(db: DB, from: string, to: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT ${LOCK}`.execute(trx);
    const range = sql`month >= ${from}::date AND month < ${to}::date`;
    const { rows } = await sql`DELETE FROM stats_cube_dirty WHERE ${range} RETURNING 1`.execute(trx);
    const ids = cubed.map((i) => i.id);
    for (const table of ['stats_cube_leaf', 'stats_cube_self', 'stats_cube_total']) {
      await sql`DELETE FROM ${sql.table(table)} WHERE indicator = ANY(${ids}::text[]) AND ${range}`.execute(trx);
    }
    await sql`DELETE FROM stats_cube_month WHERE ${range}`.execute(trx);
    await seal(trx, from, to);
    return rows.length;
  });
}

/**
 * Recompute at most `limit` dirty pairs of one sealed month, in one transaction; returns how many were taken
 * (0: none left in that month, or it is not sealed). With `wait: false` (a read) it gives up at once, returning
 * null, when another writer holds the lock: a read never waits for the refresh job's step.
 */
export async function recomputeBatch(db: DB, month: string, limit: number, opts: { wait?: boolean } = {}): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (opts.wait === false) {
      const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('stats_cube')) AS ok`.execute(trx);
      if (!got.rows[0]!.ok) return null;
    } else await sql`SELECT ${LOCK}`.execute(trx);
    const { rows } = await sql<{ institution_id: string }>`DELETE FROM stats_cube_dirty d WHERE d.month = ${month}::date
      AND EXISTS (SELECT 1 FROM stats_cube_month m WHERE m.month = d.month)
      AND d.institution_id IN (SELECT institution_id FROM stats_cube_dirty WHERE month = ${month}::date ORDER BY institution_id LIMIT ${limit})
      RETURNING d.institution_id`.execute(trx);
    await recompute(trx, month, rows.map((r) => r.institution_id));
    return rows.length;
  });
}

async function seal(trx: Tx, from: string, to: string): Promise<void> {
  for (const ind of cubed) {
    await sql`INSERT INTO stats_cube_leaf (indicator, month, institution_id, ip_type, channel, applicant_kind, overseas, num, den, cnt)
      SELECT ${ind.id}, s.* FROM (${ind.cube!.rows(from, to)}) s`.execute(trx);
  }
  await sql`INSERT INTO stats_cube_self (indicator, institution_id, month, num, den, cnt)
    SELECT indicator, institution_id, month, sum(num), sum(den), sum(cnt) FROM stats_cube_leaf
    WHERE month >= ${from}::date AND month < ${to}::date GROUP BY 1, 2, 3`.execute(trx);
  await sql`INSERT INTO stats_cube_total (indicator, institution_id, month, num, den, cnt)
    SELECT s.indicator, a.top, s.month, sum(s.num), sum(s.den), sum(s.cnt)
    FROM stats_cube_self s JOIN ${ancestors} a ON a.id = s.institution_id
    WHERE s.month >= ${from}::date AND s.month < ${to}::date GROUP BY 1, 2, 3`.execute(trx);
  await sql`INSERT INTO stats_cube_month (month) SELECT unnest(${monthsBetween(from, to)}::date[])`.execute(trx);
}

/** Recompute sealed pairs of one month: leaf rows afresh, institution and subtree sums moved by the difference (old rows out, new rows in). */
async function recompute(trx: Tx, month: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const here = sql`institution_id = ANY(${ids}::uuid[]) AND month = ${month}::date`;
  await sql`CREATE TEMP TABLE IF NOT EXISTS stats_cube_delta (indicator text, month date, institution_id uuid, num bigint, den bigint, cnt bigint) ON COMMIT DROP`.execute(trx);
  await sql`INSERT INTO stats_cube_delta SELECT indicator, month, institution_id, -sum(num), -sum(den), -sum(cnt)
    FROM stats_cube_leaf WHERE ${here} GROUP BY 1, 2, 3`.execute(trx);
  await sql`DELETE FROM stats_cube_leaf WHERE ${here}`.execute(trx);
  for (const ind of cubed) {
    await sql`INSERT INTO stats_cube_leaf (indicator, month, institution_id, ip_type, channel, applicant_kind, overseas, num, den, cnt)
      SELECT ${ind.id}, s.* FROM (${ind.cube!.rows(month, addMonths(month, 1), ids)}) s`.execute(trx);
  }
  await sql`INSERT INTO stats_cube_delta SELECT indicator, month, institution_id, sum(num), sum(den), sum(cnt)
    FROM stats_cube_leaf WHERE ${here} GROUP BY 1, 2, 3`.execute(trx);
  await sql`INSERT INTO stats_cube_self (indicator, institution_id, month, num, den, cnt)
    SELECT indicator, institution_id, month, sum(num), sum(den), sum(cnt) FROM stats_cube_delta GROUP BY 1, 2, 3
    ON CONFLICT (indicator, month, institution_id) DO UPDATE
      SET num = stats_cube_self.num + excluded.num, den = stats_cube_self.den + excluded.den, cnt = stats_cube_self.cnt + excluded.cnt`.execute(trx);
  await sql`INSERT INTO stats_cube_total (indicator, institution_id, month, num, den, cnt)
    SELECT d.indicator, a.top, d.month, sum(d.num), sum(d.den), sum(d.cnt)
    FROM stats_cube_delta d JOIN ${ancestors} a ON a.id = d.institution_id GROUP BY 1, 2, 3
    ON CONFLICT (indicator, institution_id, month) DO UPDATE
      SET num = stats_cube_total.num + excluded.num, den = stats_cube_total.den + excluded.den, cnt = stats_cube_total.cnt + excluded.cnt`.execute(trx);
  await sql`DELETE FROM stats_cube_delta`.execute(trx);
}
