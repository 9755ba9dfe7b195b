import { describe, expect, it } from 'vitest';
import { monthsOf, parsePeriod, periodKey, periodLabel, periodRange, previousYear } from './periods.ts';

describe('statistical periods in China Standard Time', () => {
  it('parses and prints the three kinds', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-07')).toEqual({ kind: 'month', year: 2026, index: 7 });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(parsePeriod('26')).toBeNull();
    for (const k of ['2026', '2026-Q3', '2026-07']) expect(periodKey(parsePeriod(k)!)).toBe(k);
  });

  it('bounds a period by CST midnights; December rolls into the next year', () => {
    expect(periodRange(parsePeriod('2026')!)).toEqual({ from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(periodRange(parsePeriod('2026-Q4')!)).toEqual({ from: '2026-10-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(periodRange(parsePeriod('2026-02')!)).toEqual({ from: '2026-02-01T00:00:00+08:00', to: '2026-03-01T00:00:00+08:00' });
    // 2025-12-31T16:30Z is 2026-01-01 00:30 in Beijing: it belongs to 2026.
    const { from } = periodRange(parsePeriod('2026')!);
    expect(new Date('2025-12-31T16:30:00Z') >= new Date(from)).toBe(true);
  });

  it('compares with the same period a year before, month by month', () => {
    expect(previousYear(parsePeriod('2026-Q2')!)).toEqual({ kind: 'quarter', year: 2025, index: 2 });
    expect(monthsOf(parsePeriod('2026-Q2')!)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOf(parsePeriod('2026')!)).toHaveLength(12);
    expect(periodLabel(parsePeriod('2026-Q3')!)).toBe('2026年第三季度');
    expect(periodLabel(parsePeriod('2026-07')!, 'en')).toBe('2026-07');
  });
});
