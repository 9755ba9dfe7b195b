import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualScoreProblem, rankByTotal, ruleProblem, scoreComputed, totalScore, weightGap } from './scoring.ts';

describe('linear scoring of a computed item', () => {
  const rule = { floor: 0, target: 200 };
  it.each([
    [0, 0], [-5, 0], [100, 7.5], [150, 11.3], [200, 15], [400, 15], [1, 0.1], [3, 0.2],
  ])('value %f on 0→200, weight 15, scores %f', (value, want) => expect(scoreComputed(value, rule, 15)).toBe(want));

  it('starts at the floor, not at 0', () => {
    expect(scoreComputed(50, { floor: 50, target: 150 }, 10)).toBe(0);
    expect(scoreComputed(100, { floor: 50, target: 150 }, 10)).toBe(5);
  });

  it('goes past the weight up to a given cap', () => {
    const bonus = { floor: 0, target: 100, cap: 12 };
    expect(scoreComputed(110, bonus, 10)).toBe(11);
    expect(scoreComputed(500, bonus, 10)).toBe(12);
  });

  it('mirrors the line when lower is better', () => {
    const late = { floor: 20, target: 5, lowerIsBetter: true };
    expect(scoreComputed(20, late, 10)).toBe(0);
    expect(scoreComputed(30, late, 10)).toBe(0);
    expect(scoreComputed(12.5, late, 10)).toBe(5);
    expect(scoreComputed(5, late, 10)).toBe(10);
    expect(scoreComputed(0, late, 10)).toBe(10);
  });

  it('gives 0 for a missing figure (a share of nothing)', () => expect(scoreComputed(null, rule, 10)).toBe(0));

  it('rounds half up to 0.1', () => {
    // 1/3 of 10 = 3.333… → 3.3; 0.25 of weight 1 = 0.25 → 0.3
    expect(scoreComputed(1, { floor: 0, target: 3 }, 10)).toBe(3.3);
    expect(scoreComputed(25, { floor: 0, target: 100 }, 1)).toBe(0.3);
  });

  it('never leaves [0, cap] and never falls as the figure rises', () => {
    fc.assert(fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.integer({ min: 1, max: 100 }), fc.boolean(),
      (v, dv, floor, span, weight, lower) => {
        const r = lower ? { floor: floor + span, target: floor, lowerIsBetter: true } : { floor, target: floor + span };
        const a = scoreComputed(v, r, weight);
        const b = scoreComputed(v + dv, r, weight);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(weight);
        if (lower) expect(b).toBeLessThanOrEqual(a); else expect(b).toBeGreaterThanOrEqual(a);
      },
    ));
  });
});

describe('rule checks', () => {
  it('wants the target beyond the floor in the rule direction', () => {
    expect(ruleProblem({ floor: 0, target: 10 }, 10)).toBeNull();
    expect(ruleProblem({ floor: 10, target: 10 }, 10)?.field).toBe('target');
    expect(ruleProblem({ floor: 5, target: 10, lowerIsBetter: true }, 10)?.field).toBe('target');
    expect(ruleProblem({ floor: 10, target: 5, lowerIsBetter: true }, 10)).toBeNull();
    expect(ruleProblem({ floor: 0, target: 10, cap: 0 }, 10)?.field).toBe('cap');
    expect(ruleProblem({ floor: 0, target: 10 }, 0)?.field).toBe('weight');
  });

  it('bounds a hand score by the weight, one decimal', () => {
    expect(manualScoreProblem(7.5, 10)).toBeNull();
    expect(manualScoreProblem(10, 10)).toBeNull();
    expect(manualScoreProblem(10.1, 10)?.en).toMatch(/exceed/);
    expect(manualScoreProblem(-1, 10)?.en).toMatch(/negative/);
    expect(manualScoreProblem(7.25, 10)?.en).toMatch(/decimal/);
  });
});

describe('totals, weights and ranks', () => {
  it('adds in tenths', () => {
    expect(totalScore([0.1, 0.2])).toBe(0.3);
    expect(totalScore([15, 7.5, null, 3.3])).toBe(25.8);
  });

  it('tells how far the weights are from 100', () => {
    expect(weightGap([20, 15, 15, 10, 10, 10, 10, 10])).toBe(0);
    expect(weightGap([33.3, 33.3, 33.3])).toBe(0.1);
    expect(weightGap([60, 50])).toBe(-10);
  });

  it('ranks ties equally and skips (1, 2, 2, 4)', () => {
    const r = rankByTotal([{ id: 'a', total: 80 }, { id: 'b', total: 91.5 }, { id: 'c', total: 80 }, { id: 'd', total: 60 }]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
  });
});
