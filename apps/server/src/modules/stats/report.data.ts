import { inScope, type Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { NotFound } from '../../platform/errors.ts';
import type { ReportInput } from './report.content.ts';
import { practicesOfYear } from './returns.repository.ts';
import { breakdown, PROVINCIAL_UNITS, summary } from './stats.service.ts';

/** Distribution threshold of the regional paragraph: "N provinces accepted 500 or more cases". */
export const REPORT_THRESHOLD = { national: 500, province: 50 } as const;

/**
 * Gather the figures of the yearly report for a scope: the national report (no institution: the caller's
 * whole scope) or a province's (an institution at province level, its subtree).
 */
export async function reportInput(db: DB, scope: Scope, year: number, institutionId?: string): Promise<ReportInput> {
  let scopeName = '全国';
  let national = true;
  let path: string | undefined;
  if (institutionId) {
    const inst = await db.selectFrom('institutions as i').leftJoin('regions as r', 'r.code', 'i.region_code')
      .select(['i.path', 'i.name', 'i.level', 'r.name as region']).where('i.id', '=', institutionId).where(inScope(scope, 'i.path')).executeTakeFirst();
    if (!inst) throw NotFound('institution', '机构');
    path = inst.path;
    national = inst.level === 'national';
    scopeName = national ? '全国' : (inst.region ?? inst.name);
  }
  const q = { period: String(year), ...(institutionId ? { institutionId } : {}) };
  const items = await summary(db, scope, q);
  const months = await breakdown(db, scope, { ...q, indicator: 'cases.accepted', by: 'month' });
  const regions = await breakdown(db, scope, { ...q, indicator: 'cases.accepted', by: national ? 'province' : 'city' });
  const practices = await practicesOfYear(db, scope, year, path);
  const cities = national ? 0 : new Set(regions.map((r) => r.key)).size;
  return {
    year, scopeName, national,
    figures: Object.fromEntries(items.map((i) => [i.id, { value: i.value, previous: i.previous }])),
    months: months.map((m) => ({ label: m.label, value: m.value ?? 0, previous: m.previous ?? 0 })),
    regions: regions.filter((r) => r.key).map((r) => ({ name: r.label, value: r.value ?? 0 })),
    practices: practices.flatMap((p) => p.practices.map((x) => ({ institution: p.name, title: x.title, text: x.text }))),
    regionUnits: national ? PROVINCIAL_UNITS : Math.max(cities, 1),
    threshold: national ? REPORT_THRESHOLD.national : REPORT_THRESHOLD.province,
  };
}
