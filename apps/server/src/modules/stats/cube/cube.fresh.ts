import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import type { DB } from '../../../platform/db.ts';
import { monthsBetween } from './cube.months.ts';
import { recomputeBatch } from './cube.write.ts';

export { inCube, rebuild, useCubeIndicators } from './cube.write.ts';

/**
 * The most a read recomputes itself (ADR 0041): this many dirty pairs in at most INLINE_MONTHS sealed months of its
 * range, and no month of the range unsealed. A day's corrections at one centre are a few pairs; 200 pairs of one
 * month cost about what its live query does. Beyond that the read answers those months live and leaves the work
 * to the `stats-cube-refresh` job.
 */
export const INLINE_PAIRS = 200;
export const INLINE_MONTHS = 2;

/** How a read asks for the refresh job (the stats routes register it per database; without one, marks wait for the nightly run). */
const askers = new WeakMap<DB, (from: string) => Promise<void>>();
export function onCubeStale(db: DB, ask: (from: string) => Promise<void>): void {
  askers.set(db, ask);
}

/**
 * The months of [from, to) the cube cannot answer now: not sealed, or with pairs written since they were sealed.
 * A few dirty pairs are recomputed here (bounded, see INLINE_PAIRS); otherwise the months are returned, to be read
 * live, and the refresh job is asked for. Once per range within one read.
 */
export function staleMonths(db: DB, from: string, to: string): Promise<Set<string>> {
  return perRead(`stale ${from} ${to}`, async () => {
    let found = await check(db, from, to);
    if (found.missing.length === 0 && found.pairs === 0) return new Set<string>();
    if (found.missing.length === 0 && found.pairs <= INLINE_PAIRS && found.dirty.length <= INLINE_MONTHS) {
      // Not waiting for the lock: while the job holds it, the months are read live.
      for (const m of found.dirty) if ((await recomputeBatch(db, m, INLINE_PAIRS, { wait: false })) === null) break;
      found = await check(db, from, to);
      if (found.missing.length === 0 && found.pairs === 0) return new Set<string>();
    }
    const ask = askers.get(db);
    if (ask) void ask(found.missing[0] ?? from).catch(() => {});
    return new Set([...found.missing, ...found.dirty]);
  });
}

async function check(db: DB, from: string, to: string): Promise<{ missing: string[]; dirty: string[]; pairs: number }> {
  const { rows } = await sql<{ month: string; pairs: number }>`SELECT to_char(m.month, 'YYYY-MM-DD') AS month, coalesce(d.n, 0) AS pairs
    FROM stats_cube_month m LEFT JOIN (SELECT month, count(*)::int AS n FROM stats_cube_dirty
      WHERE month >= ${from}::date AND month < ${to}::date GROUP BY 1) d ON d.month = m.month
    WHERE m.month >= ${from}::date AND m.month < ${to}::date`.execute(db);
  const sealed = new Map(rows.map((r) => [r.month, r.pairs]));
  const dirty = rows.filter((r) => r.pairs > 0).map((r) => r.month);
  return { missing: monthsBetween(from, to).filter((m) => !sealed.has(m)), dirty, pairs: dirty.reduce((n, m) => n + sealed.get(m)!, 0) };
}

/**
 * One read of several figures (a summary): the cube's freshness is checked once per range for all of them, and
 * lookups kept for its length. Writes committed after the read began may or may not be seen, as with any read.
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
