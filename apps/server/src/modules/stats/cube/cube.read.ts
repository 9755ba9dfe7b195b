import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../../authz/can.ts';
import type { DB } from '../../../platform/db.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from '../indicators.types.ts';
import { institutionKeys, regionMatch } from '../region-match.ts';
import { inCube, perRead, staleMonths } from './cube.fresh.ts';
import { addMonths, currentMonth, instantOf, monthAt, monthsBetween } from './cube.months.ts';
import type { CubeDim } from './cube.types.ts';

/** Breakdown keys over the leaf grain (l) and the institution holding the records (i), as the live queries spell them. */
const leafKeys: Record<Exclude<Dimension, 'service'>, RawBuilder<string | null>> = {
  month: sql`to_char(l.month, 'YYYY-MM')`,
  ...institutionKeys,
  ipType: sql`l.ip_type`,
  channel: sql`l.channel`,
  applicantKind: sql`l.applicant_kind`,
  overseas: sql`CASE WHEN l.overseas THEN 'overseas' ELSE 'domestic' END`,
};
const filterColumns: [keyof Cut & CubeDim, string][] = [['ipType', 'ip_type'], ['channel', 'channel'], ['applicantKind', 'applicant_kind']];

type Live = Indicator['evaluate'];

/**
 * An indicator read from the cube where it can answer — whole CST months before the current one, cuts by the
 * dimensions it keeps — and live for the rest (the current month and later, arbitrary instants, a service cut).
 * The answer is the live query's, row for row.
 */
export function withCube(ind: Omit<Indicator, 'evaluate'>, live: Live): Indicator {
  return { ...ind, live, evaluate: (db, cut, by) => cubeEvaluate(db, ind, live, cut, by) };
}

