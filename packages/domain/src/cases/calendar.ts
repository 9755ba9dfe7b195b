import { addDays, dayNumber, isCstDate, weekday, yearOf, type CstDate } from './cst-date.ts';

/**
 * One year's official arrangement: `holidays` are days off (weekend days inside a holiday may be
 * listed too), `workdays` are the 调休 make-up working days that fall on a Saturday or Sunday.
 * `names` optionally labels a day with its festival, for explanations.
 */
export interface CalendarYear {
  holidays: readonly CstDate[];
  workdays: readonly CstDate[];
  names?: Readonly<Record<CstDate, { zh: string; en: string }>>;
}
/** Keyed by year (`'2026'`): the shape stored in a JSON file or a database row. */
export type CalendarData = Readonly<Record<string, CalendarYear>>;

export interface WorkCalendar {
  /** Years whose arrangement is known; outside them only weekends are days off. */
  readonly years: readonly number[];
  covers(year: number): boolean;
  isWorkingDay(date: CstDate): boolean;
  /** A statutory holiday that falls on a weekday (the days that push a deadline back). */
  isHoliday(date: CstDate): boolean;
  /** A 调休 make-up working day on a weekend. */
  isMakeUpWorkday(date: CstDate): boolean;
  holidayName(date: CstDate): { zh: string; en: string } | undefined;
  /** The n-th working day after `start` (n ≥ 0; n = 0 is `start` itself). */
  addWorkingDays(start: CstDate, n: number): CstDate;
  /** Working days d with a < d ≤ b (negative when b is before a). */
  workingDaysBetween(a: CstDate, b: CstDate): number;
}

const MAX_SCAN_DAYS = 20_000;

export function createWorkCalendar(data: CalendarData): WorkCalendar {
  const off = new Set<CstDate>();
  const on = new Set<CstDate>();
  const names = new Map<CstDate, { zh: string; en: string }>();
  const years: number[] = [];
  for (const [key, year] of Object.entries(data)) {
    if (!/^\d{4}$/.test(key)) throw new RangeError(`Calendar year must be four digits: ${key}`);
    years.push(Number(key));
    for (const d of [...year.holidays, ...year.workdays]) {
      if (!isCstDate(d) || d.slice(0, 4) !== key) throw new RangeError(`Calendar ${key}: bad date ${d}`);
    }
    for (const d of year.holidays) off.add(d);
    for (const d of year.workdays) {
      if (off.has(d)) throw new RangeError(`Calendar ${key}: ${d} is both a holiday and a workday`);
      on.add(d);
    }
    for (const [d, n] of Object.entries(year.names ?? {})) names.set(d, n);
  }
  years.sort((a, b) => a - b);
  const isWorkingDay = (date: CstDate): boolean => {
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    const w = weekday(date);
    return w !== 0 && w !== 6;
  };
  return {
    years,
    covers: (year) => years.includes(year),
    isWorkingDay,
    isHoliday: (date) => off.has(date) && weekday(date) !== 0 && weekday(date) !== 6,
    isMakeUpWorkday: (date) => on.has(date),
    holidayName: (date) => names.get(date),
    addWorkingDays(start, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
      let d = start;
      dayNumber(start);
      for (let left = n, guard = 0; left > 0; guard++) {
        if (guard > MAX_SCAN_DAYS) throw new RangeError('Calendar has no working days');
        d = addDays(d, 1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    workingDaysBetween(a, b) {
      const sign = dayNumber(b) >= dayNumber(a) ? 1 : -1;
      const [lo, hi] = sign === 1 ? [a, b] : [b, a];
      let count = 0;
      for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return sign * count;
    },
  };
}

/** Years (sorted) a span of dates touches that the calendar does not know. */
export function uncoveredYears(calendar: WorkCalendar, from: CstDate, to: CstDate): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!calendar.covers(y)) out.push(y);
  return out;
}
