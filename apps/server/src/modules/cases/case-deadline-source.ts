import { toCstDate } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import { serverCalendar } from '../calendar/calendar.service.ts';
import type { DeadlineSource, DueDeadline } from '../notifications/deadline-reminders.ts';
import { intakeStaff } from './case-recipients.ts';

/** Working days ahead within which a running deadline is reminded of ("due soon"). */
export const REMIND_WITHIN_WORKING_DAYS = 2;

/** States whose running deadlines are reminded of: the open ones, and concluded cases awaiting their follow-up visit. */
const remindedStates = ['submitted', 'awaiting_supplement', 'accepted', 'assigned', 'in_progress', 'under_review', 'transferred', 'referred', 'suspended', 'concluded'];

/** The end of a CST day: a deadline is overdue only once its due day is over. */
export const endOfCstDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

/**
 * The reminders' source built on `case_deadlines`: running deadlines (a paused clock waits for the
 * applicant and is not reminded of) due within two working days of `asOf` — counted with the server's
 * holiday calendar — or already past. Each goes to the case's handler; an unassigned case to its
 * institution's intake clerks. An overdue referral reply is left to the referral chase (one notice a day).
 */
export function caseDeadlineSource(deps: Pick<Deps, 'db'>): DeadlineSource {
  return {
    async dueSoon(asOf: Date): Promise<DueDeadline[]> {
      const calendar = await serverCalendar(deps.db);
      const today = toCstDate(asOf);
      const horizon = calendar.addWorkingDays(today, REMIND_WITHIN_WORKING_DAYS);
      const rows = await deps.db
        .selectFrom('case_deadlines as d')
        .innerJoin('cases as c', 'c.id', 'd.case_id')
        .select(['d.case_id', 'd.kind', sql<string>`d.due::text`.as('due'), 'd.rule', 'c.case_number', 'c.handler_id', 'c.institution_id', sql<string>`c.institution_path::text`.as('institution_path')])
        .where('d.status', '=', 'running')
        .where('c.state', 'in', remindedStates)
        .where(sql<boolean>`d.due <= ${horizon}::date`)
        .where((eb) => eb.or([eb('d.kind', '<>', 'referral_feedback'), eb(sql`d.due`, '>=', sql`${today}::date`)]))
        .orderBy('d.due')
        .orderBy('d.case_id')
        .execute();
      const intake = new Map<string, string[]>();
      const out: DueDeadline[] = [];
      for (const r of rows) {
        let userIds = r.handler_id ? [r.handler_id] : intake.get(r.institution_id);
        if (!userIds) intake.set(r.institution_id, (userIds = await intakeStaff(deps.db, r.institution_path)));
        if (userIds.length === 0) continue;
        out.push({
          caseId: r.case_id, userIds, kind: r.kind, due: endOfCstDay(r.due), caseNo: r.case_number ?? '',
          label: { zh: r.rule.zh, en: r.rule.en.toLowerCase() },
        });
      }
      return out;
    },
  };
}
