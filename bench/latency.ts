/** Latency figures shared by the in-process benches (search, desk suggestions, dashboard). */
export interface Stats { p50ms: number; p95ms: number; maxMs: number }

/** The p-quantile of the figures (nearest rank below), to 0.1 ms. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
}

export const statsOf = (times: readonly number[]): Stats => ({ p50ms: pct(times, 0.5), p95ms: pct(times, 0.95), maxMs: pct(times, 1) });

/** `rounds` calls spread over `concurrency` workers; each call's own latency. */
export async function measure(run: (i: number) => Promise<unknown>, concurrency: number, rounds: number): Promise<Stats> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < rounds) {
      const i = next++;
      const s = performance.now();
      await run(i);
      times.push(performance.now() - s);
    }
  }));
  return statsOf(times);
}
