import type { Deps } from '../deps.ts';
import type { Tx } from '../db.ts';

/** How often a job is retried when its handler throws, and how long a run may take. */
export interface RetryPolicy {
  /** Retries after the first failure (pg-boss `retryLimit`). */
  limit: number;
  /** Seconds before the first retry; doubled on each retry when `backoff`. */
  delaySeconds: number;
  backoff: boolean;
  /** Upper bound on the back-off delay. */
  maxDelaySeconds?: number;
}

export interface JobOptions {
  /** A cron expression (evaluated in `timezone`). Scheduled jobs run once per occurrence across all processes. */
  schedule?: string;
  /** IANA zone the schedule is read in; China's working day by default. */
  timezone?: string;
  retry?: Partial<RetryPolicy>;
  /** A run still active after this long is treated as failed (and retried). */
  timeoutSeconds?: number;
}

/** A job's code. Job data is stored in the database in clear: it must carry ids, never personal data. */
export type JobHandler<T> = (data: T, deps: Deps) => Promise<unknown>;

export interface JobDefinition<T = unknown> {
  name: string;
  handler: JobHandler<T>;
  options: Required<Pick<JobOptions, 'timezone' | 'timeoutSeconds'>> & Pick<JobOptions, 'schedule'> & { retry: RetryPolicy };
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 };

const NAME = /^[a-z][a-z0-9-]{1,62}$/;

/** Declare a job. The definition does nothing by itself: the catalog (catalog.ts) lists it, the runtime runs it. */
export function defineJob<T = Record<string, never>>(name: string, handler: JobHandler<T>, options: JobOptions = {}): JobDefinition<T> {
  if (!NAME.test(name)) throw new Error(`Invalid job name: ${name}`);
  return {
    name,
    handler,
    options: {
      schedule: options.schedule,
      timezone: options.timezone ?? 'Asia/Shanghai',
      timeoutSeconds: options.timeoutSeconds ?? 15 * 60,
      retry: { ...DEFAULT_RETRY, ...options.retry },
    },
  };
}

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists if and only if the transaction commits. */
  tx?: Tx;
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job with this key (pg-boss singletonKey). */
  singletonKey?: string;
}

/** The job system as services see it (deps.jobs). */
export interface Jobs {
  enqueue(name: string, data?: object, options?: EnqueueOptions): Promise<void>;
  /** Run a job's handler now, in this process, and return its result (tests, the CLI). */
  runNow(name: string, data?: object): Promise<unknown>;
  /** Start working: install the queues and schedules, start the workers. The server calls this once after migrations. */
  start(): Promise<void>;
  /** Stop taking jobs, wait for those running (bounded), release the connections. */
  stop(): Promise<void>;
}

export function findJob(definitions: readonly JobDefinition<never>[], name: string): JobDefinition<never> {
  const d = definitions.find((j) => j.name === name);
  if (!d) throw new Error(`Unknown job: ${name}`);
  return d;
}
