import fs from 'node:fs';
import path from 'node:path';

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

/**
 * CPU milliseconds used so far by this process and by the embedded PostgreSQL of dataDir (postmaster and its
 * backends), from /proc: what requests cost with a core to themselves, robust to a loaded machine.
 */
export function cpuMs(dataDir: string): number {
  const own = process.cpuUsage();
  let ms = (own.user + own.system) / 1000;
  const pgPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const ticks = 100; // USER_HZ on Linux
  for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      // Fields after the command name: state ppid … utime (14th field) stime (15th).
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(p) === pgPid || Number(f[1]) === pgPid) ms += ((Number(f[11]) + Number(f[12])) / ticks) * 1000;
    } catch { /* the process ended meanwhile */ }
  }
  return ms;
}
