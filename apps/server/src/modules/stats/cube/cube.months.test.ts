import { periodRange, parsePeriod } from '@yuanzhi/domain';
import { describe, expect, it } from 'vitest';
import { addMonths, currentMonth, instantOf, monthAt, monthsBetween } from './cube.months.ts';

describe('cube months (CST)', () => {
  it('reads the periods of the dashboard as whole months and refuses other instants', () => {
    const { from, to } = periodRange(parsePeriod('2026-Q1')!);
    expect([monthAt(from), monthAt(to)]).toEqual(['2026-01-01', '2026-04-01']);
    expect(monthAt('2025-12-31T16:00:00.000Z')).toBe('2026-01-01');
    expect(monthAt('2026-01-01T00:00:00.000Z')).toBeNull();
    expect(monthAt('2026-01-15T16:00:00.000Z')).toBeNull();
    expect(instantOf('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('counts months across years, and puts 16:30 UTC on the last day in the next CST month', () => {
    expect(addMonths('2025-11-01', 3)).toBe('2026-02-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
    expect(monthsBetween('2025-11-01', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(currentMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(currentMonth(Date.parse('2026-11-30T15:30:00Z'))).toBe('2026-11-01');
  });
});
