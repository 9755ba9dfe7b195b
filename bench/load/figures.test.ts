import { describe, expect, it } from 'vitest';
import { meets, median, ratio, spread, summarize, type RoundFigure } from './figures.ts';

const round = (over: Partial<RoundFigure>): RoundFigure => ({
  opsPerSec: 100, p50Ms: 5, p99Ms: 20, rssMaxMb: 150, failures: 0, ceilingPerSec: 1000, ...over,
});

describe('load bench figures', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const xs = [9, 1, 5];
    expect(median(xs)).toBe(5);
    expect(xs).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('gives the spread as median, min and max', () => {
    expect(spread([30, 10, 20, 50])).toEqual({ median: 25, min: 10, max: 50 });
  });

  it('compares a round with the ceiling measured just before it', () => {
    expect(ratio(400, 1000)).toBeCloseTo(0.4);
    expect(ratio(10, 0)).toBe(0);
    const s = summarize([
      round({ opsPerSec: 400, ceilingPerSec: 1000 }),
      round({ opsPerSec: 300, ceilingPerSec: 500, rssMaxMb: 210, failures: 2 }),
      round({ opsPerSec: 500, ceilingPerSec: 2000, p99Ms: 80 }),
    ]);
    // per-round ratios 0.4, 0.6, 0.25: the median is the middle one, not the ratio of the medians (0.4)
    expect(s.ratio).toEqual({ median: 0.4, min: 0.25, max: 0.6 });
    expect(s.opsPerSec.median).toBe(400);
    expect(s.p99Ms).toEqual({ median: 20, min: 20, max: 80 });
    expect(s.rssMaxMb).toBe(210);
    expect(s.failures).toBe(2);
    expect(s.rounds).toBe(3);
  });

  it('has no ratio when no ceiling was measured', () => {
    expect(summarize([round({ ceilingPerSec: 0 })]).ratio).toBeNull();
    expect(() => summarize([])).toThrow();
  });

  it('judges targets in both directions and leaves absent figures undecided', () => {
    expect(meets(49.9, 50, 'below')).toBe(true);
    expect(meets(50, 50, 'below')).toBe(false);
    expect(meets(0.4, 0.4, 'atLeast')).toBe(true);
    expect(meets(0.39, 0.4, 'atLeast')).toBe(false);
    expect(meets(null, 1, 'below')).toBeNull();
    expect(meets(Number.NaN, 1, 'below')).toBeNull();
  });
});
