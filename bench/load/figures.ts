/**
 * The pure arithmetic of the load bench: medians and spreads over rounds, and each scenario's ratio to the
 * ceiling measured just before it in the same round (A/B alternation, so the machine's noise hits both alike).
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One round of one scenario, as autocannon reported it, with the server's largest RSS during the round. */
export interface RoundFigure {
  /** Operations a second (requests, or whole submissions when one takes several requests). */
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  rssMaxMb: number;
  /** Answers that were not 2xx, and socket errors or time-outs. */
  failures: number;
  /** The ceiling's req/s measured just before this round of the scenario. */
  ceilingPerSec: number;
}

export interface Summary {
  opsPerSec: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  /** Median over rounds of opsPerSec / ceilingPerSec (null when no ceiling was measured). */
  ratio: Spread | null;
  rssMaxMb: number;
  failures: number;
  rounds: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function spread(xs: readonly number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** The scenario's throughput as a share of the ceiling's; 0 when the ceiling itself measured nothing. */
export function ratio(ops: number, ceiling: number): number {
  return ceiling > 0 ? ops / ceiling : 0;
}

export function summarize(rounds: readonly RoundFigure[]): Summary {
  if (rounds.length === 0) throw new Error('no rounds to summarize');
  const withCeiling = rounds.filter((r) => r.ceilingPerSec > 0);
  return {
    opsPerSec: spread(rounds.map((r) => r.opsPerSec)),
    p50Ms: spread(rounds.map((r) => r.p50Ms)),
    p99Ms: spread(rounds.map((r) => r.p99Ms)),
    ratio: withCeiling.length ? spread(withCeiling.map((r) => ratio(r.opsPerSec, r.ceilingPerSec))) : null,
    rssMaxMb: Math.max(...rounds.map((r) => r.rssMaxMb)),
    failures: rounds.reduce((n, r) => n + r.failures, 0),
    rounds: rounds.length,
  };
}

/** A target met or not; null when the figure is absent. */
export function meets(value: number | null | undefined, limit: number, kind: 'below' | 'atLeast'): boolean | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return kind === 'below' ? value < limit : value >= limit;
}
