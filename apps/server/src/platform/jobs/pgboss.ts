import { fromKysely, PgBoss, type Db, type Job } from 'pg-boss';
import type pg from 'pg';
import type { Deps } from '../deps.ts';
import { findJob, type EnqueueOptions, type JobDefinition, type JobHandler, type Jobs } from './define.ts';

export const PGBOSS_SCHEMA = 'pgboss';

export type AnyJob = JobDefinition<never>;

export interface PgBossJobsOptions {
  /** Seconds between a worker's polls for new jobs (pg-boss default 2). */
  pollingIntervalSeconds?: number;
  /** Seconds between cron passes (pg-boss default 30; tests use 1). */
  cronIntervalSeconds?: number;
  /** Where errors go. Only job names and error messages of the platform's own code: no job data. */
  log?: (message: string) => void;
}

/** pg-boss over the platform's own pool: one set of connections, closed by the platform after the boss stops. */
export function poolAdapter(pool: pg.Pool): Db {
  return { executeSql: async (text, values) => pool.query(text, values) };
}

/**
 * The job system on pg-boss, in the application's database (schema `pgboss`). Every process may run
 * it: pg-boss claims each job with SKIP LOCKED, and a schedule's occurrence becomes one job however
 * many processes run the cron pass (see docs/adr/0010-jobs.md).
 *
 * `deps` is read lazily because the job system is itself one of the deps.
 */
export function createPgBossJobs(
  pool: pg.Pool,
  getDeps: () => Deps,
  definitions: readonly AnyJob[],
  opts: PgBossJobsOptions = {},
): Jobs & { boss: PgBoss } {
  const log = opts.log ?? ((m: string) => console.error(m));
  const boss = new PgBoss({
    db: poolAdapter(pool),
    schema: PGBOSS_SCHEMA,
    ...(opts.cronIntervalSeconds ? { cronMonitorIntervalSeconds: opts.cronIntervalSeconds, cronWorkerIntervalSeconds: opts.cronIntervalSeconds } : {}),
  });
  boss.on('error', (e) => log(`jobs: ${scrub(e.message)}`));
  let ready: Promise<void> | null = null; // pg-boss started and queues created
  let working = false;

  /** Install pg-boss's schema (first start), start it, and make sure every queue exists. Enough to enqueue. */
  const open = () =>
    (ready ??= (async () => {
      await boss.start();
      for (const d of definitions) {
        const queue = {
          retryLimit: d.options.retry.limit,
          retryDelay: d.options.retry.delaySeconds,
          retryBackoff: d.options.retry.backoff,
          ...(d.options.retry.backoff && d.options.retry.maxDelaySeconds ? { retryDelayMax: d.options.retry.maxDelaySeconds } : {}),
          expireInSeconds: d.options.timeoutSeconds,
        };
        // create_queue does nothing when the queue exists (another process, an earlier start); the
        // update then applies changed retry settings. A queue's policy is fixed at creation:
        // a scheduled job runs one at a time, with at most one more waiting behind it.
        await boss.createQueue(d.name, { ...queue, policy: d.options.schedule ? 'stately' : 'standard' });
        await boss.updateQueue(d.name, queue);
      }
    })().catch((e: unknown) => {
      ready = null;
      throw e;
    }));

  const run = async (d: AnyJob, data: unknown) => (d.handler as JobHandler<unknown>)(data, getDeps());

  return {
    boss,
    async enqueue(name: string, data: object = {}, options: EnqueueOptions = {}) {
      findJob(definitions, name);
      await open();
      await boss.send(name, data, {
        ...(options.tx ? { db: fromKysely(options.tx) } : {}),
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
    },
    async runNow(name: string, data: object = {}) {
      return run(findJob(definitions, name), data);
    },
    async start() {
      if (working) return;
      await open();
      const scheduled = new Set<string>();
      for (const d of definitions) {
        if (d.options.schedule) {
          await boss.schedule(d.name, d.options.schedule, {}, { tz: d.options.timezone });
          scheduled.add(d.name);
        }
        await boss.work<unknown>(
          d.name,
          { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
          async (jobs: Job<unknown>[]) => {
            for (const job of jobs) {
              try {
                await run(d, job.data);
              } catch (e) {
                log(`job ${d.name} ${job.id} failed: ${(e as Error).name}: ${scrub((e as Error).message)}`);
                throw e;
              }
            }
          },
        );
      }
      // A job taken out of the catalog no longer fires.
      for (const s of await boss.getSchedules()) if (!scheduled.has(s.name)) await boss.unschedule(s.name, s.key);
      working = true;
    },
    async stop() {
      if (!ready) return;
      await ready.catch(() => {});
      // close: false — the pool is the platform's, closed after this.
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
      ready = null;
      working = false;
    },
  };
}

/** Error texts may quote an address or a number (an SMTP refusal, a constraint): keep them out of the log. */
export function scrub(message: string): string {
  return message
    .slice(0, 300)
    .replace(/[^\s@<>"']+@[^\s@<>"']+/g, '[email]')
    .replace(/\d{6,}[\dXx]?/g, '[number]');
}
