import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { historyTrainings } from './history/history.sql.ts';
import { instantOf } from './cube/cube.months.ts';
import { withCube } from './cube/cube.read.ts';
import { regionMatch } from './region-match.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';

/**
 * Trainings and publicity (modules/trainings, modules/outreach): sessions (场次) and attendances (人次) of trainings
 * held in the period, and publicity activities. Cuts by the holding institution's region.
 */
const keys: Partial<Record<Dimension, (date: RawBuilder<unknown>) => RawBuilder<string | null>>> = {
  month: (d) => sql`to_char(${d} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`,
  province: () => sql`substr(i.region_code, 1, 2) || '0000'`,
  city: () => sql`substr(i.region_code, 1, 4) || '00'`,
  institution: () => sql`i.id::text`,
};

function indicator(
  meta: Omit<Indicator, 'module' | 'dims' | 'evaluate' | 'kind'>, module: string,
  from: RawBuilder<unknown>, date: RawBuilder<unknown>, path: RawBuilder<unknown>, value: RawBuilder<unknown>, where: RawBuilder<boolean>,
): Indicator {
  return withCube({
    ...meta,
    module,
    kind: 'count',
    dims: ['month', 'province', 'city', 'institution'],
    cube: {
      dims: [],
      labels: false,
      rows: (a, b, ids) => sql`SELECT stats_cube_month_of(${date}) AS month, x.institution_id, NULL::text, NULL::text, NULL::text, NULL::boolean,
          coalesce(${value}, 0) AS num, 0::bigint AS den, count(*) AS cnt
        FROM ${from} WHERE ${where} AND ${date} >= ${instantOf(a)}::timestamptz AND ${date} < ${instantOf(b)}::timestamptz
          AND ${ids ? sql`x.institution_id = ANY(${ids}::uuid[])` : sql`true`}
        GROUP BY 1, 2`,
    },
  }, async (db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> => {
      const key = by ? keys[by]?.(date) : sql`NULL::text`;
      if (key === undefined) return [];
      // Filters this indicator cannot honour (IP type, channel, service, applicant kind) make it not applicable.
      if (cut.ipType || cut.channel || cut.service || cut.applicantKind) return [];
      const conds: RawBuilder<boolean>[] = [
        sql<boolean>`${inScope(cut.scope, 'x.institution_path')}`, where,
        sql<boolean>`${date} >= ${cut.from}::timestamptz AND ${date} < ${cut.to}::timestamptz`,
      ];
      if (cut.institutionPath) conds.push(sql<boolean>`${path} <@ ${cut.institutionPath}::ltree`);
      if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
      const { rows } = await sql<{ key: string | null; num: string }>`
        SELECT ${key} AS key, coalesce(${value}, 0) AS num FROM ${from} JOIN institutions i ON i.id = x.institution_id
        WHERE ${sql.join(conds, sql` AND `)} GROUP BY 1 ORDER BY 1`.execute(db);
      return rows.map((r) => ({ key: r.key, num: Number(r.num) }));
  });
}

/** Trainings on the platform and, before the holding institution's go-live, the imported past ones (ADR 0032). */
const trainingsHeld = sql`(SELECT t.institution_id, t.institution_path, t.state, t.starts_at, t.head_count,
    (SELECT count(*) FROM training_registrations r WHERE r.training_id = t.id AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL) AS checked_in
  FROM trainings t UNION ALL ${historyTrainings}) x`;
const held = sql<boolean>`x.state IN ('held', 'closed')`;

export const trainingIndicators: Indicator[] = [
  indicator({
    id: 'trainings.sessions', zh: '公益研讨、培训场次', en: 'Seminars and trainings held', unit: { zh: '场', en: 'sessions' },
    definition: {
      zh: '开始时间在统计期内、状态为“已举办”或“已结束”的公益培训和研讨，按举办机构统计；另计入机构上线日期之前的历史导入培训（按培训日期，不与平台记录重复）。',
      en: 'Trainings and seminars starting in the period and marked held or closed, counted at the holding institution; also the imported past trainings dated before the institution went live (by their day, never both).',
    },
  }, 'trainings', trainingsHeld, sql`x.starts_at`, sql`x.institution_path`, sql`count(*)`, held),
  indicator({
    id: 'trainings.attendances', zh: '公益研讨、培训人次', en: 'Training attendances', unit: { zh: '人次', en: 'attendances' },
    definition: {
      zh: '上述场次的实际到场人次：记录了到场人数（不登记姓名的大型活动、线上活动）的取到场人数，否则取签到人数；历史导入的培训取导入的参加人次。',
      en: 'People who attended those sessions: the recorded head count where there is one (large or online events), else the check-ins; an imported past training, its imported attendance.',
    },
  }, 'trainings', trainingsHeld, sql`x.starts_at`, sql`x.institution_path`, sql`sum(coalesce(x.head_count, x.checked_in))`, held),
  indicator({
    id: 'outreach.activities', zh: '宣传活动', en: 'Publicity activities', unit: { zh: '场', en: 'activities' },
    definition: { zh: '活动日期在统计期内的宣传活动（含 4·26 知识产权宣传周活动）。', en: 'Publicity activities dated in the period (World IP Day week included).' },
  }, 'outreach', sql`outreach_activities x`, sql`x.held_on::timestamp AT TIME ZONE 'Asia/Shanghai'`, sql`x.institution_path`, sql`count(*)`, sql<boolean>`true`),
  indicator({
    id: 'outreach.reach_people', zh: '宣传活动覆盖人次', en: 'People reached by publicity', unit: { zh: '人次', en: 'people' },
    definition: { zh: '上述宣传活动登记的覆盖人数之和（浏览量不计入）。', en: 'The people reached recorded for those activities (views not included).' },
  }, 'outreach', sql`outreach_activities x`, sql`x.held_on::timestamp AT TIME ZONE 'Asia/Shanghai'`, sql`x.institution_path`, sql`sum(x.reach_people)`, sql<boolean>`true`),
];
