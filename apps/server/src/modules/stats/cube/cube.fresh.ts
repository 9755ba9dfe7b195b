import { AsyncLocalStorage } from 'node:async_hooks';
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

const LOCK = sql`pg_advisory_xact_lock(hashtext('stats_cube'))`;
/** Each institution with itself and every ancestor (`top`): a few thousand rows, hash-joined to the sums. */
const ancestors = sql`(SELECT i.id, a.id AS top FROM institutions i JOIN institutions a ON a.path @> i.path)`;

/**
 * Make the cube answer for [from, to) exactly as the records do now: recompute the (institution, month) pairs
 * written since they were sealed, then seal the months of the range not sealed yet. Under one advisory lock; the
 * dirty marks are taken before the months are computed, so a write committed meanwhile stays marked for the next read.
 */
export function ensureFresh(db: DB, from: string, to: string): Promise<void> {
  const memo = read.getStore();
  if (!memo) return freshen(db, from, to);
  const key = `fresh ${from} ${to}`;
  if (!memo.has(key)) memo.set(key, freshen(db, from, to));
  return memo.get(key) as Promise<void>;
}

/**
 * One read of several figures (a summary): the cube is made fresh once per range for all of them, and lookups
 * kept for its length. Writes committed after the read began may or may not be seen, as with any read.
 */
const read = new AsyncLocalStorage<Map<string, Promise<unknown>>>();
export function oneRead<T>(fn: () => Promise<T>): Promise<T> {
  return read.getStore() ? fn() : read.run(new Map(), fn);
}

/** A value looked up once per read (outside a read: every time). */
export function perRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = read.getStore();
  if (!memo) return load();
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as Promise<T>;
}

async function freshen(db: DB, from: string, to: string): Promise<void> {
  const months = monthsBetween(from, to);
  const { rows } = await sql<{ dirty: boolean; sealed: number }>`SELECT
      EXISTS (SELECT 1 FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month) AS dirty,
      (SELECT count(*)::int FROM stats_cube_month WHERE month >= ${from}::date AND month < ${to}::date) AS sealed`.execute(db);
  if (!rows[0]!.dirty && rows[0]!.sealed === months.length) return;
  await db.transaction().execute(async (trx) => {
    await sql`SELECT ${LOCK}`.execute(trx);
    const sealed = new Set((await sql<{ month: string }>`SELECT to_char(month, 'YYYY-MM-DD') AS month FROM stats_cube_month`.execute(trx)).rows.map((r) => r.month));
    const missing = months.filter((m) => !sealed.has(m));
    const { rows: dirty } = await sql<{ institution_id: string; month: string }>`
      DELETE FROM stats_cube_dirty WHERE month IN (SELECT month FROM stats_cube_month) OR month = ANY(${missing}::date[])
      RETURNING institution_id, to_char(month, 'YYYY-MM-DD') AS month`.execute(trx);
    await recompute(trx, dirty.filter((d) => sealed.has(d.month)));
    for (const [a, b] of runs(missing)) await seal(trx, a, b);
  });
}

/** Empty the cube and seal every month from `from` up to (not including) `to`. */
export async function rebuild(db: DB, from: string, to: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT ${LOCK}`.execute(trx);
    await sql`DELETE FROM stats_cube_dirty`.execute(trx);
    await sql`TRUNCATE stats_cube_leaf, stats_cube_self, stats_cube_total, stats_cube_month`.execute(trx);
    await seal(trx, from, to);
  });
}

function runs(months: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    if (last && last[1] === m) last[1] = addMonths(m, 1);
    else out.push([m, addMonths(m, 1)]);
  }
  return out;
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

/** Recompute sealed pairs: leaf rows afresh, institution and subtree sums moved by the difference (old rows out, new rows in). */
async function recompute(trx: Tx, pairs: { institution_id: string; month: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  const ids = [...new Set(pairs.map((p) => p.institution_id))];
  const months = [...new Set(pairs.map((p) => p.month))].sort();
  const here = sql`institution_id = ANY(${ids}::uuid[]) AND month = ANY(${months}::date[])`;
  await sql`CREATE TEMP TABLE stats_cube_delta (indicator text, month date, institution_id uuid, num bigint, den bigint, cnt bigint) ON COMMIT DROP`.execute(trx);
  await sql`INSERT INTO stats_cube_delta SELECT indicator, month, institution_id, -sum(num), -sum(den), -sum(cnt)
    FROM stats_cube_leaf WHERE ${here} GROUP BY 1, 2, 3`.execute(trx);
  await sql`DELETE FROM stats_cube_leaf WHERE ${here}`.execute(trx);
  const to = addMonths(months[months.length - 1]!, 1);
  for (const ind of cubed) {
    await sql`INSERT INTO stats_cube_leaf (indicator, month, institution_id, ip_type, channel, applicant_kind, overseas, num, den, cnt)
      SELECT ${ind.id}, s.* FROM (${ind.cube!.rows(months[0]!, to, ids)}) s WHERE s.month = ANY(${months}::date[])`.execute(trx);
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
}
