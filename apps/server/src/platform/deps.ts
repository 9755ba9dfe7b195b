import type pg from 'pg';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db.ts';
import type { Jobs } from './jobs/define.ts';
import type { Notifier } from './notifier.ts';
import type { Secrets } from './secrets.ts';

/** What services need from the outside world; built once in main.ts (or by the test harness). */
export interface Deps {
  config: Config;
  db: DB;
  pool: pg.Pool;
  secrets: Secrets;
  notifier: Notifier;
  clock: Clock;
  /** Background jobs (pg-boss); enqueue with `{ tx }` to make a job part of a transaction. */
  jobs: Jobs;
}
