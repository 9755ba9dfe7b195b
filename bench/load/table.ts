import type { Spread, Summary } from './figures.ts';

/** What `npm run bench` writes to bench/results.json; bench/results.md is rendered from it. */
export interface ScenarioResult {
  id: string;
  label: string;
  connections: number;
  /** 'submission' when one operation is several requests (draft, evidence, submit). */
  unit: 'request' | 'submission' | 'report';
  /** Target in words, and whether the median figures meet it (null: no target, or not measurable). */
  target: string | null;
  met: boolean | null;
  summary: Summary;
}

export interface BundleFigure {
  entry: string;
  files: string[];
  gzipBytes: number;
  targetBytes: number;
}

export interface Results {
  measuredAt: string;
  mode: 'full' | 'quick';
  cpus: number;
  loadAverage: number[];
  rounds: number;
  roundSeconds: number;
  data: { scale: number; cases: number; source: string };
  ceilings: { insert: Summary; constant: Summary };
  scenarios: ScenarioResult[];
  bundles: BundleFigure[];
  startup: { firstStartMs: number; warmStartMs: number } | null;
  /** The platform's RSS after start-up, before any request. */
  idleRssMb?: number;
}

const num = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const sp = (s: Spread) => `${num(s.median)} (${num(s.min)}–${num(s.max)})`;
const pct = (s: Spread | null) => (s ? `${(s.median * 100).toFixed(0)}% (${(s.min * 100).toFixed(0)}–${(s.max * 100).toFixed(0)}%)` : '—');
const mark = (m: boolean | null) => (m === null ? '' : m ? ' — met' : ' — **missed**');

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderResults(r: Results): string {
  const lines: string[] = [];
  lines.push('# Load bench results', '');
  lines.push(
    `Written by \`npm run bench${r.mode === 'quick' ? ':quick' : ''}\` (bench/load/run.ts) on ${r.measuredAt}; ${r.cpus} cores, ` +
      `load average at the start ${r.loadAverage.map((x) => x.toFixed(1)).join(' / ')}. Data: ${r.data.source}, ` +
      `${r.data.cases.toLocaleString('en-US')} cases. ${r.rounds} rounds of ${r.roundSeconds} s per scenario, ` +
      'each right after a round of the single-INSERT ceiling; figures are medians over the rounds with (min–max).' +
      (r.idleRssMb ? ` The platform's RSS after start-up, before any request: ${Math.round(r.idleRssMb)} MB.` : ''),
    '',
  );
  lines.push(row(['scenario', 'conns', 'ops/s', 'p50 ms', 'p99 ms', 'ratio to INSERT ceiling', 'server RSS max', 'failures', 'target']));
  lines.push(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
  const ceil = (label: string, s: Summary) =>
    row([label, '10', sp(s.opsPerSec), sp(s.p50Ms), sp(s.p99Ms), '—', `${Math.round(s.rssMaxMb)} MB`, String(s.failures), '']);
  lines.push(ceil('ceiling: constant JSON (minimal Fastify)', r.ceilings.constant));
  lines.push(ceil('ceiling: one INSERT … RETURNING (minimal Fastify + pg)', r.ceilings.insert));
  for (const s of r.scenarios) {
    const m = s.summary;
    lines.push(row([
      `${s.label}${s.unit === 'request' ? '' : ` (per ${s.unit})`}`, String(s.connections), sp(m.opsPerSec), sp(m.p50Ms), sp(m.p99Ms),
      pct(m.ratio), `${Math.round(m.rssMaxMb)} MB`, String(m.failures), `${s.target ?? ''}${mark(s.met)}`,
    ]));
  }
  lines.push('');
  if (r.bundles.length) {
    lines.push('## First-load JavaScript (gzipped: the entry chunk and its static imports, from the Vite manifest)', '');
    lines.push(row(['page', 'gzipped', 'target', 'files']), row(['---', '---:', '---:', '---:']));
    for (const b of r.bundles) {
      const kb = (x: number) => `${(x / 1024).toFixed(0)} KB`;
      lines.push(row([b.entry, kb(b.gzipBytes), `< ${kb(b.targetBytes)}${mark(b.gzipBytes < b.targetBytes)}`, String(b.files.length)]));
    }
    lines.push('');
  }
  if (r.startup) {
    lines.push('## `npm start` to the first served page', '');
    lines.push(`New data directory: ${(r.startup.firstStartMs / 1000).toFixed(1)} s; warm start: ${(r.startup.warmStartMs / 1000).toFixed(1)} s (target < 15 s${mark(r.startup.firstStartMs < 15_000)}).`, '');
  }
  return lines.join('\n');
}
