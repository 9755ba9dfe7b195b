import {
  calendarDataFromChineseDays, calendarFromChineseDays, createWorkCalendar, type CalendarData, type CalendarYear, type WorkCalendar,
} from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';

/**
 * The work calendar the server counts deadlines with: the years stored in `work_calendar_years`
 * (seeded from chinese-days by the migration, replaced by PUT /api/calendar/:year), and for a year not
 * stored there the arrangement shipped with the chinese-days package. Built once and rebuilt when the
 * table changes (its stamp — database, row count and latest update — is read on every use, one cheap
 * query, so every server process sees a new year at once).
 */
let cached: { stamp: string; calendar: WorkCalendar } | undefined;

export async function serverCalendar(db: DB | Tx): Promise<WorkCalendar> {
  const { stamp } = await db
    .selectFrom('work_calendar_years')
    .select(sql<string>`current_database() || ':' || count(*) || ':' || coalesce(max(updated_at)::text, '')`.as('stamp'))
    .executeTakeFirstOrThrow();
  if (cached?.stamp === stamp) return cached.calendar;
  const calendar = calendarFromChineseDays(await storedYears(db));
  cached = { stamp, calendar };
  return calendar;
}

async function storedYears(db: DB | Tx, year?: number): Promise<CalendarData> {
  let q = db
    .selectFrom('work_calendar_years')
    .select(['year', sql<string[]>`holidays::text[]`.as('holidays'), sql<string[]>`workdays::text[]`.as('workdays'), 'names']);
  if (year !== undefined) q = q.where('year', '=', year);
  const rows = await q.execute();
  return Object.fromEntries(rows.map((r) => [String(r.year), { holidays: r.holidays, workdays: r.workdays, names: r.names }]));
}

export interface CalendarYearView {
  year: number;
  holidays: string[];
  workdays: string[];
  names: Record<string, { zh: string; en: string }>;
  /** 'chinese-days' (seeded), 'manual:<user id>' (PUT), 'package' (not stored: the installed chinese-days), null (unknown year). */
  source: string | null;
  updatedAt: string | null;
}

export async function calendarYear(db: DB | Tx, year: number): Promise<CalendarYearView> {
  const row = await db
    .selectFrom('work_calendar_years')
    .select(['source', 'updated_at'])
    .where('year', '=', year)
    .executeTakeFirst();
  const data = row ? await storedYears(db, year) : calendarDataFromChineseDays([year]);
  const y: CalendarYear | undefined = data[String(year)];
  return {
    year,
    holidays: [...(y?.holidays ?? [])],
    workdays: [...(y?.workdays ?? [])],
    names: { ...(y?.names ?? {}) },
    source: row ? row.source : y ? 'package' : null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

export interface CalendarYearInput {
  holidays: string[];
  workdays: string[];
  names?: Record<string, { zh: string; en: string }>;
}

/** Check a year's arrangement the way the domain reads it (dates inside the year, no day both off and on). */
export function validateCalendarYear(year: number, input: CalendarYearInput): string | null {
  try {
    createWorkCalendar({ [String(year)]: input });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Store a year (replacing it). The caller enqueues the recompute of open deadlines in the same transaction. */
export async function storeCalendarYear(tx: Tx, year: number, input: CalendarYearInput, source: string): Promise<void> {
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const names = JSON.stringify(input.names ?? {});
  await tx
    .insertInto('work_calendar_years')
    .values({ year, holidays, workdays, names, source, updated_at: sql<Date>`clock_timestamp()` })
    .onConflict((oc) => oc.column('year').doUpdateSet({ holidays, workdays, names, source, updated_at: sql<Date>`clock_timestamp()` }))
    .execute();
}
