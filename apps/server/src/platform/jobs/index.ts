/** Background jobs on pg-boss: see docs/adr/0010-jobs.md. */
export { defineJob, type EnqueueOptions, type JobDefinition, type JobOptions, type Jobs, type RetryPolicy } from './define.ts';
export { createPgBossJobs, PGBOSS_SCHEMA, type AnyJob, type PgBossJobsOptions } from './pgboss.ts';
export { createManualJobs, type ManualJobs, type QueuedJob } from './manual.ts';
export { allJobs } from './catalog.ts';
