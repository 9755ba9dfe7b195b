import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.ts';
import { nextReturnStatus, periodEnded, returnActionAllowed, returnDueOn } from './returns.ts';

describe('statistical returns', () => {
  it.each([
    ['2026-07', '2026-08-10'],
    ['2026-12', '2027-01-10'],
    ['2026-Q3', '2026-10-15'],
    ['2026-Q4', '2027-01-15'],
    ['2026', '2027-01-31'],
  ])('%s is due on %s', (p, due) => expect(returnDueOn(parsePeriod(p)!)).toBe(due));

  it('can be filed once the period has ended', () => {
    expect(periodEnded(parsePeriod('2026-Q3')!, '2026-09-30')).toBe(false);
    expect(periodEnded(parsePeriod('2026-Q3')!, '2026-10-01')).toBe(true);
    expect(periodEnded(parsePeriod('2026')!, '2026-12-31')).toBe(false);
    expect(periodEnded(parsePeriod('2026')!, '2027-01-01')).toBe(true);
  });

  it.each([
    ['none', 'submit', true],
    ['draft', 'save', true],
    ['returned', 'submit', true],
    ['submitted', 'save', false],
    ['submitted', 'return', true],
    ['submitted', 'accept', true],
    ['draft', 'accept', false],
    ['accepted', 'save', false],
    ['accepted', 'return', false],
    ['accepted', 'submit', false],
  ] as const)('from %s, %s allowed: %s', (s, a, ok) => expect(returnActionAllowed(s, a)).toBe(ok));

  it('names the status each action leads to', () => {
    expect(nextReturnStatus('return')).toBe('returned');
    expect(nextReturnStatus('accept')).toBe('accepted');
  });
});
