import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { indexCase } from './search.index.ts';

export const CASE_INDEX_JOB = 'search-index-case';

/**
 * A new case's search entry, written after the submission commits (ADR 0043): the entry shows the case number,
 * which the submission takes as its very last statement. Enqueued in the submission's transaction, so it runs
 * exactly when the case exists; indexCase reads the committed row and replaces the entry, so a retry is harmless.
 */
export const caseIndexJob = defineJob<{ caseId: string }>(CASE_INDEX_JOB, (data, deps) => indexCase(deps.db, data.caseId), {
  retry: { limit: 5, delaySeconds: 10, backoff: true },
  timeoutSeconds: 60,
});

export const indexCaseAfterCommit = (deps: Pick<Deps, 'jobs'>, tx: Tx, caseId: string) =>
  deps.jobs.enqueue(CASE_INDEX_JOB, { caseId }, { tx });

/** Submitted cases without a search entry (their jobs not run yet, e.g. a data load without workers): index them now. */
export async function indexMissingCases(db: DB): Promise<number> {
  const missing = await db.selectFrom('cases as c').select('c.id').where('c.state', '<>', 'draft')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('search_entries as s').select('s.ref_id').where('s.kind', '=', 'case').whereRef('s.ref_id', '=', 'c.id'))))
    .execute();
  for (const c of missing) await indexCase(db, c.id);
  return missing.length;
}
