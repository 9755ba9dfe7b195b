import { sql } from 'kysely';
import { refreshAllNextDue } from '../modules/cases/cases.deadlines.ts';
import type { Deps } from '../platform/deps.ts';

/**
 * Plausible history for the statistics demo: concluded, declined and withdrawn cases of last year and of
 * this year up to last month, across the Hubei network, so year-on-year figures, trends and the yearly
 * report have something to compare. Written with multi-row INSERTs (start-up stays fast); a fixed seed
 * makes every demo database alike. Nothing is dated after the present.
 */
const DAY = 86_400_000;

/** A small seeded generator (mulberry32): the same history on every start. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the history happened, with its case-number letters and a weight (busy centres take more). */
const places = [
  { name: '武汉市知识产权维权援助中心', code: 'WH', weight: 30 },
  { name: '东湖高新区光谷知识产权维权援助工作站', code: 'WHGG', weight: 10 },
  { name: '宜昌市知识产权维权援助中心', code: 'YC', weight: 12 },
  { name: '襄阳市知识产权维权援助中心', code: 'XY', weight: 10 },
  { name: '十堰市知识产权快速维权中心', code: 'SY', weight: 8 },
  { name: '湖北省知识产权维权援助中心黄石分中心', code: 'HS', weight: 6 },
  { name: '湖北省知识产权维权援助中心孝感分中心', code: 'XG', weight: 5 },
  { name: '荆州市知识产权维权援助中心', code: 'JZ', weight: 7 },
  { name: '湖北省知识产权维权援助中心', code: 'HB', weight: 6 },
];
const ipTypes = [['patent', 35], ['trademark', 40], ['copyright', 15], ['geographical_indication', 4], ['trade_secret', 4], ['ic_layout', 1], ['plant_variety', 1]] as const;
const channels = [['online', 45], ['walk_in', 25], ['hotline', 15], ['email', 5], ['transfer_in', 5], ['exhibition', 5]] as const;
const kinds = [['legal_person', 70], ['natural_person', 20], ['individual_business', 8], ['unincorporated_org', 2]] as const;
const sizes = [['micro', 30], ['small', 35], ['medium', 20], ['large', 15]] as const;
const serviceSets = [[['consultation'], 50], [['consultation', 'infringement_opinion'], 20], [['mediation'], 15], [['warning_analysis'], 5], [['consultation', 'funding_aid'], 5], [['overseas_guidance'], 5]] as const;
const firms = ['光电', '智造', '生物', '农业', '文化', '软件', '新材料', '食品', '纺织', '汽车零部件'];
const cities: Record<string, string> = { WH: '武汉', WHGG: '武汉', YC: '宜昌', XY: '襄阳', SY: '十堰', HS: '黄石', XG: '孝感', JZ: '荆州', HB: '湖北' };

function pick<T>(r: () => number, list: readonly (readonly [T, number])[]): T {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of list) if ((x -= w) < 0) return v;
  return list[list.length - 1]![0];
}

