import { toCstDate } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import type { SheetItem } from '../platform/tables.ts';
import { computeFor } from '../modules/assessments/assessments.compute.ts';

/**
 * 考核 demo: the provincial office's scoring sheet for its sub-centres and workstations (分中心/工作站考核指标打分表),
 * five items computed from last year's records and three scored by hand, and last year's run with hand scores.
 */
const items: SheetItem[] = [
  { key: 'i1', title: '受理维权援助案件数', weight: 20, kind: 'computed', indicatorId: 'cases.accepted', rule: { floor: 0, target: 40, cap: null, lowerIsBetter: false } },
  { key: 'i2', title: '办结维权援助案件数', weight: 15, kind: 'computed', indicatorId: 'cases.concluded', rule: { floor: 0, target: 30, cap: null, lowerIsBetter: false } },
  { key: 'i3', title: '收到援助申请数', weight: 10, kind: 'computed', indicatorId: 'cases.received', rule: { floor: 0, target: 50, cap: null, lowerIsBetter: false } },
  { key: 'i4', title: '面向中小微企业援助案件数', weight: 10, kind: 'computed', indicatorId: 'cases.sme', rule: { floor: 0, target: 20, cap: 12, lowerIsBetter: false } },
  { key: 'i5', title: '不予受理申请数', weight: 10, kind: 'computed', indicatorId: 'cases.declined', rule: { floor: 10, target: 0, cap: null, lowerIsBetter: true } },
  { key: 'i6', title: '工作机制与制度建设', weight: 15, kind: 'manual', guidance: '查阅工作制度、人员配备、工作台账；制度健全、台账完整得满分。' },
  { key: 'i7', title: '宣传培训与典型案例', weight: 10, kind: 'manual', guidance: '开展4·26等宣传活动、报送典型案例情况。' },
  { key: 'i8', title: '信息报送及时准确', weight: 10, kind: 'manual', guidance: '按时报送月度、季度、年度统计报表，数据准确。' },
];

/** Hand scores by institution: [i6, i7, i8] and a line of evidence each; the overseas workstation's i8 is not yet scored. */
const hand: Record<string, [number, number, number | null, string]> = {
  湖北省知识产权维权援助中心黄石分中心: [13.5, 8, 10, '制度汇编齐全，专职人员3名；开展宣传活动5场，报送典型案例2件。'],
  湖北省知识产权维权援助中心孝感分中心: [12, 7.5, 9, '工作台账完整；宣传活动3场；第三季度报表延迟2天。'],
  东湖高新区光谷知识产权维权援助工作站: [14, 9.5, 10, '园区企业走访台账完整；光博会现场服务，报送典型案例3件。'],
  汉正街市场知识产权维权援助工作站: [11, 8, 8.5, '市场巡查制度健全；商户商标培训4场；报表数据有一处更正。'],
  华中地区高校知识产权维权援助工作站: [10.5, 7, 9, '依托法学院组建志愿者团队；校内讲座2场。'],
  宜昌市夷陵区知识产权维权援助工作站: [12.5, 8.5, 10, '地理标志保护台账完整；柑橘产区宣传3场。'],
  三峡智造集团知识产权维权援助工作站: [9.5, 6, 9.5, '企业内部制度初步建立；专利预警培训1场。'],
  湖北企业海外维权援助德国工作站: [11, 7, null, '海外纠纷应对指引编制完成；境外展会服务1次。'],
};

export async function loadDemoAssessments(deps: Deps): Promise<void> {
  const db = deps.db;
  const year = Number(toCstDate(deps.clock.now()).slice(0, 4)) - 1;
  const office = await db.selectFrom('institutions').select(['id', 'path']).where('name', '=', '湖北省知识产权局').executeTakeFirst();
  const sup = await db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'hb_supervisor').executeTakeFirst();
  if (!office || !sup) return;
  const now = deps.clock.now();
  const sheet = await db.insertInto('assessment_sheets').values({
    institution_id: office.id, institution_path: office.path, name: '湖北省维权援助分中心、工作站考核指标打分表', year, items: JSON.stringify(items),
    previous_id: null, locked_at: now, created_by: sup.id, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const targets = await db.selectFrom('institutions').select(['id', 'path', 'name']).where('status', '=', 'active')
    .where('type', 'in', ['sub_center', 'workstation']).where(sql<boolean>`path <@ ${office.path}::ltree`).where('id', '!=', office.id).orderBy('path').execute();
  const run = await db.insertInto('assessment_runs').values({
    sheet_id: sheet.id, institution_id: office.id, institution_path: office.path, year, institution_types: ['sub_center', 'workstation'],
    status: 'done', total: targets.length, processed: targets.length, created_by: sup.id, created_at: now, finished_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  for (const t of targets) {
    const computed = await computeFor(deps, items, year, t.path);
    await db.insertInto('assessment_results').values({ run_id: run.id, institution_id: t.id, institution_path: t.path, institution_name: t.name, computed: JSON.stringify(computed) }).execute();
    const h = hand[t.name];
    if (!h) continue;
    const rows = (['i6', 'i7', 'i8'] as const).map((key, n) => ({ key, score: h[n] as number | null })).filter((x) => x.score !== null);
    await db.insertInto('assessment_scores').values(rows.map((x) => ({
      run_id: run.id, institution_id: t.id, item_key: x.key, score: x.score!, evidence: h[3], scored_by: sup.id, scored_by_name: sup.display_name, scored_at: now,
    }))).execute();
  }
}
