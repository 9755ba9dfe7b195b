import { describe, expect, it } from 'vitest';
import { vmRssMb } from './child.ts';
import { summarize } from './figures.ts';
import { renderResults, type Results } from './table.ts';

const s = (ops: number[], ceilings: number[], p99: number[], rss = 180) =>
  summarize(ops.map((o, i) => ({ opsPerSec: o, p50Ms: 4, p99Ms: p99[i]!, rssMaxMb: rss, failures: 0, ceilingPerSec: ceilings[i]! })));

const results: Results = {
  measuredAt: '2026-12-03T12:00:00.000Z', mode: 'quick', cpus: 2, loadAverage: [1.5, 2, 2.25], rounds: 3, roundSeconds: 2,
  data: { scale: 20000, cases: 20010, source: 'demo data' },
  ceilings: { insert: s([4000, 3600, 3800], [0, 0, 0], [9, 10, 11], 90), constant: s([20000, 21000, 19000], [0, 0, 0], [2, 3, 2], 70) },
  scenarios: [
    { id: 'submit', label: '(a) submits', connections: 10, unit: 'submission', target: '≥ 40%', met: false, summary: s([300, 320, 310], [4000, 3600, 3800], [60, 70, 65]) },
    { id: 'queue', label: '(b) queue', connections: 10, unit: 'request', target: 'p99 < 50 ms', met: true, summary: s([900, 950, 1000], [4000, 3600, 3800], [20, 22, 24], 240) },
  ],
  bundles: [{ entry: 'portal', files: ['a.js', 'b.js'], gzipBytes: 250 * 1024, targetBytes: 300 * 1024 }, { entry: 'console', files: ['c.js'], gzipBytes: 1000 * 1024, targetBytes: 900 * 1024 }],
  startup: { firstStartMs: 12_300, warmStartMs: 4_100 },
};

describe('results table', () => {
  const md = renderResults(results);
  const line = (start: string) => md.split('\n').find((l) => l.startsWith(start)) ?? '';

  it('has a row per ceiling and per scenario, with medians and min–max', () => {
    expect(line('| ceiling: one INSERT')).toContain('| 3,800 (3,600–4,000) |');
    expect(line('| ceiling: constant JSON')).toContain('20,000 (19,000–21,000)');
    expect(line('| (b) queue')).toContain('| 22.0 (20.0–24.0) |');
  });

  it('gives the ratio to the INSERT ceiling per round, RSS and the target verdict', () => {
    // ratios 300/4000 = 7.5%, 320/3600 = 8.9%, 310/3800 = 8.2%
    expect(line('| (a) submits (per submission)')).toMatch(/\| 8% \(8–9%\) \| 180 MB \| 0 \| ≥ 40% — \*\*missed\*\* \|$/);
    expect(line('| (b) queue')).toContain('| 240 MB |');
    expect(line('| (b) queue')).toContain('p99 < 50 ms — met');
  });

  it('reports first-load JavaScript against its targets and the start-up time', () => {
    expect(line('| portal')).toBe('| portal | 250 KB | < 300 KB — met | 2 |');
    expect(line('| console')).toBe('| console | 1000 KB | < 900 KB — **missed** | 1 |');
    expect(md).toContain('New data directory: 12.3 s; warm start: 4.1 s (target < 15 s — met)');
    expect(md).toContain('load average at the start 1.5 / 2.0 / 2.3');
    expect(md).toContain('3 rounds of 2 s per scenario');
  });
});

describe('VmRSS', () => {
  it('is read from /proc/<pid>/status in MB', () => {
    expect(vmRssMb('Name:\tnode\nVmPeak:\t 900000 kB\nVmRSS:\t  204800 kB\nThreads: 11\n')).toBe(200);
    expect(vmRssMb('Name:\tzombie\n')).toBeNull();
  });
});
