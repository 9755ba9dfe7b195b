import { analysisPurposes } from '@yuanzhi/contracts';
import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { historyRows } from './history/history.sql.ts';
import { instantOf } from './cube/cube.months.ts';
import { withCube } from './cube/cube.read.ts';
import { institutionKeys, regionMatch } from './region-match.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';

/** On-site services at events and analysis-and-warning services (modules events, analysis; ADR 0028). */
const keys: Partial<Record<Dimension, RawBuilder<string | null>>> = {
  month: sql`to_char(r.d, 'YYYY-MM')`,
  ...institutionKeys,
};

/**
 * A count over rows `(d date, institution_id, institution_path, n)`: the CST day that puts a row in a period, the
 * institution that did the work, and what the row adds (1, or a head count).
 */
export function rowsIndicator(meta: Omit<Indicator, 'dims' | 'evaluate' | 'kind'>, rows: RawBuilder<unknown>): Indicator {
  const day = (month: string) => sql`(${instantOf(month)}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
  return withCube({
    ...meta,
    kind: 'count',
    dims: ['month', 'province', 'city', 'institution'],
    cube: {
      dims: [],
      labels: true,
      rows: (from, to, ids) => sql`SELECT date_trunc('month', r.d)::date AS month, r.institution_id, NULL::text, NULL::text, NULL::text, NULL::boolean,
          coalesce(sum(r.n), 0) AS num, 0::bigint AS den, count(*) AS cnt
        FROM ${rows} r WHERE r.d >= ${day(from)} AND r.d < ${day(to)} AND ${ids ? sql`r.institution_id = ANY(${ids}::uuid[])` : sql`true`}
        GROUP BY 1, 2`,
    },
  }, async (db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> => {
      const key = by ? keys[by] : sql`NULL::text`;
      if (key === undefined) return [];
      // Cuts by IP type, channel, service or applicant do not apply to these records.
      if (cut.ipType || cut.channel || cut.service || cut.applicantKind) return [];
      const conds: RawBuilder<boolean>[] = [
        sql<boolean>`${inScope(cut.scope, 'r.institution_path')}`,
        sql<boolean>`r.d >= (${cut.from}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND r.d < (${cut.to}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`,
      ];
      if (cut.institutionPath) conds.push(sql<boolean>`r.institution_path <@ ${cut.institutionPath}::ltree`);
      if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
      const label = by === 'institution' ? sql`min(i.name)` : sql`NULL::text`;
      const { rows: out } = await sql<{ key: string | null; label: string | null; num: string }>`
        SELECT ${key} AS key, ${label} AS label, coalesce(sum(r.n), 0) AS num
        FROM ${rows} r JOIN institutions i ON i.id = r.institution_id
        WHERE ${sql.join(conds, sql` AND `)} GROUP BY 1 ORDER BY 1`.execute(db);
      return out.map((r) => ({ key: r.key, ...(r.label ? { label: r.label } : {}), num: Number(r.num) }));
  });
}

/** Live records and, before the institution's go-live, the imported past ones (ADR 0032). */
const events = sql`(SELECT e.starts_on AS d, e.institution_id, e.institution_path, 1 AS n FROM onsite_events e UNION ALL ${historyRows('onsite_service')})`;
const complaints = sql`(SELECT o.taken_on AS d, e.institution_id, e.institution_path, 1 AS n FROM onsite_complaints o JOIN onsite_events e ON e.id = o.event_id)`;
const consultations = sql`(SELECT q.on_date AS d, e.institution_id, e.institution_path, q.count AS n FROM onsite_consultations q JOIN onsite_events e ON e.id = q.event_id)`;
const projects = (purpose?: string) => sql`(SELECT p.starts_on AS d, p.institution_id, p.institution_path, 1 AS n FROM analysis_projects p
  WHERE ${purpose ? sql`p.purpose = ${purpose}` : sql`true`} UNION ALL ${historyRows('analysis', purpose)})`;

export const eventIndicators: Indicator[] = [
  rowsIndicator({
    id: 'events.onsite_services', module: 'events', zh: '驻场服务', en: 'On-site services at events', unit: { zh: '次', en: 'events' },
    definition: {
      zh: '为展会、交易会、体育赛事、创新创业活动、文化活动等提供的驻场维权援助服务，按活动开始日期计入统计期，一项活动计一次；另计入机构上线日期之前的历史导入驻场服务（不与平台记录重复）。',
      en: 'On-site assistance at exhibitions, trade fairs, sports, innovation and cultural events, counted once per event in the period of its first day. Also the imported past on-site services dated before the institution went live (never both).',
    },
  }, events),
  rowsIndicator({
    id: 'events.onsite_complaints', module: 'events', zh: '展会现场投诉受理', en: 'Complaints taken on site', unit: { zh: '件', en: 'complaints' },
    definition: { zh: '驻场服务台受理并登记为案件的现场投诉，按受理日期计入。', en: 'Complaints taken at the on-site desk (each a case), by the day taken.' },
  }, complaints),
  rowsIndicator({
    id: 'events.onsite_consultations', module: 'events', zh: '驻场咨询', en: 'Consultations at events', unit: { zh: '人次', en: 'people' },
    definition: { zh: '驻场服务台登记的现场咨询人次，按咨询日期计入。', en: 'People advised at the on-site desk, by day.' },
  }, consultations),
  rowsIndicator({
    id: 'analysis.projects', module: 'analysis', zh: '分析预警服务', en: 'Analysis-and-warning services', unit: { zh: '次', en: 'projects' },
    definition: {
      zh: '受政府部门或企业委托开展的分析预警项目（专利导航、自由实施分析、竞争对手监测、区域统计分析），按项目开始日期计入，一个项目计一次；另计入机构上线日期之前的历史导入分析预警服务（不与平台记录重复）。',
      en: 'Analysis projects commissioned by governments or enterprises (patent landscapes, FTO, competitor monitoring, regional statistics), once per project in the period it started; also the imported past analysis services dated before the institution went live (never both).',
    },
  }, projects()),
  ...analysisPurposes.map((p) => rowsIndicator({
    id: `analysis.projects_${p.value}`, module: 'analysis', zh: `分析预警服务（${p.zh}）`, en: `Analysis-and-warning services (${p.en})`, unit: { zh: '次', en: 'projects' },
    definition: { zh: `用途为“${p.zh}”的分析预警项目（口径同上）。`, en: `Analysis projects for ${p.en.toLowerCase()} (as above).` },
  }, projects(p.value))),
];
