/**
 * `npm run bench:suggestions`: the desk's suggestions (suggestAnswers, ADR 0034) over 500,000 consultations and
 * 100,000 published articles on an embedded PostgreSQL. The source rows are generated in SQL, the search index is
 * built by the real reindexAll, then 200 questions typed the way the desk sends them (whole sentences, some with a
 * rare brand or model number) are timed at two scopes (the whole network, one city) and at concurrency 1 and 4.
 * BENCH_DIR keeps the database for a run that only measures. Writes bench/consultation-suggestions.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemScope, type Scope } from '../apps/server/src/authz/can.ts';
import { ensureDatabase } from '../apps/server/src/platform/bootstrap.ts';
import { createDb, type DB } from '../apps/server/src/platform/db.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { loadRegions } from '../apps/server/src/modules/regions/regions.load.ts';
import { ensureRootInstitution, insertInstitution } from '../apps/server/src/modules/institutions/institutions.repository.ts';
import { reindexAll } from '../apps/server/src/modules/search/search.index.ts';
import { suggestAnswers } from '../apps/server/src/modules/consultations/consultations.suggest.ts';
import { cpuMs, measure } from './latency.ts';

const CONSULTATIONS = Number(process.env.CONSULTATIONS ?? process.env.ROWS ?? 500_000);
const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 200);

const places = ['武汉', '宜昌', '襄阳', '荆州', '黄石', '十堰', '孝感', '恩施', '咸宁', '随州', '荆门', '鄂州'];
const who = ['我们公司', '本人', '我们合作社', '一家小微企业', '我的网店', '我们工厂', '我们研究所', '个体户'];
const what = ['的注册商标', '的发明专利', '的外观设计', '的软件著作权', '的摄影作品', '的商业秘密', '的地理标志', '的植物新品种', '的集成电路布图设计', '的实用新型'];
const goods = ['茶叶', '陶瓷', '服装', '家具', '电池', '无人机', '柑橘', '白酒', '小龙虾', '汽车配件', '医疗器械', '玩具', '灯具', '箱包', '光纤', '农药', '中药材', '香菇', '服务器', '手机壳'];
const how = ['被网店卖家冒用', '被竞争对手仿制', '在展会上被抄袭', '被外国公司抢注', '被前员工泄露', '快到期了', '被驳回了', '被公众号转载', '被批发市场仿冒', '被起诉侵权'];
const ask = ['，应该怎么办？', '，怎么取证？', '，能要求赔偿吗？', '，先投诉还是起诉？', '，需要办理什么手续？', '，行政部门能处理吗？', '，海外怎么应对？'];
const answers = [
  '建议先固定证据，再向援助中心申请侵权判定参考意见。', '可以向市场监管部门投诉，也可以申请调解。', '请准备权利证书、侵权证据和营业执照，到受理窗口登记。',
  '海外纠纷可以联系海外知识产权纠纷应对指导中心获得指导。', '建议与对方协商，协商不成再考虑行政裁决或诉讼。', '可以通过公证保全网页证据并申请平台下架侵权链接。',
  '注册商标有效期满前十二个月内可以办理续展，宽展期为六个月。', '商业秘密案件要先梳理保密措施和接触渠道，再评估是否报案。',
];
const kinds = ['policy', 'knowledge', 'case_study', 'news', 'guide', 'qa'];

/** A rare word: a brand or model number, each in about 1 of 2,500 consultations (letters and digits, one jieba token). */
const brand = (n: number) => `XH${1000 + (n % 200)}`;
/** The desk's questions: the generated kind, a third of them naming a brand, a few with nothing in common with any row. */
function question(i: number): string {
  const q = who[i % who.length]! + places[(i * 5) % places.length]! + goods[(i * 3) % goods.length]! + what[(i * 7) % what.length]! + how[(i * 11) % how.length]! + ask[i % ask.length]!;
  if (i % 3 === 0) return `${brand(i * 17)}型号的${q}`;
  if (i % 20 === 1) return '量子纠缠通信卫星的星载原子钟如何命名？';
  return q;
}

