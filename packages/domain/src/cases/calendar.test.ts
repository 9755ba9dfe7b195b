import { afterEach, describe, expect, it } from 'vitest';
import { createWorkCalendar, uncoveredYears } from './calendar.ts';
import { calendarDataFromChineseDays, calendarFromChineseDays } from './chinese-days-calendar.ts';
import { addDays, formatCstDateZh, isCstDate, toCstDate, weekday } from './cst-date.ts';

const cal = calendarFromChineseDays();
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('chinese-days data', () => {
  it('holds the 2025 National Day arrangement: off 1–8 October, make-up days 28 September and 11 October', () => {
    const y = calendarDataFromChineseDays([2025])['2025'];
    expect(y.holidays.filter((d) => d.startsWith('2025-10'))).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}`),
    );
    expect(y.workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y.names?.['2025-10-01']).toEqual({ zh: '国庆节', en: 'National Day' });
  });

  it('holds 2026: Spring Festival 15–23 February with make-up days 14 and 28 February', () => {
    const y = calendarDataFromChineseDays([2026])['2026'];
    expect(y.holidays).toContain('2026-02-15');
    expect(y.holidays).toContain('2026-02-23');
    expect(y.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('WorkCalendar', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(cal.isWorkingDay('2025-09-26')).toBe(true); // Friday
    expect(cal.isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休
    expect(cal.isWorkingDay('2025-10-08')).toBe(false); // Wednesday, holiday
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休
    expect(cal.isHoliday('2025-10-08')).toBe(true);
    expect(cal.isHoliday('2025-10-04')).toBe(false); // a Saturday inside the holiday does not push anything
    expect(cal.isMakeUpWorkday('2025-10-11')).toBe(true);
  });

  it('adds working days across the National Day holiday', () => {
    expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(cal.addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(() => cal.addWorkingDays('2025-09-30', -1)).toThrow(RangeError);
  });

  it('counts working days d with a < d ≤ b', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(cal.workingDaysBetween('2025-10-12', '2025-09-26')).toBe(-6);
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    for (const n of [0, 1, 5, 15, 30]) expect(cal.workingDaysBetween('2026-02-10', cal.addWorkingDays('2026-02-10', n))).toBe(n);
  });

  it('reads a calendar from plain data (a JSON file or a database row)', () => {
    const data = JSON.parse('{"2027":{"holidays":["2027-01-01"],"workdays":["2027-01-09"]}}');
    const c = createWorkCalendar(data);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.isWorkingDay('2027-01-09')).toBe(true);
    expect(c.covers(2027)).toBe(true);
    expect(uncoveredYears(c, '2026-12-30', '2027-01-05')).toEqual([2026]);
  });

  it('refuses malformed data', () => {
    expect(() => createWorkCalendar({ '2027': { holidays: ['2027-02-30'], workdays: [] } })).toThrow(/bad date/);
    expect(() => createWorkCalendar({ '2027': { holidays: ['2026-12-31'], workdays: [] } })).toThrow(/bad date/);
    expect(() => createWorkCalendar({ '2027': { holidays: ['2027-01-02'], workdays: ['2027-01-02'] } })).toThrow(/both/);
    expect(() => createWorkCalendar({ '27': { holidays: [], workdays: [] } })).toThrow(/four digits/);
  });
});

describe('China Standard Time days, whatever the host zone', () => {
  for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
    it(`gives the same days with TZ=${tz}`, () => {
      process.env.TZ = tz;
      expect(toCstDate('2025-09-30T16:30:00Z')).toBe('2025-10-01');
      expect(toCstDate('2025-09-30T23:59:59+08:00')).toBe('2025-09-30');
      expect(toCstDate(new Date(Date.UTC(2025, 8, 30, 15, 59)))).toBe('2025-09-30');
      expect(weekday('2025-10-01')).toBe(3);
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(calendarFromChineseDays().addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    });
  }

  it('refuses timestamps without an offset, which would depend on the host', () => {
    expect(() => toCstDate('2025-09-30T10:00:00')).toThrow(/offset/);
    expect(() => toCstDate('2025-02-29')).toThrow(RangeError);
    expect(isCstDate('2024-02-29')).toBe(true);
    expect(formatCstDateZh('2026-11-22')).toBe('2026年11月22日');
  });
});
