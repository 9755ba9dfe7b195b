import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { notifyFromTemplate } from './notifications.service.ts';
import type { Text } from './notifications.templates.ts';

/** One open deadline of a case that is due soon or already past. */
export interface DueDeadline {
  caseId: string;
  /** Who is told: the handler(s) of the case. */
  userIds: string[];
  /** The deadline's kind, e.g. 'acceptance', 'conclusion' (one reminder per case, kind and day). */
  kind: string;
  /** When it falls due. */
  due: Date;
  /** For the message: the case number and the deadline's name. */
  caseNo?: string;
  label?: Text;
}

/**
 * Where reminders come from. The cases module provides the real one, plugged into the catalog
 * (cases/case-deadline-source.ts: running deadlines due within two working days of `asOf`, counted
 * with the holiday calendar, and those already past); `noDeadlines` is for tests and tools.
 */
export interface DeadlineSource {
  dueSoon(asOf: Date): Promise<DueDeadline[]>;
}

export const noDeadlines: DeadlineSource = { dueSoon: async () => [] };

/** The calendar day in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface ReminderResult {
  sent: number;
  skipped: number;
}

/**
 * Send the reminders due at `asOf`: 'deadline_overdue' for deadlines already past, 'deadline_due_soon'
 * for the others, in-app and by e-mail. Each (case, deadline kind, day) is claimed in reminders_sent in
 * the same transaction as its notifications: a second run the same day — a retry, or another server
 * process — finds the key taken and sends nothing.
 */
export async function sendDeadlineReminders(deps: Deps, source: DeadlineSource, asOf: Date): Promise<ReminderResult> {
  const day = chinaDay(asOf);
  const result: ReminderResult = { sent: 0, skipped: 0 };
  for (const d of await source.dueSoon(asOf)) {
    const overdue = d.due.getTime() < asOf.getTime();
    const sent = await deps.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .insertInto('reminders_sent')
        .values({ case_id: d.caseId, deadline_kind: d.kind, day, reminder: overdue ? 'overdue' : 'due_soon' })
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .executeTakeFirst();
      if (!claimed) return false;
      await notifyFromTemplate(deps, tx, {
        userIds: d.userIds,
        kind: overdue ? 'deadline_overdue' : 'deadline_due_soon',
        data: { caseNo: d.caseNo ?? '', due: chinaDay(d.due), ...(d.label ? { deadline: d.label } : {}) },
        link: `/console/cases/${encodeURIComponent(d.caseId)}`,
        email: true,
      });
      return true;
    });
    if (sent) result.sent++;
    else result.skipped++;
  }
  return result;
}

export const DEADLINE_REMINDERS_JOB = 'deadline-reminders';

/**
 * The scheduled job, hourly in office hours (China time): the first run of the day sends, later runs
 * find the day's keys taken — and a process that was down at 08:15 still reminds at 09:15.
 */
export function deadlineRemindersJob(sourceFor: (deps: Deps) => DeadlineSource) {
  return defineJob<{ asOf?: string }>(
    DEADLINE_REMINDERS_JOB,
    (data, deps) => sendDeadlineReminders(deps, sourceFor(deps), data.asOf ? new Date(data.asOf) : deps.clock.now()),
    { schedule: '15 8-18 * * *' },
  );
}
