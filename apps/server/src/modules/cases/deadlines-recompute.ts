import { openCaseStates } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { storeDeadlines } from './cases.deadlines.ts';
import { lockCase } from './cases.repository.ts';
import { syncFollowUpDue } from './follow-ups.ts';

export const DEADLINES_RECOMPUTE_JOB = 'deadlines-recompute';

/** Cases whose deadlines can still move: the open ones, and concluded ones waiting for their follow-up visit. */
const recomputeStates = [...openCaseStates, 'concluded'];

export interface RecomputeResult {
  cases: number;
  changed: number;
}

/**
 * Count the deadlines of every open case again (a paused clock moves on with today; a changed holiday
 * calendar moves due dates), each case in its own short transaction under its row lock, so a
 * transition at the same moment waits for it or it for the transition. Open follow-up visits move with
 * their deadline. Safe to run twice: the result depends only on the events and the calendar.
 */
export async function recomputeOpenDeadlines(deps: Deps, opts: { caseIds?: readonly string[] } = {}): Promise<RecomputeResult> {
  if (opts.caseIds?.length === 0) return { cases: 0, changed: 0 };
  let q = deps.db.selectFrom('cases').select('id').where('state', 'in', recomputeStates).orderBy('id');
  if (opts.caseIds) q = q.where('id', 'in', [...opts.caseIds]);
  const ids = (await q.execute()).map((r) => r.id);
  let changed = 0;
  for (const id of ids) {
    const moved = await deps.db.transaction().execute(async (tx) => {
      const c = await lockCase(tx, id);
      if (!c || !recomputeStates.includes(c.state)) return false;
      const before = await tx.selectFrom('case_deadlines').select(['kind', 'due', 'status']).where('case_id', '=', id).execute();
      const list = await storeDeadlines(tx, id, c.track as 'fast' | 'standard', deps.clock.now());
      await syncFollowUpDue(tx, id, list);
      const key = (k: string, due: string, status: string) => `${k}:${due}:${status}`;
      const old = new Set(before.map((b) => key(b.kind, toDay(b.due), b.status)));
      return list.length !== before.length || list.some((d) => !old.has(key(d.kind, d.due, d.status)));
    });
    if (moved) changed++;
  }
  return { cases: ids.length, changed };
}

/** A `date` column read by pg as a local-midnight Date, back to YYYY-MM-DD. */
function toDay(v: unknown): string {
  if (v instanceof Date) {
    const y = v.getFullYear(), m = v.getMonth() + 1, d = v.getDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return String(v).slice(0, 10);
}

/** Nightly (and enqueued by PUT /api/calendar/:year). */
export const deadlinesRecomputeJob = defineJob<{ reason?: string; year?: number }>(
  DEADLINES_RECOMPUTE_JOB,
  (_data, deps) => recomputeOpenDeadlines(deps),
  { schedule: '30 1 * * *', timeoutSeconds: 60 * 60 },
);
