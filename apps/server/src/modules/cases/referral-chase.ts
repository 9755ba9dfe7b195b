import { toCstDate } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { notifyFromTemplate } from '../notifications/notifications.service.ts';
import { intakeStaff } from './case-recipients.ts';
import { appendEvent, lockCase } from './cases.repository.ts';

export const REFERRAL_CHASE_JOB = 'referral-chase';

export interface ChaseResult {
  chased: number;
  skipped: number;
}

/**
 * Chase unanswered referrals: a case referred to an outside body whose expected reply date (the
 * `referral_feedback` deadline, working days from the referral) has passed. The handler (an unassigned
 * case: the intake clerks) is told, and a `referral_chased` event goes on the timeline (no state
 * change). Once per case and China day: the (case, 'referral_chase', day) key in reminders_sent is
 * claimed under the case's row lock, in the transaction of the notice and the event, so a retry or a
 * second process the same day does nothing.
 */
export async function chaseReferrals(deps: Deps, asOf: Date): Promise<ChaseResult> {
  const today = toCstDate(asOf);
  const due = await deps.db
    .selectFrom('cases as c')
    .innerJoin('case_deadlines as d', (j) => j.onRef('d.case_id', '=', 'c.id').on('d.kind', '=', 'referral_feedback'))
    .select(['c.id', sql<string>`d.due::text`.as('due')])
    .where('c.state', '=', 'referred')
    .where('d.status', '=', 'running')
    .where(sql<boolean>`d.due < ${today}::date`)
    .orderBy('c.id')
    .execute();
  const result: ChaseResult = { chased: 0, skipped: 0 };
  for (const r of due) {
    const chased = await deps.db.transaction().execute(async (tx) => {
      const c = await lockCase(tx, r.id);
      if (!c || c.state !== 'referred') return false;
      const claimed = await tx
        .insertInto('reminders_sent')
        .values({ case_id: c.id, deadline_kind: 'referral_chase', day: today, reminder: 'chase' })
        .onConflict((oc) => oc.doNothing())
        .returning('case_id')
        .executeTakeFirst();
      if (!claimed) return false;
      const userIds = c.handler_id ? [c.handler_id] : await intakeStaff(tx, c.institution_path);
      await notifyFromTemplate(deps, tx, {
        userIds, kind: 'referral_overdue', data: { caseNo: c.case_number ?? '', due: r.due }, link: `/console/cases/${c.id}`, email: true,
      });
      await appendEvent(tx, {
        case_id: c.id, event: 'referral_chased', from_state: null, to_state: null, actor_id: null, actor_name: '系统 System',
        actor_role: 'system', at: asOf, reason: null, payload: JSON.stringify({ expectedBy: r.due, notified: userIds.length }),
      });
      return true;
    });
    if (chased) result.chased++;
    else result.skipped++;
  }
  return result;
}

/** Every morning in office hours, China time; later runs the same day find the day's keys taken. */
export const referralChaseJob = defineJob<{ asOf?: string }>(
  REFERRAL_CHASE_JOB,
  (data, deps) => chaseReferrals(deps, data.asOf ? new Date(data.asOf) : deps.clock.now()),
  { schedule: '45 8-17 * * 1-5' },
);
