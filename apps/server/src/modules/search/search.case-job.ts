import type { Tx } from '../../platform/db.ts';
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
