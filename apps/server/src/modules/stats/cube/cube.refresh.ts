import { sql } from 'kysely';
import type { DB } from '../../../platform/db.ts';
import { defineJob } from '../../../platform/jobs/define.ts';
import { firstMonth } from './cube.rebuild.ts';
import { addMonths, currentMonth, monthsBetween } from './cube.months.ts';
import { recomputeBatch, resealMonths, sealMonths } from './cube.write.ts';
// The indicators must be registered before anything is sealed (an empty list would seal empty months).
import '../indicators.registry.ts';

/** Dirty pairs recomputed per transaction: one month's, at most this many institutions — the national network (2,000) in one step, about the cost of sealing that month (3–4 s at national scale). */
export const REFRESH_BATCH = 2000;
/**
 * Months with more dirty pairs than this are computed afresh instead, up to RESEAL_RUN consecutive months per
 * transaction (resealMonths). Measured on the national data (load ≈ 6.5): recomputing 20 / 100 / 300 pairs of a
 * month took 1.1 / 2.0 / 5.4 s; sealing one month afresh 26 s, and a run of months costs little more than one.
 */
export const RESEAL_PAIRS = 200;
export const RESEAL_RUN = 12;

export interface RefreshResult {
  /** Months sealed by this run. */
  sealed: number;
  /** Dirty pairs recomputed, and in how many transactions. */
  pairs: number;
  batches: number;
  /** Pairs of sealed months still marked at the end (written during the run: the next run's). */
  left: number;
  seconds: number;
  /** The longest transaction (the longest a read's inline recompute would find the lock taken). */
  longest: number;
}

/**
 * Bring the cube up to date in bounded steps (ADR 0041): seal every complete month not sealed yet (newest first, at
 * most RESEAL_RUN consecutive months per transaction); compute afresh the sealed months with more than RESEAL_PAIRS
 * dirty pairs (likewise in runs); recompute the dirty pairs of the other months (newest first, REFRESH_BATCH pairs of
 * one month per transaction). Each step takes the cube's advisory lock and commits, so a read waits at most one step and answers
 * the months still pending live. The work is the marks present when the run starts; later ones wait for the next run.
 */
export async function refreshCube(db: DB, opts: { from?: string; batch?: number; reseal?: number } = {}): Promise<RefreshResult> {
  const t0 = performance.now();
  let longest = 0;
  const step = async <T,>(work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      longest = Math.max(longest, performance.now() - t);
    }
  };
  const to = currentMonth();
  const held = (await sql<{ month: string }>`SELECT to_char(month, 'YYYY-MM-DD') AS month FROM stats_cube_month ORDER BY 1`.execute(db)).rows.map((r) => r.month);
  let start = held[0] ?? (await firstMonth(db)) ?? to;
  if (opts.from && /^\d{4}-\d{2}-01$/.test(opts.from) && opts.from < start) start = opts.from;
  const sealedSet = new Set(held);
  let sealed = 0;
  for (const [a, b] of runsOf(monthsBetween(start, to).filter((x) => !sealedSet.has(x)).reverse(), RESEAL_RUN)) {
    if (await step(() => sealMonths(db, a, b))) sealed += monthsBetween(a, b).length;
  }

  const { rows: todo } = await sql<{ month: string; n: number }>`SELECT to_char(d.month, 'YYYY-MM-DD') AS month, count(*)::int AS n
    FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month GROUP BY 1 ORDER BY 1 DESC`.execute(db);
  let pairs = 0;
  let batches = 0;
  const heavy = todo.filter((t) => t.n > (opts.reseal ?? RESEAL_PAIRS)).map((t) => t.month);
  for (const [from, to] of runsOf(heavy, RESEAL_RUN)) {
    pairs += await step(() => resealMonths(db, from, to));
    batches++;
  }
  for (const { month, n } of todo.filter((t) => !heavy.includes(t.month))) {
    for (let left = n; left > 0; ) {
      const k = await step(() => recomputeBatch(db, month, Math.min(opts.batch ?? REFRESH_BATCH, left)));
      if (!k) break;
      pairs += k;
      batches++;
      left -= k;
    }
  }
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month`.execute(db);
  return { sealed, pairs, batches, left: rows[0]!.n, seconds: Math.round((performance.now() - t0) / 100) / 10, longest: Math.round(longest / 100) / 10 };
}

/** Months (newest first) as [from, to) runs of consecutive months, at most `max` each, newest run first. */
export function runsOf(months: string[], max: number): [string, string][] {
  const out: [string, string][] = [];
  for (const m of months) {
    const run = out[out.length - 1];
    if (run && run[0] === addMonths(m, 1) && monthsBetween(m, run[1]).length <= max) run[0] = m;
    else out.push([m, addMonths(m, 1)]);
  }
  return out;
}

/**
 * Asked for by a read that found more than it may recompute itself, and every night just after midnight China time,
 * so the month just completed is sealed before its first read. Scheduled, hence a stately queue: one run at a time,
 * at most one more waiting (ADR 0010).
 */
export const cubeRefreshJob = defineJob<{ from?: string }>('stats-cube-refresh', (data, deps) => refreshCube(deps.db, { from: data?.from }), {
  schedule: '0 0 * * *',
  timeoutSeconds: 3 * 3600,
});
