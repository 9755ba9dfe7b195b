import { socialOrganisationKinds } from '@yuanzhi/contracts';
import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { regionMatch } from './indicators.sql.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';
import { regionKeys } from './region-match.ts';

/**
 * The resources of the network from the registries: partner organisations (universities and social organisations
 * counted apart, as the progress reports do), volunteer teams and volunteers (stock at the period's end), and volunteer
 * service hours (served within the period). Each record counts at the institution that keeps it.
 */
const keys: Partial<Record<Dimension, RawBuilder<string | null>>> = {
  ...regionKeys,
};

function registryIndicator(meta: Omit<Indicator, 'module' | 'dims' | 'evaluate' | 'kind'>, from: (cut: Cut) => RawBuilder<unknown>, count: RawBuilder<unknown> = sql`count(*)`): Indicator {
  return {
    ...meta,
    module: 'registries',
    kind: 'count',
    dims: ['province', 'city'],
    async evaluate(db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> {
      const key = by ? keys[by] : sql`NULL::text`;
      if (key === undefined) return [];
      const conds: RawBuilder<boolean>[] = [sql<boolean>`${inScope(cut.scope, 'r.institution_path')}`];
      if (cut.institutionPath) conds.push(sql<boolean>`r.institution_path <@ ${cut.institutionPath}::ltree`);
      if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
      const { rows } = await sql<{ key: string | null; num: string | null }>`
        SELECT ${key} AS key, ${count} AS num FROM ${from(cut)} JOIN institutions i ON i.id = r.institution_id
        WHERE ${sql.join(conds, sql` AND `)} GROUP BY 1 ORDER BY 1`.execute(db);
      return rows.map((r) => ({ key: r.key, num: Number(r.num ?? 0) }));
    },
  };
}

/** Registered before the period's end and still on the list (an ended partnership, a dissolved team drop out). */
const stock = (table: string, active: string, more: RawBuilder<boolean> = sql<boolean>`true`) => (cut: Cut) =>
  sql`(SELECT * FROM ${sql.table(table)} r WHERE r.created_at < ${cut.to}::timestamptz AND r.status = ${active} AND ${more}) r`;

export const registryIndicators: Indicator[] = [
  registryIndicator({
    id: 'registries.partners', zh: '合作单位', en: 'Partner organisations', unit: { zh: '家', en: 'organisations' },
    definition: {
      zh: '统计期末合作单位库中在册（未终止合作）的单位，含高校、科研院所、社会组织、仲裁与调解机构、法院和政府部门。',
      en: 'Partner organisations on the registry at the end of the period and not ended: universities, research institutes, social organisations, arbitration and mediation bodies, courts, government bodies.',
    },
  }, stock('partners', 'active')),
  registryIndicator({
    id: 'registries.universities', zh: '合作高校', en: 'Partner universities', unit: { zh: '所', en: 'universities' },
    definition: { zh: '合作单位中类别为高校的单位（口径同合作单位）。', en: 'Partner organisations of the kind university (as above).' },
  }, stock('partners', 'active', sql<boolean>`r.kind = 'university'`)),
  registryIndicator({
    id: 'registries.social_organisations', zh: '合作社会组织', en: 'Partner social organisations', unit: { zh: '家', en: 'organisations' },
    definition: {
      zh: '合作单位中的社会组织：行业协会、专业社团、律师事务所、知识产权服务机构（口径同合作单位）。',
      en: 'Partner social organisations: industry associations, professional societies, law firms, IP service agencies (as above).',
    },
  }, stock('partners', 'active', sql<boolean>`r.kind = ANY(${sql.val([...socialOrganisationKinds])}::text[])`)),
  registryIndicator({
    id: 'registries.volunteer_teams', zh: '志愿服务队伍', en: 'Volunteer teams', unit: { zh: '支', en: 'teams' },
    definition: { zh: '统计期末在册、未解散的志愿服务队伍。', en: 'Volunteer teams registered before the end of the period and not dissolved.' },
  }, stock('volunteer_teams', 'active')),
  registryIndicator({
    id: 'registries.volunteers', zh: '志愿者', en: 'Volunteers', unit: { zh: '人', en: 'people' },
    definition: { zh: '统计期末在队（未退出）的志愿者。', en: 'Volunteers registered before the end of the period who have not left.' },
  }, stock('volunteers', 'active')),
  registryIndicator({
    id: 'registries.volunteer_hours', zh: '志愿服务时长', en: 'Volunteer service hours', unit: { zh: '小时', en: 'hours' },
    definition: {
      zh: '服务日期（北京时间）在统计期内的志愿服务时长合计，计入服务时志愿者所在的机构。',
      en: 'Hours of volunteer service whose date (China time) falls in the period, at the institution the volunteer served with.',
    },
  }, (cut) => sql`(SELECT * FROM volunteer_hours r WHERE r.served_on >= (${cut.from}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
      AND r.served_on < (${cut.to}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date) r`, sql`sum(r.hours)`),
];