export async function loadStatsHistory(deps: Deps): Promise<number> {
  const db = deps.db;
  const present = deps.clock.now().getTime() - 2 * 3_600_000;
  const thisYear = new Date(present + 8 * 3_600_000).getUTCFullYear();
  // The demo network has existed since the spring of two years ago.
  const founded = `${thisYear - 2}-04-01T01:00:00Z`;
  await db.updateTable('institutions').set({ created_at: founded }).execute();
  await db.updateTable('role_assignments').set({ created_at: founded }).execute();

  const insts = await db.selectFrom('institutions').select(['id', 'name', 'path']).where('name', 'in', places.map((p) => p.name)).execute();
  const byName = new Map(insts.map((i) => [i.name, i]));
  const r = rng(20261122);
  const serial = new Map<string, number>();
  const cases: Record<string, unknown>[] = [];
  const extras: { idx: number; decline?: number; withdraw?: number; refer?: number; late?: boolean; score?: number; concluded?: number }[] = [];
  // Last year: ~420 applications; this year up to the present: ~40% more (the trend the reports describe).
  const years = [{ year: thisYear - 1, count: 420 }, { year: thisYear, count: 590 }];
  for (const { year, count } of years) {
    const start = Date.UTC(year, 0, 1) - 8 * 3_600_000;
    const end = Math.min(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000, present - 40 * DAY);
    for (let n = 0; n < count; n++) {
      const place = pick(r, places.map((p) => [p, p.weight] as const));
      const inst = byName.get(place.name);
      if (!inst) continue;
      const submitted = start + r() * (end - start);
      const roll = r();
      const seq = (serial.get(`${place.code}${year}`) ?? 500_000) + 1;
      serial.set(`${place.code}${year}`, seq);
      const base = {
        case_number: `${place.code}-${year}-${seq}`, institution_id: inst.id, institution_path: inst.path,
        channel: pick(r, channels), ip_type: pick(r, ipTypes), applicant_kind: pick(r, kinds), services: [...pick<readonly string[]>(r, serviceSets)],
        overseas: r() < 0.06, track: r() < 0.2 ? 'fast' : 'standard', submitted_at: new Date(submitted),
        summary: '（历史数据）对方涉嫌侵犯申请人知识产权，申请人请求维权援助。', request: '请求提供维权指导。',
        created_at: new Date(submitted), updated_at: new Date(submitted),
      } as Record<string, unknown>;
      base.enterprise_size = base.applicant_kind === 'legal_person' ? pick(r, sizes) : null;
      base.country = base.overseas ? pick(r, [['US', 3], ['DE', 2], ['JP', 1]] as const) : null;
      const e: (typeof extras)[number] = { idx: cases.length };
      if (roll < 0.07) {
        Object.assign(base, { state: 'declined' });
        e.decline = submitted + 2 * DAY;
      } else if (roll < 0.1) {
        Object.assign(base, { state: 'withdrawn' });
        e.withdraw = submitted + 1 * DAY;
      } else {
        const accepted = submitted + (1 + Math.floor(r() * 4)) * DAY;
        const concluded = accepted + (8 + Math.floor(r() * 40)) * DAY;
        base.accepted_at = new Date(accepted);
        if (r() < 0.05) e.refer = accepted + 5 * DAY;
        if (concluded < present) {
          Object.assign(base, { state: concluded < present - 30 * DAY ? 'archived' : 'concluded', concluded_at: new Date(concluded), result: '已出具维权指导意见，纠纷得到处理。' });
          if (base.state === 'archived') base.archived_at = new Date(concluded + 20 * DAY);
          e.concluded = concluded;
          e.late = r() < 0.08;
          if (r() < 0.45) e.score = r() < 0.85 ? (r() < 0.7 ? 5 : 4) : 3;
        } else Object.assign(base, { state: 'in_progress' });
      }
      cases.push(base);
      extras.push(e);
    }
  }
  const ids: string[] = [];
  for (let i = 0; i < cases.length; i += 200) {
    const rows = await db.insertInto('cases').values(cases.slice(i, i + 200) as never).returning('id').execute();
    ids.push(...rows.map((x) => x.id));
  }
  const parties = cases.map((c, i) => {
    const code = String(c.case_number).split('-')[0]!;
    const person = c.applicant_kind === 'natural_person';
    return { case_id: ids[i]!, role: 'applicant' as const, kind: c.applicant_kind as string, name: person ? '（历史数据）个人申请人' : `${cities[code]}${firms[i % firms.length]}有限公司`, enterprise_size: c.enterprise_size as string | null, enterprise_tags: [] };
  });
  const events: Record<string, unknown>[] = [];
  const deadlines: Record<string, unknown>[] = [];
  const ratings: Record<string, unknown>[] = [];
  for (const e of extras) {
    const id = ids[e.idx]!;
    const c = cases[e.idx]!;
    let seq = 0;
    const ev = (event: string, at: number, to: string) => events.push({ case_id: id, seq: ++seq, event, from_state: null, to_state: to, actor_id: null, actor_name: '（历史数据）', actor_role: null, at: new Date(at), reason: null, payload: '{}' });
    const submitted = (c.submitted_at as Date).getTime();
    const day = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    const deadline = (kind: string, at: number, late = false) => deadlines.push({ case_id: id, kind, due: day(at), warn_on: day(at), started_on: day(submitted), working_days: kind === 'acceptance' ? 7 : 30, paused_working_days: 0, status: 'met', met_on: day(at), late, provisional: false, rule: '{"id":"history","zh":"历史数据","en":"history"}', explanation: '{"zh":"历史数据","en":"history"}', computed_at: new Date(at) });
    ev('submit', submitted, 'submitted');
    if (e.decline) { ev('decline', e.decline, 'declined'); deadline('acceptance', e.decline); }
    if (e.withdraw) { ev('withdraw', e.withdraw, 'withdrawn'); deadline('acceptance', e.withdraw); }
    if (c.accepted_at) {
      const accepted = (c.accepted_at as Date).getTime();
      ev('accept', accepted, 'accepted');
      deadline('acceptance', accepted);
      ev('assign', accepted + 3_600_000, 'assigned');
      ev('start', accepted + 2 * 3_600_000, 'in_progress');
      if (e.refer) { ev('refer', e.refer, 'referred'); ev('recordReferralFeedback', e.refer + 7 * DAY, 'in_progress'); }
    }
    if (e.concluded) {
      ev('conclude', e.concluded, 'concluded');
      if (c.state === 'archived') ev('archive', (c.archived_at as Date).getTime(), 'archived');
      deadline('handling', e.concluded, !!e.late);
      if (e.score) ratings.push({ case_id: id, token_hash: `history-${id}`, expires_at: new Date(e.concluded + 30 * DAY), score: e.score, comment: null, rated_at: new Date(e.concluded + 3 * DAY) });
    }
  }
  const chunks = async (table: 'case_parties' | 'case_events' | 'case_deadlines' | 'portal_ratings', rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  };
  await chunks('case_parties', parties);
  await chunks('case_events', events);
  await chunks('case_deadlines', deadlines);
  await refreshAllNextDue(db);
  await chunks('portal_ratings', ratings);
  await loadDemoReturns(deps, thisYear - 1);
  await sql`ANALYZE cases`.execute(db);
  return ids.length;
}

