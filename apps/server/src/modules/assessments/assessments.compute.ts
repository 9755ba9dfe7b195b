import { parsePeriod, periodRange, scoreComputed } from '@yuanzhi/domain';
import { sql } from 'kysely';
import { systemScope } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import type { ComputedFigure, SheetItem } from '../../platform/tables.ts';
import { findIndicator } from '../stats/indicators.registry.ts';
import { valueOf } from '../stats/stats.service.ts';

export const ASSESSMENT_RUN_JOB = 'assessment-run';
const CHUNK = 20;

/**
 * Every computed item of the sheet for one institution's subtree and the run's year, through the statistics
 * module's indicators (the same figures the dashboards show). The figure is frozen with the score.
 */
export async function computeFor(deps: Deps, items: readonly SheetItem[], year: number, path: string): Promise<Record<string, ComputedFigure>> {
  const { from, to } = periodRange(parsePeriod(String(year))!);
  const out: Record<string, ComputedFigure> = {};
  for (const it of items) {
    if (it.kind !== 'computed' || !it.rule || !it.indicatorId) continue;
    const ind = findIndicator(it.indicatorId);
    if (!ind) continue;
    const rows = await ind.evaluate(deps.db, { scope: systemScope(), from, to, institutionPath: path });
    const value = valueOf(ind, rows[0]);
    out[it.key] = { value, num: rows[0]?.num ?? 0, den: ind.kind === 'ratio' ? (rows[0]?.den ?? 0) : null, score: scoreComputed(value, it.rule, it.weight) };
  }
  return out;
}

/** Compute a run's institutions in chunks, recording progress; a retry starts again and overwrites. */
export async function computeRun(deps: Deps, runId: string): Promise<void> {
  const run = await deps.db.selectFrom('assessment_runs as r').innerJoin('assessment_sheets as s', 's.id', 'r.sheet_id')
    .select(['r.id', 'r.year', 's.items']).where('r.id', '=', runId).executeTakeFirst();
  if (!run) return;
  await deps.db.updateTable('assessment_runs').set({ status: 'computing', processed: 0 }).where('id', '=', runId).execute();
  try {
    const targets = await deps.db.selectFrom('assessment_results').select(['institution_id', 'institution_path']).where('run_id', '=', runId).orderBy('institution_path').execute();
    for (let i = 0; i < targets.length; i += CHUNK) {
      const chunk = targets.slice(i, i + CHUNK);
      for (const t of chunk) {
        const computed = await computeFor(deps, run.items, run.year, t.institution_path);
        await deps.db.updateTable('assessment_results').set({ computed: JSON.stringify(computed) })
          .where('run_id', '=', runId).where('institution_id', '=', t.institution_id).execute();
      }
      await deps.db.updateTable('assessment_runs').set({ processed: i + chunk.length }).where('id', '=', runId).execute();
    }
    await deps.db.updateTable('assessment_runs').set({ status: 'done', finished_at: sql<Date>`now()` }).where('id', '=', runId).execute();
  } catch (e) {
    await deps.db.updateTable('assessment_runs').set({ status: 'failed', finished_at: sql<Date>`now()` }).where('id', '=', runId).execute();
    throw e;
  }
}

export const assessmentRunJob = defineJob<{ runId: string }>(ASSESSMENT_RUN_JOB, (data, deps) => computeRun(deps, data.runId), { timeoutSeconds: 60 * 60 });
