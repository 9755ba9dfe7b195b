import { sql, type RawBuilder } from 'kysely';
import { inScope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { regionMatch } from './indicators.sql.ts';
import type { Cut, Dimension, Indicator, IndicatorRow } from './indicators.types.ts';
import { regionKeys } from './region-match.ts';

const keys: Partial<Record<Dimension, RawBuilder<string | null>>> = {
  ...regionKeys,
};

/** The network's own figures (institutions, staff): stock at the period's end, or flow within it. */
function networkIndicator(meta: Omit<Indicator, 'module' | 'dims' | 'evaluate' | 'kind'>, from: (cut: Cut) => RawBuilder<unknown>, count: RawBuilder<unknown>): Indicator {
  return {
    ...meta,
    module: 'network',
    kind: 'count',
    dims: ['province', 'city'],
    async evaluate(db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]> {
      const key = by ? keys[by] : sql`NULL::text`;
      if (key === undefined) return [];
      const conds: RawBuilder<boolean>[] = [sql<boolean>`${inScope(cut.scope, 'i.path')}`, sql<boolean>`i.type <> 'authority'`];
      if (cut.institutionPath) conds.push(sql<boolean>`i.path <@ ${cut.institutionPath}::ltree`);
      if (cut.regionCode) conds.push(regionMatch(sql`i.region_code`, cut.regionCode));
      const { rows } = await sql<{ key: string | null; num: string }>`
        SELECT ${key} AS key, ${count} AS num FROM ${from(cut)} WHERE ${sql.join(conds, sql` AND `)} GROUP BY 1 ORDER BY 1`.execute(db);
      return rows.map((r) => ({ key: r.key, num: Number(r.num) }));
    },
  };
}


export const networkIndicators: Indicator[] = [
  networkIndicator({
    id: 'network.institutions', zh: '维权援助机构', en: 'Assistance institutions', unit: { zh: '家', en: 'institutions' },
    definition: {
      zh: '统计期末在册、未撤销的维权援助机构（含保护中心、快速维权中心、分中心、工作站、受理处等），不含知识产权管理部门本身。',
      en: 'Institutions registered and not closed at the end of the period (centres, sub-centres, workstations, intake offices …), not the IP administrations themselves.',
    },
  }, (cut) => sql`(SELECT * FROM institutions i WHERE i.created_at < ${cut.to}::timestamptz AND (i.closed_at IS NULL OR i.closed_at >= ${cut.to}::timestamptz)) i`, sql`count(*)`),
  networkIndicator({
    id: 'network.institutions_new', zh: '新增维权援助机构', en: 'New assistance institutions', unit: { zh: '家', en: 'institutions' },
    definition: { zh: '在平台登记时间在统计期内的维权援助机构（口径同上）。', en: 'Institutions registered on the platform in the period (as above).' },
  }, (cut) => sql`(SELECT * FROM institutions i WHERE i.created_at >= ${cut.from}::timestamptz AND i.created_at < ${cut.to}::timestamptz) i`, sql`count(*)`),
  networkIndicator({
    id: 'network.staff', zh: '维权援助工作人员', en: 'Assistance staff', unit: { zh: '人', en: 'people' },
    definition: {
      zh: '统计期末在维权援助机构担任接待登记、承办、审核或机构管理角色的在用账号，一人多岗只计一次（计入其首个机构）。',
      en: 'Active accounts holding an intake, handling, review or institution-admin role at the end of the period; one person counts once (at the first institution).',
    },
  }, (cut) => sql`(SELECT DISTINCT ON (ra.user_id) ra.user_id, ra.institution_id FROM role_assignments ra JOIN users u ON u.id = ra.user_id
      WHERE u.status = 'active' AND ra.created_at < ${cut.to}::timestamptz
        AND ra.role IN ('intake_clerk', 'case_handler', 'reviewer', 'institution_admin') ORDER BY ra.user_id, ra.created_at) s
    JOIN institutions i ON i.id = s.institution_id`, sql`count(*)`),
];
