import { addDays, parsePeriod, periodEnded, periodKey, periodLabel, returnDueOn, toCstDate, type Period } from '@yuanzhi/domain';
import { systemScope } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { notify } from '../notifications/notifications.service.ts';
import { renderTemplate } from '../notifications/notifications.templates.ts';
import { filingInstitutions, holdersAt } from './returns.repository.ts';

/** Remind from this many calendar days before the due date, and every day once it has passed. */
export const REMIND_DAYS_BEFORE = 5;

/** The periods whose returns may be outstanding today: the last ended month, quarter and year. */
export function openPeriods(today: string): Period[] {
  const y = +today.slice(0, 4);
  const m = +today.slice(5, 7);
  const lastMonth: Period = m === 1 ? { kind: 'month', year: y - 1, index: 12 } : { kind: 'month', year: y, index: m - 1 };
  const q = Math.ceil(m / 3) - 1;
  const lastQuarter: Period = q === 0 ? { kind: 'quarter', year: y - 1, index: 4 } : { kind: 'quarter', year: y, index: q };
  const lastYear: Period = { kind: 'year', year: y - 1 };
  return [lastMonth, lastQuarter, lastYear].filter((p) => periodEnded(p, today));
}

/**
 * Remind the filers of every institution that has not submitted a return due within REMIND_DAYS_BEFORE
 * days (or overdue). Once per institution, period and China day: the reminder row is claimed in the
 * transaction of the notice.
 */
export async function remindReturns(deps: Deps, asOf: Date): Promise<number> {
  const today = toCstDate(asOf);
  const institutions = await filingInstitutions(deps.db, systemScope());
  let sent = 0;
  for (const p of openPeriods(today)) {
    const due = returnDueOn(p);
    if (today < addDays(due, -REMIND_DAYS_BEFORE)) continue;
    const key = periodKey(p);
    const filed = new Set((await deps.db.selectFrom('stat_returns').select('institution_id').where('period', '=', key)
      .where('status', 'in', ['submitted', 'accepted']).execute()).map((r) => r.institution_id));
    for (const inst of institutions) {
      if (filed.has(inst.id)) continue;
      sent += await deps.db.transaction().execute(async (tx) => {
        const claimed = await tx.insertInto('stat_return_reminders').values({ institution_id: inst.id, period: key, day: today })
          .onConflict((oc) => oc.doNothing()).returning('institution_id').executeTakeFirst();
        if (!claimed) return 0;
        const userIds = await holdersAt(tx, inst.id, 'stats.return.file');
        if (userIds.length === 0) return 0;
        const t = renderTemplate('return_due', { institution: inst.name, period: periodLabel(parsePeriod(key)!), due });
        await notify(deps, tx, { userIds, kind: 'return_due', title: t.title, body: t.body, link: `/console/stats/returns?period=${key}`, email: true });
        return 1;
      });
    }
  }
  return sent;
}

export const RETURN_REMINDERS_JOB = 'return-reminders';
export const returnRemindersJob = defineJob(RETURN_REMINDERS_JOB, (_data, deps) => remindReturns(deps, deps.clock.now()), { schedule: '30 8 * * *' });
