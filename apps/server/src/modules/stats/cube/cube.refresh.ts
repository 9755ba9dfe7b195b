import { sql } from 'kysely';
import type { DB } from '../../../platform/db.ts';
import { defineJob } from '../../../platform/jobs/define.ts';
import { currentMonth, monthsBetween } from './cube.months.ts';
import { firstMonth } from './cube.rebuild.ts';
import { recomputeBatch, sealMonth } from './cube.write.ts';
// The indicators must be registered before anything is sealed (an empty list would seal empty months).
import '../indicators.registry.ts';

/** Dirty pairs recomputed per transaction: one month's, at most this many institutions — the national network (2,000) in one step, about the cost of sealing that month (3–4 s at national scale). */
export const REFRESH_BATCH = 2000;

export interface RefreshResult {
  /** Months sealed by this run. */
  sealed: number;
  /** Dirty pairs recomputed, and in how many transactions. */
  pairs: number;
  batches: number;
  /** Pairs of sealed months still marked at the end (written during the run: the next run's). */
  left: number;
  seconds: number;
}

/**
 * Bring the cube up to date in bounded steps (ADR 0041): seal every complete month not sealed yet (newest first, one
 * per transaction), then recompute the dirty pairs of sealed months (newest month first, REFRESH_BATCH pairs per
 * transaction). Each step takes the cube's advisory lock and commits, so a read waits at most one step and answers
 * the months still pending live. The work is the marks present when the run starts; later ones wait for the next run.
 */
export async function refreshCube(db: DB, opts: { from?: string; batch?: number } = {}): Promise<RefreshResult> {
  const t0 = performance.now();
  const to = currentMonth();
  const held = (await sql<{ month: string }>`SELECT to_char(month, 'YYYY-MM-DD') AS month FROM stats_cube_month ORDER BY 1`.execute(db)).rows.map((r) => r.month);
  let start = held[0] ?? (await firstMonth(db)) ?? to;
  if (opts.from && /^\d{4}-\d{2}-01$/.test(opts.from) && opts.from < start) start = opts.from;
  const sealedSet = new Set(held);
  let sealed = 0;
  for (const m of monthsBetween(start, to).filter((x) => !sealedSet.has(x)).reverse()) if (await sealMonth(db, m)) sealed++;

  const { rows: todo } = await sql<{ month: string; n: number }>`SELECT to_char(d.month, 'YYYY-MM-DD') AS month, count(*)::int AS n
    FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month GROUP BY 1 ORDER BY 1 DESC`.execute(db);
  let pairs = 0;
  let batches = 0;
  for (const { month, n } of todo) {
    for (let left = n; left > 0; ) {
      const k = await recomputeBatch(db, month, Math.min(opts.batch ?? REFRESH_BATCH, left));
      if (k === 0) break;
      pairs += k;
      batches++;
      left -= k;
    }
  }
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_cube_dirty d JOIN stats_cube_month m ON m.month = d.month`.execute(db);
  return { sealed, pairs, batches, left: rows[0]!.n, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

/**
 * Asked for by a read that found more than it may recompute itself, and every night just after midnight China time,
 * so the month just completed is sealed before its first read. Scheduled, hence a stately queue: one run at a time,
 * at most one more waiting (ADR 0010).
 */
export const cubeRefreshJob = defineJob<{ from?: string }>('stats-cube-refresh', (data, deps) => refreshCube(deps.db, { from: data.from }), {
  schedule: '0 0 * * *',
  timeoutSeconds: 3 * 3600,
});
