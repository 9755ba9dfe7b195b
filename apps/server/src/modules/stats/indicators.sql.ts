import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { instantOf } from './cube/cube.months.ts';
import { withCube } from './cube/cube.read.ts';
import { historyCases } from './history/history.sql.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';
import { institutionKeys, regionMatch } from './region-match.ts';

export { regionMatch };

const caseKeys: Record<Dimension, RawBuilder<string | null>> = {
  month: sql`to_char(c.d AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  ...institutionKeys,
  ipType: sql`c.ip_type`,
  channel: sql`c.channel`,
  service: sql`s.service`,
  applicantKind: sql`c.applicant_kind`,
  overseas: sql`CASE WHEN c.overseas THEN 'overseas' ELSE 'domestic' END`,
};

export interface CaseIndicatorSpec extends Omit<Indicator, 'module' | 'dims' | 'evaluate' | 'recordIds' | 'records'> {
  /** The instant that puts a case in a period (null: the case does not count). */
  date: RawBuilder<unknown>;
  /** Set when `date` is the case's first event of this kind (byFirstEvent): the query starts from the events. */
  dateEvent?: string;
  /** Which cases count at all (the denominator of a ratio). */
  where?: RawBuilder<boolean>;
  /** For a ratio: which of the counted cases are in the numerator. */
  numerator?: RawBuilder<boolean>;
  /** Also count the imported past accepted cases (ADR 0032); `where` may then read only the columns they have. */
  history?: boolean;
}

function caseConditions(cut: Cut, spec: CaseIndicatorSpec): RawBuilder<boolean>[] {
  const conds: RawBuilder<boolean>[] = [
    sql<boolean>`${inScope(cut.scope, 'c.institution_path')}`,
    sql<boolean>`c.d >= ${cut.from}::timestamptz AND c.d < ${cut.to}::timestamptz`,
  ];
  if (cut.institutionPath) conds.push(sql<boolean>`c.institution_path <@ ${cut.institutionPath}::ltree`);
  if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
  if (cut.ipType) conds.push(sql<boolean>`c.ip_type = ${cut.ipType}`);
  if (cut.channel) conds.push(sql<boolean>`c.channel = ${cut.channel}`);
  if (cut.service) conds.push(sql<boolean>`${cut.service} = ANY(c.services)`);
  if (cut.applicantKind) conds.push(sql<boolean>`c.applicant_kind = ${cut.applicantKind}`);
  if (spec.where) conds.push(spec.where);
  return conds;
}

function caseFrom(spec: CaseIndicatorSpec, by?: Dimension): RawBuilder<unknown> {
  const unnest = by === 'service' ? sql`CROSS JOIN LATERAL unnest(c.services) AS s(service)` : sql``;
  const rows = spec.dateEvent
    ? firstEventRows(spec.dateEvent)
    : spec.history
    ? sql`SELECT c.id, c.institution_id, c.institution_path, c.state, c.ip_type, c.channel, c.services, c.applicant_kind, c.overseas,
        c.enterprise_size, ${spec.date} AS d FROM cases c WHERE c.state <> 'draft' UNION ALL ${historyCases}`
    : sql`SELECT c.*, ${spec.date} AS d FROM cases c WHERE c.state <> 'draft'`;
  return sql`(${rows}) c JOIN institutions i ON i.id = c.institution_id ${unnest}`;
}

/** An indicator over the cases table: one SQL statement per evaluation, grouped by the breakdown. */
export function caseIndicator(spec: CaseIndicatorSpec): Indicator {
  const { date: _d, dateEvent: _e, where: _w, numerator, ...meta } = spec;
  return withCube({
    ...meta,
    module: 'cases',
    dims: ['month', 'province', 'city', 'institution', 'ipType', 'channel', 'service', 'applicantKind', 'overseas'],
    records: true,
    cube: {
      dims: ['ipType', 'channel', 'applicantKind', 'overseas'],
      labels: true,
      rows: (from, to, ids) => sql`SELECT stats_cube_month_of(c.d) AS month, c.institution_id, c.ip_type, c.channel, c.applicant_kind, c.overseas,
          count(*) FILTER (WHERE ${numerator ?? sql`true`}) AS num, count(*) AS den, count(*) AS cnt
        FROM ${caseFrom(spec)}
        WHERE c.d >= ${instantOf(from)}::timestamptz AND c.d < ${instantOf(to)}::timestamptz
          AND ${spec.where ?? sql`true`} AND ${ids ? sql`c.institution_id = ANY(${ids}::uuid[])` : sql`true`}
        GROUP BY 1, 2, 3, 4, 5, 6`,
    },
    async recordIds(db: DB, cut: Cut, limit: number): Promise<string[]> {
      const conds = caseConditions(cut, spec);
      if (numerator) conds.push(numerator);
      const { rows } = await sql<{ id: string }>`
        SELECT c.id FROM ${caseFrom({ ...spec, history: false })} WHERE ${sql.join(conds, sql` AND `)} ORDER BY c.d DESC LIMIT ${limit}`.execute(db);
      return rows.map((r) => r.id);
    },
  }, async (db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> => {
    const key = by ? caseKeys[by] : sql`NULL::text`;
    const num = numerator ?? sql`true`;
    const label = by === 'institution' ? sql`min(i.name)` : sql`NULL::text`;
    const { rows } = await sql<{ key: string | null; label: string | null; num: string; den: string }>`
      SELECT ${key} AS key, ${label} AS label, count(*) FILTER (WHERE ${num}) AS num, count(*) AS den
      FROM ${caseFrom(spec, by)}
      WHERE ${sql.join(caseConditions(cut, spec), sql` AND `)}
      GROUP BY 1 ORDER BY 1`.execute(db);
    return rows.map((r) => ({
      key: r.key, ...(r.label ? { label: r.label } : {}), num: Number(r.num), ...(spec.kind === 'ratio' ? { den: Number(r.den) } : {}),
    }));
  });
}

/** The instant of a case's first event of a kind (decline, withdraw, refer, acceptTransfer …). */
export function firstEventAt(event: string): RawBuilder<unknown> {
  return sql`(SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id AND e.event = ${event})`;
}

/** A spec dated by the first event of a kind: `date` for reading, `dateEvent` for the fast FROM below. */
export function byFirstEvent(event: string): Pick<CaseIndicatorSpec, 'date' | 'dateEvent'> {
  return { date: firstEventAt(event), dateEvent: event };
}

/**
 * Cases with their first event of a kind as `d`, read from the events of the period (index on event, at) rather
 * than one sub-query per case of the whole table: 1,000,000 cases took seconds the other way (bench:dashboard).
 */
function firstEventRows(event: string): RawBuilder<unknown> {
  return sql`SELECT c.*, e.at AS d FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE e.event = ${event} AND c.state <> 'draft'
      AND NOT EXISTS (SELECT 1 FROM case_events p WHERE p.case_id = e.case_id AND p.event = ${event} AND (p.at, p.seq) < (e.at, e.seq))`;
}
