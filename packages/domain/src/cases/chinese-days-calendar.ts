import raw from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { createWorkCalendar, type CalendarData, type CalendarYear, type WorkCalendar } from './calendar.ts';

/**
 * The statutory holiday arrangements shipped by the `chinese-days` package, turned into our
 * `CalendarData`. We read its data file rather than call its functions: those parse dates with
 * the host's time zone, and a deadline must not move with the server's TZ.
 *
 * The result is plain data: store it (JSON file, database row) and a new year's arrangement can
 * be added the same way without a code change.
 */
export interface ChineseDaysData {
  /** `YYYY-MM-DD` → `"National Day,国庆节,3"` (English name, Chinese name, festival days). */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function name(label: string): { zh: string; en: string } {
  const [en = '', zh = ''] = label.split(',');
  return { zh: zh || en, en: en || zh };
}

export function calendarDataFromChineseDaysData(source: ChineseDaysData, years?: readonly number[]): CalendarData {
  const out: Record<string, { holidays: string[]; workdays: string[]; names: Record<string, { zh: string; en: string }> }> = {};
  const year = (d: string) => {
    const y = d.slice(0, 4);
    if (years && !years.includes(Number(y))) return undefined;
    return (out[y] ??= { holidays: [], workdays: [], names: {} });
  };
  for (const [d, label] of Object.entries(source.holidays)) {
    const y = year(d);
    if (!y) continue;
    y.holidays.push(d);
    y.names[d] = name(label);
  }
  for (const [d, label] of Object.entries(source.workdays)) {
    const y = year(d);
    if (!y) continue;
    y.workdays.push(d);
    y.names[d] = name(label);
  }
  for (const y of Object.values(out)) {
    y.holidays.sort();
    y.workdays.sort();
  }
  return out satisfies Record<string, CalendarYear>;
}

/** The calendar data of the installed `chinese-days` (optionally only some years). */
export function calendarDataFromChineseDays(years?: readonly number[]): CalendarData {
  return calendarDataFromChineseDaysData(raw as ChineseDaysData, years);
}

/** A work calendar from `chinese-days`, merged with extra years (e.g. loaded from the database). */
export function calendarFromChineseDays(extra: CalendarData = {}): WorkCalendar {
  return createWorkCalendar({ ...calendarDataFromChineseDays(), ...extra });
}
