import type { Deps } from '../platform/deps.ts';

/**
 * A past import for the statistics demo (ADR 0032): 宜昌 and 襄阳 loaded the year before they went live on the platform
 * (the demo network went live on 1 April two years ago) and the first quarter of that year: accepted cases,
 * consultations, trainings, on-site and analysis services, so the dashboard can compare that year with the one before.
 * Seeded: every demo database holds the same rows.
 */
const places = [
  { name: '宜昌市知识产权维权援助中心', cases: 64, consultations: 180, trainings: 6, onsite: 3, analysis: 2 },
  { name: '襄阳市知识产权维权援助中心', cases: 51, consultations: 140, trainings: 5, onsite: 2, analysis: 1 },
];
const ipTypes = ['patent', 'trademark', 'trademark', 'copyright', 'patent', 'trade_secret'];
const channels = ['walk_in', 'online', 'hotline', 'online', 'email'];
const kinds = ['legal_person', 'legal_person', 'natural_person', 'individual_business'];
const purposes = ['public_rnd', 'trade', 'technology_transfer'];

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadDemoHistoryImports(deps: Deps): Promise<number> {
  const db = deps.db;
  const thisYear = new Date(deps.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
  const first = Date.UTC(thisYear - 3, 0, 1);
  const span = Date.UTC(thisYear - 2, 2, 31) - first; // up to 31 March, the day before go-live
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'hb_admin').executeTakeFirst();
  const r = rng(20261203);
  const day = () => new Date(first + Math.floor(r() * (span / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
  const of = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  let total = 0;
  for (const p of places) {
    const inst = await db.selectFrom('institutions').select(['id', 'path']).where('name', '=', p.name).executeTakeFirst();
    if (!inst) continue;
    const rows: Record<string, unknown>[] = [];
    const base = { institution_id: inst.id, institution_path: inst.path };
    for (let n = 0; n < p.cases; n++) {
      rows.push({ ...base, kind: 'case', occurred_on: day(), channel: of(channels), ip_type: of(ipTypes), applicant_kind: of(kinds),
        services: r() < 0.3 ? ['consultation', 'mediation'] : ['consultation'], overseas: r() < 0.06, sme: r() < 0.55 });
    }
    for (let n = 0; n < p.consultations; n++) rows.push({ ...base, kind: 'consultation', occurred_on: day(), ip_type: of(ipTypes) });
    for (let n = 0; n < p.trainings; n++) rows.push({ ...base, kind: 'training', occurred_on: day(), attendance: 40 + Math.floor(r() * 160) });
    for (let n = 0; n < p.onsite; n++) rows.push({ ...base, kind: 'onsite_service', occurred_on: day() });
    for (let n = 0; n < p.analysis; n++) rows.push({ ...base, kind: 'analysis', occurred_on: day(), purpose: of(purposes) });
    const at = new Date(deps.clock.now().getTime() - 30 * 86_400_000);
    const imp = await db.insertInto('history_imports').values({
      ...base, created_by: admin?.id ?? null, file_name: `${p.name.slice(0, 2)}历史数据.xlsx`, status: 'done', total: rows.length, processed: rows.length,
      imported: rows.length, errors: '[]', file: null, created_at: at, finished_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('history_records').values(rows.map((x) => ({ ...x, import_id: imp.id, created_at: at, updated_at: at })) as never).execute();
    total += rows.length;
  }
  return total;
}
