import { describe, expect, it } from 'vitest';
import { formatCount, formatFigure, formatPercent, formatPointChange, formatYoy, percent, roundHalfUp, yoyGrowth } from './numbers.ts';

describe('numbers as the progress reports print them', () => {
  it.each([
    [18, 32, 56.3], // 56.25 → half up, not banker's 56.2
    [9, 32, 28.1], // 28.125
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 5, 100],
  ])('percent(%i, %i) = %f', (num, den, want) => expect(percent(num, den)).toBe(want));

  it('no share of nothing', () => expect(percent(1, 0)).toBeNull());

  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68], // 2.675 is 2.67499… in binary; the reports mean 2.68
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [56.25, 1, 56.3],
  ])('roundHalfUp(%f, %i) = %f', (v, d, want) => expect(roundHalfUp(v, d)).toBe(want));

  it.each([
    [11179, 7398, 51.1],
    [100, 100, 0],
    [97, 100, -3],
    [3348, 2012, 66.4],
  ])('yoyGrowth(%i, %i) = %f', (cur, prev, want) => expect(yoyGrowth(cur, prev)).toBe(want));

  it('no growth rate from zero', () => expect(yoyGrowth(5, 0)).toBeNull());

  it.each([
    [71234, '7.1万'],
    [70_000, '7万'],
    [11179, '1.1万'],
    [9999, '9999'],
    [0, '0'],
    [125_000, '12.5万'],
  ])('formatCount(%i) = %s', (n, want) => expect(formatCount(n)).toBe(want));

  it('formats growth, shares and point changes', () => {
    expect(formatYoy(51.05)).toBe('同比增长51.1%');
    expect(formatYoy(-3)).toBe('同比下降3.0%');
    expect(formatYoy(0)).toBe('同比持平');
    expect(formatYoy(null)).toBe('上年为零，无法计算同比');
    expect(formatYoy(12.34, 'en')).toBe('up 12.3% year on year');
    expect(formatPercent(28.125)).toBe('28.1%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPointChange(43.8, 28.2)).toBe('较去年增长15.6个百分点');
    expect(formatPointChange(20, 25)).toBe('较去年下降5.0个百分点');
    expect(formatFigure(71234, '次')).toBe('7.1万次');
    expect(formatFigure(11179 - 10000 + 500, '份')).toBe('1679份');
  });
});
