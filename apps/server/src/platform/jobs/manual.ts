import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { findJob, type EnqueueOptions, type JobHandler, type Jobs } from './define.ts';
import type { AnyJob } from './pgboss.ts';

export interface QueuedJob {
  name: string;
  data: object;
  /** The enqueuing transaction's id, when enqueued in one: the job counts only if it committed. */
  txid: string | null;
  startAfter: Date | null;
}

/**
 * The job system without pg-boss, for tests (createTestApp's default): enqueued jobs wait in memory
 * until the test runs them with drain() or runs a handler directly with runNow(). A job enqueued in a
 * transaction is kept only if that transaction committed, asked of PostgreSQL itself (pg_xact_status),
 * so tests still see the transactional behaviour the real system has.
 */
export interface ManualJobs extends Jobs {
  readonly queued: QueuedJob[];
  /** Run the queued jobs whose transaction committed (in order, repeating for jobs they enqueue); returns how many ran. */
  drain(options?: { name?: string }): Promise<number>;
}

export function createManualJobs(getDeps: () => Deps, definitions: readonly AnyJob[]): ManualJobs {
  const queued: QueuedJob[] = [];
  const run = async (name: string, data: object) => (findJob(definitions, name).handler as JobHandler<unknown>)(data, getDeps());
  return {
    queued,
    async enqueue(name: string, data: object = {}, options: EnqueueOptions = {}) {
      findJob(definitions, name);
      let txid: string | null = null;
      if (options.tx) {
        const r = await sql<{ txid: string }>`SELECT pg_current_xact_id()::text AS txid`.execute(options.tx);
        txid = r.rows[0]!.txid;
      }
      queued.push({ name, data: structuredClone(data), txid, startAfter: options.startAfter ?? null });
    },
    runNow: run,
    async drain(options = {}) {
      let ran = 0;
      for (;;) {
        const i = queued.findIndex((j) => !options.name || j.name === options.name);
        if (i < 0) return ran;
        const [job] = queued.splice(i, 1);
        if (job!.txid) {
          const r = await sql<{ status: string | null }>`SELECT pg_xact_status(${job!.txid}::xid8) AS status`.execute(getDeps().db);
          if (r.rows[0]?.status !== 'committed') continue;
        }
        await run(job!.name, job!.data);
        ran++;
      }
    },
    async start() {},
    async stop() {},
  };
}
