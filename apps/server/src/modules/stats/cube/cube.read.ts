import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../../authz/can.ts';
import type { DB } from '../../../platform/db.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from '../indicators.types.ts';
import { institutionKeys, regionMatch } from '../region-match.ts';
import { ensureFresh, inCube, perRead } from './cube.fresh.ts';
import { currentMonth, instantOf, monthAt } from './cube.months.ts';
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
  await ensureFresh(db, from, sealedTo);
  const [stored, recent] = await Promise.all([
    readCube(db, ind, cut, by, from, sealedTo),
    sealedTo < to ? live(db, { ...cut, from: instantOf(sealedTo) }, by) : Promise.resolve([]),
  ]);
  return merge(ind, stored, recent);
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

async function readCube(db: DB, ind: Omit<Indicator, 'evaluate'>, cut: Cut, by: Dimension | undefined, from: string, to: string): Promise<IndicatorRow[]> {
  const filtered = !!cut.regionCode || filterColumns.some(([f]) => cut[f]);
  const rows = !filtered && (!by || by === 'month') ? await fromTotals(db, ind.id, cut, by, from, to) : null;
  return (rows ?? await fromLeaves(db, ind, cut, by, from, to)).map((r) => ({
    key: r.key, ...(r.label ? { label: r.label } : {}), num: Number(r.num), ...(ind.kind === 'ratio' ? { den: Number(r.den) } : {}),
  }));
}

/** The subtree grain: the rows of the institutions at the top of the cut (the scope's, or the chosen institution). */
async function fromTotals(db: DB, id: string, cut: Cut, by: Dimension | undefined, from: string, to: string): Promise<Sums[] | null> {
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
      FROM stats_cube_total t WHERE t.indicator = ${id} AND t.institution_id = ANY(${ids}::uuid[]) AND t.month >= ${from}::date AND t.month < ${to}::date
      GROUP BY 1 HAVING sum(t.cnt) > 0 ORDER BY 1`.execute(db);
    return rows;
  }
  // Every indicator's total in one statement, shared by the figures of one read (a summary asks for all of them).
  const all = await perRead(`totals ${ids.join(' ')} ${from} ${to}`, async () => {
    const { rows } = await sql<Sums & { indicator: string }>`SELECT t.indicator, NULL::text AS key, NULL::text AS label, sum(t.num) AS num, sum(t.den) AS den
      FROM stats_cube_total t WHERE t.institution_id = ANY(${ids}::uuid[]) AND t.month >= ${from}::date AND t.month < ${to}::date
      GROUP BY 1 HAVING sum(t.cnt) > 0`.execute(db);
    return new Map(rows.map((r) => [r.indicator, r]));
  });
  const row = all.get(id);
  return row ? [{ key: null, label: null, num: row.num, den: row.den }] : [];
}

async function fromLeaves(db: DB, ind: Omit<Indicator, 'evaluate'>, cut: Cut, by: Dimension | undefined, from: string, to: string): Promise<Sums[]> {
  const key = by ? leafKeys[by as Exclude<Dimension, 'service'>] : sql`NULL::text`;
  const label = by === 'institution' && ind.cube!.labels ? sql`min(i.name)` : sql`NULL::text`;
  // Without a dimension filter or key, the institution grain holds the same sums in far fewer rows.
  const grain = filterColumns.some(([f]) => cut[f]) || (by && by !== 'month' && by !== 'province' && by !== 'city' && by !== 'institution')
    ? sql`stats_cube_leaf` : sql`stats_cube_self`;
  const conds: RawBuilder<boolean>[] = [
    sql<boolean>`l.indicator = ${ind.id} AND l.month >= ${from}::date AND l.month < ${to}::date`,
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
