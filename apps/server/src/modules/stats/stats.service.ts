import { labelOf, caseChannels, partyKinds, ipTypes, services, type Labelled } from '@yuanzhi/contracts';
import { monthsOf, parsePeriod, percent, periodRange, previousYear, yoyGrowth, type Period } from '@yuanzhi/domain';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { oneRead } from './cube/cube.fresh.ts';
import { findIndicator, indicators } from './indicators.registry.ts';
import type { Cut, CutFilters, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';

export interface CutQuery extends Omit<CutFilters, 'institutionPath'> {
  period: string;
  institutionId?: string | undefined;
}

/** The national statistics count 32 provincial units (31 provinces + 新疆生产建设兵团). */
export const PROVINCIAL_UNITS = 32;

export function toPeriod(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw Invalid('period', '统计期格式应为 2026、2026-Q3 或 2026-07', 'Period must look like 2026, 2026-Q3 or 2026-07');
  return p;
}

export function requireIndicator(id: string): Indicator {
  const ind = findIndicator(id);
  if (!ind) throw Invalid('indicator', `未知指标：${id}`, `Unknown indicator: ${id}`);
  return ind;
}

/** The subtree a cut is limited to; 404 for an institution outside the scope (never leaks that it exists). */
export async function resolveCut(db: DB, scope: Scope, q: CutQuery, period: Period): Promise<Cut> {
  const { from, to } = periodRange(period);
  const { period: _p, institutionId, ...filters } = q;
  const cut: Cut = { scope, from, to, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) };
  if (institutionId) {
    const inst = await db.selectFrom('institutions').select('path').where('id', '=', institutionId).where(inScope(scope, 'path')).executeTakeFirst();
    if (!inst) throw NotFound('institution', '机构');
    cut.institutionPath = inst.path;
  }
  return cut;
}

function applicable(ind: Indicator, cut: Cut): boolean {
  const need: [keyof CutFilters, Dimension][] = [['ipType', 'ipType'], ['channel', 'channel'], ['service', 'service'], ['applicantKind', 'applicantKind']];
  return need.every(([f, d]) => !cut[f] || ind.dims.includes(d));
}

/** The figure of a row: a count, or a share in percent with one decimal (half up). */
export function valueOf(ind: Indicator, r: IndicatorRow | undefined): number | null {
  if (!r) return ind.kind === 'ratio' ? null : 0;
  return ind.kind === 'ratio' ? percent(r.num, r.den ?? 0) : r.num;
}

export interface SummaryItem {
  id: string;
  value: number | null;
  previous: number | null;
  /** % growth for counts; change in percentage points for ratios. */
  yoy: number | null;
  num: number;
  den: number | null;
}

/** Every applicable indicator for the period and the same period a year before (one read of the cube, ADR 0036). */
export function summary(db: DB, scope: Scope, q: CutQuery): Promise<SummaryItem[]> {
  return oneRead(async () => {
    const period = toPeriod(q.period);
    const cut = await resolveCut(db, scope, q, period);
    const prevCut = { ...cut, ...periodRange(previousYear(period)) };
    // All at once: the pool bounds the concurrency; most figures are a few rows of the cube.
    return Promise.all(indicators.filter((ind) => applicable(ind, cut)).map(async (ind): Promise<SummaryItem> => {
      const [cur, prev] = await Promise.all([ind.evaluate(db, cut), ind.evaluate(db, prevCut)]);
      const value = valueOf(ind, cur[0]);
      const previous = valueOf(ind, prev[0]);
      const yoy = value === null || previous === null ? null
        : ind.kind === 'ratio' ? Math.round((value - previous) * 10) / 10 : yoyGrowth(value, previous);
      return { id: ind.id, value, previous, yoy, num: cur[0]?.num ?? 0, den: ind.kind === 'ratio' ? (cur[0]?.den ?? 0) : null };
    }));
  });
}

const enumLabels: Partial<Record<Dimension, readonly Labelled[]>> = {
  ipType: ipTypes, channel: caseChannels, service: services, applicantKind: partyKinds,
  overseas: [{ value: 'domestic', zh: '国内', en: 'Domestic' }, { value: 'overseas', zh: '海外', en: 'Overseas' }],
};

export interface BreakdownRow {
  key: string | null;
  label: string;
  value: number | null;
  previous?: number | null;
}

/** One indicator broken down by a dimension; by month the months of the period with last year's alongside. */
export async function breakdown(db: DB, scope: Scope, q: CutQuery & { indicator: string; by: Dimension }): Promise<BreakdownRow[]> {
  const ind = requireIndicator(q.indicator);
  if (!ind.dims.includes(q.by)) throw Invalid('by', `指标“${ind.zh}”不能按此维度分解`, `${ind.en} cannot be broken down by ${q.by}`);
  const period = toPeriod(q.period);
  const cut = await resolveCut(db, scope, q, period);
  const rows = await ind.evaluate(db, cut, q.by);
  if (q.by === 'month') {
    const prev = await ind.evaluate(db, { ...cut, ...periodRange(previousYear(period)) }, 'month');
    return monthsOf(period).map((m) => {
      const lastYear = `${+m.slice(0, 4) - 1}${m.slice(4)}`;
      return { key: m, label: `${+m.slice(5)}月`, value: valueOf(ind, rows.find((r) => r.key === m)), previous: valueOf(ind, prev.find((r) => r.key === lastYear)) };
    });
  }
  const labels = await labelsFor(db, q.by, rows);
  return rows
    .map((r) => ({ key: r.key, label: r.label ?? labels.get(r.key ?? '') ?? (r.key === null ? '未填写' : r.key), value: valueOf(ind, r) }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

async function labelsFor(db: DB, by: Dimension, rows: IndicatorRow[]): Promise<Map<string, string>> {
  const list = enumLabels[by];
  if (list) return new Map(rows.filter((r) => r.key).map((r) => [r.key!, labelOf(list, r.key!)]));
  if (by === 'province' || by === 'city') {
    const codes = rows.map((r) => r.key).filter((k): k is string => !!k);
    if (codes.length === 0) return new Map();
    const regs = await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute();
    return new Map(regs.map((r) => [r.code, r.name]));
  }
  return new Map();
}

/** How many provincial units reach a threshold, and their share of the 32 (“28.1%的省…”). */
export function provinceShare(rows: BreakdownRow[], threshold: number): { count: number; share: number | null } {
  const count = rows.filter((r) => r.key && (r.value ?? 0) >= threshold).length;
  return { count, share: percent(count, PROVINCIAL_UNITS) };
}
