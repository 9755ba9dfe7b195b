import {
  addDays, calendarFromChineseDays, computeDeadlines, defaultDeadlineRules, toCstDate, type CaseState, type CstDate,
  type Deadline, type WorkCalendar,
} from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';
import { serverCalendar } from '../calendar/calendar.service.ts';

/**
 * Deadlines are computed from the case's events by the domain (never typed in) and stored, so the
 * due-soon and overdue queues are plain SQL. Recomputed after every transition; a change of calendar or
 * a paused clock is picked up by recomputing again (the `deadlines-recompute` job, nightly and after a
 * calendar change: cases/deadlines-recompute.ts). The calendar is the server's (work_calendar_years).
 */

/** Working days before the due date from which a deadline counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 3;

let calendar: WorkCalendar | undefined;
/** The calendar shipped with chinese-days only (no database); deadlines use `serverCalendar(db)`. */
export function workCalendar(): WorkCalendar {
  return (calendar ??= calendarFromChineseDays());
}

/** The first day on which `due` is within `n` working days (the domain's dueSoon, as a date). */
export function warnOn(cal: WorkCalendar, due: CstDate, n = DUE_SOON_WORKING_DAYS): CstDate {
  let d = due;
  for (let i = 0; i < 400 && cal.workingDaysBetween(addDays(d, -1), due) <= n; i++) d = addDays(d, -1);
  return d;
}

export async function computeCaseDeadlines(db: DB | Tx, caseId: string, track: 'fast' | 'standard', now: Date): Promise<Deadline[]> {
  const events = await db
    .selectFrom('case_events')
    .select(['event', 'at', 'to_state'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const c = await db.selectFrom('cases').select('channel').where('id', '=', caseId).executeTakeFirst();
  const history = {
    track,
    ...(c ? { channel: c.channel } : {}),
    events: events.map((e) => ({ event: e.event, at: new Date(e.at), ...(e.to_state ? { to: e.to_state as CaseState } : {}) })),
  };
  return computeDeadlines(history, defaultDeadlineRules, await serverCalendar(db), { asOf: toCstDate(now) });
}

/** The nearest due day of the deadlines not yet met (running or paused), or null: the queue's sort key. */
export function nextDueOf(list: readonly Pick<Deadline, 'due' | 'status'>[]): string | null {
  let min: string | null = null;
  for (const d of list) if (d.status !== 'met' && (min === null || d.due < min)) min = d.due;
  return min;
}

/**
 * Replace the stored deadlines of a case with freshly computed ones, and keep `cases.next_due` (the work
 * queue's index, ADR 0038) equal to the nearest of them not yet met.
 */
export async function storeDeadlines(tx: Tx, caseId: string, track: 'fast' | 'standard', now: Date): Promise<Deadline[]> {
  const list = await computeCaseDeadlines(tx, caseId, track, now);
  await tx.deleteFrom('case_deadlines').where('case_id', '=', caseId).execute();
  if (list.length > 0) {
    const cal = await serverCalendar(tx);
    await tx
      .insertInto('case_deadlines')
      .values(
        list.map((d) => ({
          case_id: caseId, kind: d.kind, due: d.due, warn_on: warnOn(cal, d.due), started_on: d.startedOn,
          working_days: d.workingDays, paused_working_days: d.pausedWorkingDays, status: d.status, met_on: d.metOn,
          late: d.late, provisional: d.provisional, rule: JSON.stringify(d.rule), explanation: JSON.stringify(d.explanation),
          computed_at: now,
        })),
      )
      .execute();
  }
  const nextDue = nextDueOf(list);
  await tx.updateTable('cases').set({ next_due: nextDue })
    .where('id', '=', caseId).where(sql<boolean>`next_due IS DISTINCT FROM ${nextDue}::date`).execute();
  return list;
}

export interface StoredDeadline {
  kind: string;
  due: string;
  warnOn: string;
  startedOn: string;
  workingDays: number;
  pausedWorkingDays: number;
  status: 'running' | 'paused' | 'met';
  metOn: string | null;
  late: boolean;
  provisional: boolean;
  rule: { id: string; zh: string; en: string };
  explanation: { zh: string; en: string };
}

export async function deadlinesOf(db: DB | Tx, caseId: string): Promise<StoredDeadline[]> {
  const rows = await db
    .selectFrom('case_deadlines')
    .select([
      'kind', sql<string>`due::text`.as('due'), sql<string>`warn_on::text`.as('warn_on'), sql<string>`started_on::text`.as('started_on'),
      'working_days', 'paused_working_days', 'status', sql<string | null>`met_on::text`.as('met_on'), 'late', 'provisional', 'rule',
      'explanation',
    ])
    .where('case_id', '=', caseId)
    .orderBy('due')
    .execute();
  return rows.map((r) => ({
    kind: r.kind, due: r.due, warnOn: r.warn_on, startedOn: r.started_on, workingDays: r.working_days,
    pausedWorkingDays: r.paused_working_days, status: r.status, metOn: r.met_on, late: r.late, provisional: r.provisional,
    rule: r.rule, explanation: r.explanation,
  }));
}

/** Overdue on `today` (CST): still running and past the due day. Paused clocks wait for the applicant. */
export function isOverdue(d: Pick<StoredDeadline, 'status' | 'due'>, today: CstDate): boolean {
  return d.status === 'running' && d.due < today;
}

/**
 * `cases.next_due` set from the stored deadlines for every case, for code that writes case_deadlines in bulk
 * (demo history, bench data) instead of through storeDeadlines. Rewrites only the rows whose value changes.
 */
export async function refreshAllNextDue(db: DB): Promise<void> {
  await sql`UPDATE cases c SET next_due = d.due
    FROM (SELECT c2.id, (SELECT min(x.due) FROM case_deadlines x WHERE x.case_id = c2.id AND x.status <> 'met') AS due
          FROM cases c2 WHERE c2.next_due IS NOT NULL
             OR EXISTS (SELECT 1 FROM case_deadlines y WHERE y.case_id = c2.id AND y.status <> 'met')) d
    WHERE d.id = c.id AND c.next_due IS DISTINCT FROM d.due`.execute(db);
}