/** Last year's accepted yearly returns of two cities, with their notable practices (the report's regional section). */
async function loadDemoReturns(deps: Deps, year: number): Promise<void> {
  const at = new Date(`${year + 1}-01-20T02:00:00Z`);
  const rows = [
    { name: '武汉市知识产权维权援助中心', funds: 86.5, practices: [
      { title: '光谷园区“前店后厂”式快速维权', text: '依托园区工作站前移受理窗口，专利纠纷现场登记、中心集中研判，平均处理周期较法定时限缩短一半左右。' },
      { title: '重点企业联络员制度', text: '为百余家专精特新企业配备知识产权联络员，按季度走访并推送风险提醒。' },
    ] },
    { name: '宜昌市知识产权维权援助中心', funds: 32, practices: [
      { title: '地理标志产品保护协作', text: '联合市场监管部门对柑橘、茶叶等地理标志产品开展线上线下协同巡查，及时转办侵权线索。' },
    ] },
  ];
  for (const r of rows) {
    const inst = await deps.db.selectFrom('institutions').select(['id', 'path']).where('name', '=', r.name).executeTakeFirst();
    if (!inst) continue;
    await deps.db.insertInto('stat_returns').values({
      institution_id: inst.id, institution_path: inst.path, period: String(year), period_kind: 'year', status: 'accepted', figures: '{}',
      funds_spent: r.funds, narrative: `${year}年度工作总结（演示数据）。`, practices: JSON.stringify(r.practices), due_on: `${year + 1}-01-31`,
      submitted_at: at, reviewed_at: at, updated_at: at,
    }).execute();
  }
}
