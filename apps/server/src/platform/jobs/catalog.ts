import { caseDeadlineSource } from '../../modules/cases/case-deadline-source.ts';
import { caseDocumentJob } from '../../modules/cases/case-documents.ts';
import { deadlinesRecomputeJob } from '../../modules/cases/deadlines-recompute.ts';
import { referralChaseJob } from '../../modules/cases/referral-chase.ts';
import { deadlineRemindersJob } from '../../modules/notifications/deadline-reminders.ts';
import { notificationDeliveryJob } from '../../modules/notifications/notifications.delivery.ts';
import { caseIndexJob } from '../../modules/search/search.case-job.ts';
import { expertImportJob } from '../../modules/experts/experts.import.ts';
import { registryImportJob } from '../../modules/registries/registry.import.ts';
import { historyImportJob } from '../../modules/stats/history/history.import.ts';
import { cubeRefreshJob } from '../../modules/stats/cube/cube.refresh.ts';
import { invitationTimeoutJob } from '../../modules/experts/experts.invitations.ts';
import { retentionJob } from '../../modules/privacy/retention.ts';
import { scheduledBackupJob } from '../backup/schedule.ts';
import { returnRemindersJob } from '../../modules/stats/returns.reminders.ts';
import { trainingNoticeJob, trainingRemindersJob } from '../../modules/trainings/trainings.notices.ts';
import { assessmentRunJob } from '../../modules/assessments/assessments.compute.ts';
import { sweepOrphans } from '../storage/index.ts';
import { cleanupExpired } from './cleanup.ts';
import { defineJob } from './define.ts';
import { retryOutbox, transportFor } from './outbox-retry.ts';
import type { AnyJob } from './pgboss.ts';

/** Uploads and orphan files younger than this are left alone (an upload in flight, a form being filled). */
export const SWEEP_AGE_MS = 6 * 3600_000;

export const storageSweepJob = defineJob('storage-sweep', (_data, deps) => sweepOrphans(deps, SWEEP_AGE_MS), {
  schedule: '7 * * * *',
  timeoutSeconds: 30 * 60,
});

export const cleanupJob = defineJob('expired-cleanup', (_data, deps) => cleanupExpired(deps), { schedule: '23 * * * *' });

export const outboxRetryJob = defineJob('outbox-retry', (_data, deps) => retryOutbox(deps, transportFor(deps)), {
  schedule: '* * * * *',
  // The job retries messages itself; a failed run simply waits for the next minute.
  retry: { limit: 0 },
  timeoutSeconds: 10 * 60,
});

/** Every job the platform knows, like routes.ts for routes. A module adds its jobs here. */
export const allJobs: readonly AnyJob[] = [
  storageSweepJob,
  cleanupJob,
  outboxRetryJob,
  notificationDeliveryJob,
  caseDocumentJob,
  // Reminders from the cases module's case_deadlines (due within 2 working days, or past).
  deadlineRemindersJob((deps) => caseDeadlineSource(deps)),
  deadlinesRecomputeJob,
  referralChaseJob,
  expertImportJob,
  registryImportJob,
  historyImportJob,
  invitationTimeoutJob,
  scheduledBackupJob,
  retentionJob,
  // Statistical returns not yet submitted, due within a few days or overdue.
  returnRemindersJob,
  // Training registrants: confirmation, waiting list, promotion; reminders the day before.
  trainingNoticeJob,
  trainingRemindersJob,
  // 考核: a large run's computed scores, with progress.
  assessmentRunJob,
  // A new case's search entry, after its submission commits (ADR 0043).
  caseIndexJob,
  // The statistics cube: months sealed and dirty pairs recomputed in bounded steps (asked by reads, and nightly).
  cubeRefreshJob,
] as unknown as readonly AnyJob[];

export type JobName =
  | 'storage-sweep' | 'expired-cleanup' | 'outbox-retry' | 'notification-delivery' | 'deadline-reminders' | 'deadlines-recompute'
  | 'referral-chase' | 'case-document-render' | 'expert-import' | 'expert-invitation-timeout'
  | 'scheduled-backup' | 'privacy-retention' | 'return-reminders'
  | 'training-notice' | 'training-reminders'
  | 'assessment-run'
  | 'search-index-case'
  | 'stats-cube-refresh';
