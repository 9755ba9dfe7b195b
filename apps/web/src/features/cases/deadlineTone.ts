import { addDays, compareDates, toCstDate, weekday } from '@yuanzhi/domain';
import type { CaseDeadline } from './types.ts';

/** How a deadline is coloured: overdue red, due soon amber, paused grey, met green (red when met late). */
export type Tone = 'overdue' | 'dueSoon' | 'normal' | 'paused' | 'met' | 'metLate' | 'none';

export const toneColors: Record<Tone, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  normal: 'blue',
  paused: 'default',
  met: 'green',
  metLate: 'volcano',
  none: 'default',
};

export const todayCst = () => toCstDate(new Date());

/** A deadline of the case page: the server's `warnOn` (3 working days before, holidays counted) decides "due soon". */
export function deadlineTone(d: Pick<CaseDeadline, 'due' | 'warnOn' | 'status' | 'late'>, today: string): Tone {
  if (d.status === 'met') return d.late ? 'metLate' : 'met';
  if (d.status === 'paused') return 'paused';
  if (compareDates(today, d.due) > 0) return 'overdue';
  if (compareDates(today, d.warnOn) >= 0) return 'dueSoon';
  return 'normal';
}

/** Monday–Friday days after `from` up to and including `to` (the list has no calendar; holidays are the server's business). */
export function weekdaysUntil(from: string, to: string): number {
  let n = 0;
  for (let d = from; compareDates(d, to) < 0; ) {
    d = addDays(d, 1);
    const w = weekday(d);
    if (w !== 0 && w !== 6) n += 1;
  }
  return n;
}

/** A row of the work queue: the server says `overdue`; "due soon" is within 3 weekdays of the next deadline. */
export function listTone(nextDue: string | null, overdue: boolean, today: string): Tone {
  if (!nextDue) return 'none';
  if (overdue || compareDates(today, nextDue) > 0) return 'overdue';
  return weekdaysUntil(today, nextDue) <= 3 ? 'dueSoon' : 'normal';
}