async function cubeEvaluate(db: DB, ind: Omit<Indicator, 'evaluate'>, live: Live, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> {
  const cube = ind.cube;
  if (!cube || !inCube(ind.id) || cut.service || by === 'service') return live(db, cut, by);
  if (by && by !== 'month' && by !== 'province' && by !== 'city' && by !== 'institution' && !cube.dims.includes(by)) return live(db, cut, by);
  if (filterColumns.some(([f]) => cut[f] && !cube.dims.includes(f))) return live(db, cut, by);
  const from = monthAt(cut.from);
  const to = monthAt(cut.to);
  if (!from || !to || from >= to) return live(db, cut, by);
  const now = currentMonth();
  const sealedTo = to < now ? to : now;
  if (from >= sealedTo) return live(db, cut, by);
  const stale = await staleMonths(db, from, sealedTo);
  // Months the cube cannot answer yet (ADR 0041) are read live, in runs of consecutive months; the rest from the cube.
  const runs = staleRuns(monthsBetween(from, sealedTo), stale);
  if (runs.length > MAX_LIVE_RUNS) return live(db, cut, by);
  const last = runs[runs.length - 1];
  if (sealedTo < to) {
    if (last && last[1] === sealedTo) last[1] = to;
    else runs.push([sealedTo, to]);
  }
  const liveRun = ([a, b]: [string, string]) => live(db, { ...cut, from: instantOf(a), to: b === to ? cut.to : instantOf(b) }, by);
  const parts = await Promise.all([
    stale.size < monthsBetween(from, sealedTo).length ? readCube(db, ind, cut, by, from, sealedTo, [...stale].sort()) : Promise.resolve([]),
    ...runs.map(liveRun),
  ]);
  return parts.reduce((a, b) => merge(ind, a, b));
}

/** More runs than this and the whole cut is one live query: fewer statements than a patchwork. */
const MAX_LIVE_RUNS = 3;

/** Consecutive stale months as [first, after last) ranges. */
function staleRuns(months: string[], stale: Set<string>): [string, string][] {
  const out: [string, string][] = [];
  for (const m of months) {
    if (!stale.has(m)) continue;
    const prev = out[out.length - 1];
    if (prev && prev[1] === m) prev[1] = addMonths(m, 1);
    else out.push([m, addMonths(m, 1)]);
  }
  return out;
}

function merge(ind: Pick<Indicator, 'kind'>, a: IndicatorRow[], b: IndicatorRow[]): IndicatorRow[] {
  if (b.length === 0) return a;
  const byKey = new Map<string | null, IndicatorRow>();
  for (const r of [...a, ...b]) {
    const had = byKey.get(r.key);
    if (!had) byKey.set(r.key, { ...r });
    else {
      had.num += r.num;
      if (ind.kind === 'ratio') had.den = (had.den ?? 0) + (r.den ?? 0);
      if (!had.label && r.label) had.label = r.label;
    }
  }
  // The live queries ORDER BY the key: NULL last, text keys in byte order (ASCII codes, months, uuids).
  return [...byKey.values()].sort((x, y) => (x.key === y.key ? 0 : x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : 1));
}

interface Sums { key: string | null; label: string | null; num: string; den: string }

async function readCube(db: DB, ind: Omit<Indicator, 'evaluate'>, cut: Cut, by: Dimension | undefined, from: string, to: string, skip: string[]): Promise<IndicatorRow[]> {
  const filtered = !!cut.regionCode || filterColumns.some(([f]) => cut[f]);
  const rows = !filtered && (!by || by === 'month') ? await fromTotals(db, ind.id, cut, by, from, to, skip) : null;
  return (rows ?? await fromLeaves(db, ind, cut, by, from, to, skip)).map((r) => ({
    key: r.key, ...(r.label ? { label: r.label } : {}), num: Number(r.num), ...(ind.kind === 'ratio' ? { den: Number(r.den) } : {}),
  }));
}

/** The subtree grain: the rows of the institutions at the top of the cut (the scope's, or the chosen institution). */
async function fromTotals(db: DB, id: string, cut: Cut, by: Dimension | undefined, from: string, to: string, skip: string[]): Promise<Sums[] | null> {
  const kept = sql`t.month <> ALL(${skip}::date[])`;
  const within = (path: string) => cut.scope.paths.some((p) => path === p || path.startsWith(`${p}.`));
  // A chosen institution wider than the scope is answered by the leaf grain, which applies both conditions.
  if (cut.institutionPath && !within(cut.institutionPath)) return null;
  const tops = cut.institutionPath ? [cut.institutionPath] : [...cut.scope.paths];
  if (tops.length === 0) return [];
  const found = await perRead(`tops ${tops.join(' ')}`, () =>
    db.selectFrom('institutions').select('id').where(sql<boolean>`path = ANY(${tops}::ltree[])`).execute());
  if (found.length !== tops.length) return null;
  const ids = found.map((f) => f.id);
  if (by === 'month') {
    const { rows } = await sql<Sums>`SELECT to_char(t.month, 'YYYY-MM') AS key, NULL::text AS label, sum(t.num) AS num, sum(t.den) AS den
      FROM stats_cube_total t WHERE t.indicator = ${id} AND t.institution_id = ANY(${ids}::uuid[]) AND t.month >= ${from}::date AND t.month < ${to}::date AND ${kept}
      GROUP BY 1 HAVING sum(t.cnt) > 0 ORDER BY 1`.execute(db);
    return rows;
  }
  // Every indicator's total in one statement, shared by the figures of one read (a summary asks for all of them).
  const all = await perRead(`totals ${ids.join(' ')} ${from} ${to} ${skip.join(' ')}`, async () => {
    const { rows } = await sql<Sums & { indicator: string }>`SELECT t.indicator, NULL::text AS key, NULL::text AS label, sum(t.num) AS num, sum(t.den) AS den
      FROM stats_cube_total t WHERE t.institution_id = ANY(${ids}::uuid[]) AND t.month >= ${from}::date AND t.month < ${to}::date AND ${kept}
      GROUP BY 1 HAVING sum(t.cnt) > 0`.execute(db);
    return new Map(rows.map((r) => [r.indicator, r]));
  });
  const row = all.get(id);
  return row ? [{ key: null, label: null, num: row.num, den: row.den }] : [];
}

async function fromLeaves(db: DB, ind: Omit<Indicator, 'evaluate'>, cut: Cut, by: Dimension | undefined, from: string, to: string, skip: string[]): Promise<Sums[]> {
  const key = by ? leafKeys[by as Exclude<Dimension, 'service'>] : sql`NULL::text`;
  const label = by === 'institution' && ind.cube!.labels ? sql`min(i.name)` : sql`NULL::text`;
  // Without a dimension filter or key, the institution grain holds the same sums in far fewer rows.
  const grain = filterColumns.some(([f]) => cut[f]) || (by && by !== 'month' && by !== 'province' && by !== 'city' && by !== 'institution')
    ? sql`stats_cube_leaf` : sql`stats_cube_self`;
  const conds: RawBuilder<boolean>[] = [
    sql<boolean>`l.indicator = ${ind.id} AND l.month >= ${from}::date AND l.month < ${to}::date AND l.month <> ALL(${skip}::date[])`,
    sql<boolean>`${inScope(cut.scope, 'i.path')}`,
  ];
  if (cut.institutionPath) conds.push(sql<boolean>`i.path <@ ${cut.institutionPath}::ltree`);
  if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
  for (const [f, col] of filterColumns) if (cut[f]) conds.push(sql<boolean>`${sql.ref(`l.${col}`)} = ${cut[f]}`);
  const { rows } = await sql<Sums>`SELECT ${key} AS key, ${label} AS label, sum(l.num) AS num, sum(l.den) AS den
    FROM ${grain} l JOIN institutions i ON i.id = l.institution_id
    WHERE ${sql.join(conds, sql` AND `)} GROUP BY 1 HAVING sum(l.cnt) > 0 ORDER BY 1`.execute(db);
  return rows;
}