const keep = process.env.BENCH_DIR;
const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-suggest-'));
const server = await startEmbedded(dir);
try {
  await ensureDatabase(server.url('postgres'), 'bench');
  const { db, pool } = createDb(server.url('bench'), 4);
  await migrate(pool);
  const loaded = keep ? await loadedBefore(db) : null;
  const { seconds, cities } = loaded ?? (await load(db));
  const scopes: Record<string, Scope> = { wholeNetwork: systemScope(), oneCity: { paths: [cities[0]!] } as unknown as Scope };
  const results: Record<string, unknown> = {};
  const hits: Record<string, number> = {};
  for (const [name, scope] of Object.entries(scopes)) {
    for (let i = 0; i < 20; i++) await suggestAnswers(db, question(i), scope); // warm the cache
    let found = 0;
    const cpu0 = cpuMs(dir);
    const c1 = await measure(async (i) => { if ((await suggestAnswers(db, question(i), scope)).length > 0) found++; }, 1, ROUNDS);
    hits[name] = found;
    // CPU time per look-up (this process and the database's processes): what a look-up costs when it has a core to itself.
    const cpuPerLookupMs = Math.round(((cpuMs(dir) - cpu0) / ROUNDS) * 10) / 10;
    results[name] = { c1, c4: await measure((i) => suggestAnswers(db, question(i), scope), 4, ROUNDS), cpuPerLookupMs };
    console.log(name, JSON.stringify(results[name]), `with suggestions: ${found}/${ROUNDS}`);
  }
  // Odd input: one character, punctuation only, 10,000 characters.
  const odd = ['商', '，。？！', '商标'.repeat(5000), `${'侵权'.repeat(2000)}${brand(3)}${'的'.repeat(6000)}`];
  const oddMs: Record<string, number> = {};
  for (const q of odd) {
    const s = performance.now();
    await suggestAnswers(db, q, systemScope());
    oddMs[`${[...q].slice(0, 6).join('')}… (${[...q].length} chars)`] = Math.round((performance.now() - s) * 10) / 10;
  }
  const out = {
    measuredAt: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length,
    rows: { consultations: CONSULTATIONS, articles: ARTICLES }, seconds, lookupsPerScenario: ROUNDS, withSuggestions: hits, results, oddInputMs: oddMs,
  };
  console.log(JSON.stringify(out, null, 2));
  fs.writeFileSync(path.join('bench', 'consultation-suggestions.json'), JSON.stringify(out, null, 2) + '\n');
  await db.destroy();
} finally {
  await server.stop();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

async function loadedBefore(db: DB) {
  const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_entries`.execute(db);
  if (!n.rows[0]?.n) return null;
  const cities = (await sql<{ path: string }>`SELECT path::text AS path FROM institutions WHERE path <> 'cn' ORDER BY path`.execute(db)).rows.map((r) => r.path);
  // null: the database came from BENCH_DIR, this run did not load it.
  return { seconds: null, cities };
}

async function load(db: DB) {
  await loadRegions(db);
  const root = await ensureRootInstitution(db);
  for (let i = 0; i < places.length; i++) {
    await insertInstitution(db, {
      parent_id: root.id, name: `${places[i]}市知识产权维权援助中心`, type: 'assistance_center', level: 'city', host: null, region_code: null,
      services: [], ip_types: [], phone: null, email: null, hours: null, description: null,
    } as never);
  }
  const arr = (xs: string[]) => sql`${sql.val(xs)}::text[]`;
  const inst = sql`(SELECT id, path, row_number() OVER (ORDER BY path) - 1 AS n FROM institutions WHERE path <> 'cn')`;
  const t0 = performance.now();
  // One in ten consultations is still open (not a suggestion); the others carry an answer.
  await sql`
    INSERT INTO consultations (institution_id, institution_path, channel, topic, question, answer, status, ip_type, asked_at, answered_at)
    SELECT i.id, i.path, 'hotline', 'dispute',
           CASE WHEN g % 7 = 0 THEN 'XH' || (1000 + g % 200) || '型号的' ELSE '' END
             || (${arr(who)})[1 + g % ${who.length}] || (${arr(places)})[1 + (g / 3) % 12] || (${arr(goods)})[1 + (g / 5) % ${goods.length}]
             || (${arr(what)})[1 + (g / 7) % ${what.length}] || (${arr(how)})[1 + (g / 11) % ${how.length}] || (${arr(ask)})[1 + (g / 13) % ${ask.length}],
           CASE WHEN g % 10 = 0 THEN NULL ELSE (${arr(answers)})[1 + g % ${answers.length}] || (${arr(answers)})[1 + (g / 17) % ${answers.length}] END,
           CASE WHEN g % 10 = 0 THEN 'open' ELSE 'answered' END, 'patent',
           now() - (g % 1500) * interval '1 day' - g * interval '1 second', CASE WHEN g % 10 = 0 THEN NULL ELSE now() END
    FROM generate_series(1, ${CONSULTATIONS}) g JOIN ${inst} i ON i.n = g % 12`.execute(db);
  await sql`
    INSERT INTO articles (institution_id, institution_path, kind, state, title, summary, body_text, ip_types, meta, published_at, created_at, updated_at)
    SELECT i.id, i.path, (${arr(kinds)})[1 + g % 6], 'published',
           (${arr(places)})[1 + g % 12] || (${arr(goods)})[1 + (g / 12) % ${goods.length}] || (${arr(what)})[1 + (g / 7) % ${what.length}] || '保护问答（第' || g || '号）',
           (${arr(answers)})[1 + (g / 3) % ${answers.length}],
           '问：' || (${arr(who)})[1 + g % ${who.length}] || (${arr(how)})[1 + (g / 5) % ${how.length}] || (${arr(ask)})[1 + g % ${ask.length}]
             || ' 答：' || (${arr(answers)})[1 + (g / 3) % ${answers.length}] || (${arr(answers)})[1 + (g / 11) % ${answers.length}],
           ARRAY['patent'], '{}', now() - (g % 2000) * interval '1 day' - g * interval '1 second', now(), now()
    FROM generate_series(1, ${ARTICLES}) g JOIN ${inst} i ON i.n = g % 12`.execute(db);
  const generate = (performance.now() - t0) / 1000;
  // The bulk load builds the index's indexes once afterwards instead of row by row.
  const t1 = performance.now();
  await sql`DROP INDEX search_entries_tsv, search_entries_keys_trgm, search_entries_recent, search_entries_newest, search_entries_path, search_entries_staff_newest`.execute(db);
  const counts = await reindexAll(db, (n) => { if (n % 50_000 < 500) process.stdout.write(`\rindexed ${n}`); });
  const reindex = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await sql`CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv)`.execute(db);
  await sql`CREATE INDEX search_entries_keys_trgm ON search_entries USING gin (keys gin_trgm_ops) WHERE keys <> ''`.execute(db);
  await sql`CREATE INDEX search_entries_recent ON search_entries (sort_at DESC) WHERE visibility = 'public'`.execute(db);
  await sql`CREATE INDEX search_entries_newest ON search_entries (sort_at DESC)`.execute(db);
  await sql`CREATE INDEX search_entries_path ON search_entries USING gist (institution_path)`.execute(db);
  await sql`CREATE INDEX search_entries_staff_newest ON search_entries (institution_id, sort_at DESC) WHERE visibility = 'staff'`.execute(db);
  await sql`VACUUM ANALYZE search_entries`.execute(db);
  await sql`VACUUM ANALYZE consultations`.execute(db);
  const indexes = (performance.now() - t2) / 1000;
  console.log(`\n${JSON.stringify(counts)}; generate ${generate.toFixed(0)} s, reindex ${reindex.toFixed(0)} s, indexes ${indexes.toFixed(0)} s`);
  const cities = (await sql<{ path: string }>`SELECT path::text AS path FROM institutions WHERE path <> 'cn' ORDER BY path`.execute(db)).rows.map((r) => r.path);
  return { seconds: { generate: Math.round(generate), reindex: Math.round(reindex), buildIndexes: Math.round(indexes) }, cities };
}




