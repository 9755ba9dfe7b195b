/**
 * `npm run bench:search`: Chinese full-text search (ADR 0016, 0017) over 100,000 published articles and
 * 500,000 consultations on a fresh embedded PostgreSQL. The source rows are generated in SQL
 * (generate_series), the index is built by the real reindexAll (jieba in Node, multi-row INSERT), then
 * search() and suggest() are timed at concurrency 1 and 10: p50/p95/max per request.
 * Prints the figures and writes bench/search.json. ARTICLES / CONSULTATIONS / ROUNDS override the sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { systemScope } from '../apps/server/src/authz/can.ts';
import { ensureDatabase } from '../apps/server/src/platform/bootstrap.ts';
import { createDb, type DB } from '../apps/server/src/platform/db.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { loadRegions } from '../apps/server/src/modules/regions/regions.load.ts';
import { ensureRootInstitution, insertInstitution } from '../apps/server/src/modules/institutions/institutions.repository.ts';
import { reindexAll } from '../apps/server/src/modules/search/search.index.ts';
import { search, suggest, type Audience } from '../apps/server/src/modules/search/search.query.ts';
import { cpuMs, measure, pct, type Stats } from './latency.ts';

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const CONSULTATIONS = Number(process.env.CONSULTATIONS ?? 500_000);
const ROUNDS = Number(process.env.ROUNDS ?? 200);

// Fragments the generated text is composed of, so that common words are common (专利, 商标, 侵权 in a large share
// of rows) and specific ones rare, as in real content.
const places = ['武汉', '宜昌', '襄阳', '荆州', '黄石', '十堰', '孝感', '恩施', '咸宁', '随州', '荆门', '鄂州'];
const subjects = ['专利侵权纠纷', '商标抢注', '地理标志保护', '集成电路布图设计', '软件著作权', '商业秘密保护', '植物新品种', '海外展会维权', '电商平台侵权投诉', '外观设计专利'];
const genres = ['处理办法', '工作指引', '典型案例', '问答', '实施细则', '工作动态', '服务指南', '风险提示'];
const sentences = [
  '维权援助中心为企业提供咨询指导和侵权判定参考意见。', '当事人可以向所在地的援助机构提出申请，并提交权利证书和初步证据。',
  '展会期间，驻场人员当日受理投诉并进行初步判断。', '对于电商平台上的侵权链接，可以通过平台的知识产权投诉渠道处理。',
  '中小微企业在海外参展前，应当开展专利风险排查。', '调解协议经司法确认后具有强制执行力。', '商标注册人应当规范使用注册商标，避免连续三年不使用被撤销。',
  '商业秘密的保护需要采取合理的保密措施，例如签订保密协议和划分涉密区域。', '地理标志产品应当按照产品标准生产，并规范使用专用标志。',
  '软件著作权登记不是取得著作权的前提，但可以作为权属的初步证据。', '行政裁决程序适用于专利侵权纠纷，处理周期较短。',
  '权利人可以委托公证机构对网页内容和购买过程进行证据保全。', '技术调查官协助比对技术特征，形成技术审查意见。',
  '援助机构在规定的工作日内作出是否受理的决定，并告知申请人。', '分析预警服务帮助企业了解竞争对手的专利布局。',
  '集成电路布图设计专有权自登记申请之日或者首次商业利用之日起计算保护期。', '植物新品种权的申请需要提交新颖性、特异性、一致性和稳定性的说明。',
  '对于跨区域的侵权行为，可以请求上级机构协调处理。', '公益培训覆盖企业知识产权管理人员和园区服务人员。', '纠纷处理结束后，援助机构开展回访和满意度评价。',
];
const answers = [
  '建议先固定证据，再向援助中心申请侵权判定参考意见。', '可以向市场监管部门投诉，也可以申请调解。', '请准备权利证书、侵权证据和营业执照，到受理窗口登记。',
  '海外纠纷可以联系海外知识产权纠纷应对指导中心获得指导。', '建议与对方协商，协商不成再考虑行政裁决或诉讼。', '可以通过公证保全网页证据并申请平台下架侵权链接。',
];

/** The queries people type, from a common word to a rare one, one that matches nothing and names with a typo. */
const queries = [
  '专利', '商标', '侵权判定', '商标抢注', '专利侵权纠纷', '海外展会', '地理标志 恩施', '集成电路布图设计', '商业秘密 保密协议', '电商平台 投诉',
  '司法确认', '技术调查官', '证据保全', '植物新品种', '援助中心 申请', '武汉 专利 处理办法', '量子计算芯片', '软件著作权登记', '调解协议', '回访 满意度',
];
const prefixes = ['专', '专利', '商标抢', '集成电', '地理标', '海外', '软件著', '武汉', '调解', '侵权判'];

// BENCH_DIR keeps the generated database between runs (the load takes minutes): a second run only measures.
const keep = process.env.BENCH_DIR;
const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-search-'));
const server = await startEmbedded(dir);
try {
  await ensureDatabase(server.url('postgres'), 'bench');
  const { db, pool } = createDb(server.url('bench'), 10);
  await migrate(pool);
  const loaded = keep ? await loadedBefore(db) : null;
  const { counts, generateSeconds, reindexSeconds, indexSeconds, children } = loaded ?? (await load(db));
  const publicAudience: Audience = { consultations: null, cases: null };
  // The widest staff scope (the whole network): every consultation is a candidate, the slowest case.
  const staffAudience: Audience = { consultations: systemScope(), cases: systemScope() };
  const cityAudience = { consultations: { paths: [children[0]!.path] }, cases: { paths: [children[0]!.path] } } as unknown as Audience;
  const page = { page: 1, pageSize: 10 };
  const scenarios: Record<string, (i: number) => Promise<unknown>> = {
    portalSearch: (i) => search(db, queries[i % queries.length]!, page, publicAudience),
    consoleSearchWholeNetwork: (i) => search(db, queries[i % queries.length]!, page, staffAudience),
    consoleSearchOneCity: (i) => search(db, queries[i % queries.length]!, page, cityAudience),
    portalSearchFiltered: (i) => search(db, queries[i % queries.length]!, { ...page, kind: 'policy', ipType: 'patent' }, publicAudience),
    suggestions: (i) => suggest(db, prefixes[i % prefixes.length]!),
  };
  const results: Record<string, { c1: Stats; c10: Stats; cpuPerRequestMs: number }> = {};
  for (const [name, run] of Object.entries(scenarios)) {
    for (let i = 0; i < queries.length; i++) await run(i); // warm the cache once per query
    const cpu0 = cpuMs(dir);
    const c1 = await measure(run, 1, ROUNDS);
    // CPU time per request (this process and the database's): what a request costs with a core to itself.
    const cpuPerRequestMs = Math.round(((cpuMs(dir) - cpu0) / ROUNDS) * 10) / 10;
    results[name] = { c1, c10: await measure(run, 10, ROUNDS), cpuPerRequestMs };
    console.log(name, JSON.stringify(results[name]));
  }
  const medians = async (audience: Audience) => {
    const perQuery: Record<string, number> = {};
    for (const q of queries) {
      const xs: number[] = [];
      for (let k = 0; k < 5; k++) {
        const s = performance.now();
        await search(db, q, page, audience);
        xs.push(performance.now() - s);
      }
      perQuery[q] = pct(xs, 0.5);
    }
    return perQuery;
  };
  const perQuery = await medians(staffAudience);
  const perQueryOneCity = await medians(cityAudience);
  const out = {
    measuredAt: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), cpus: os.cpus().length,
    rows: { articles: ARTICLES, consultations: CONSULTATIONS, indexed: counts },
    // null: the database was reused from BENCH_DIR, so this run did not load it.
    seconds: Number.isNaN(reindexSeconds) ? null : { generate: Math.round(generateSeconds), reindex: Math.round(reindexSeconds), buildIndexes: Math.round(indexSeconds) },
    requestsPerScenario: ROUNDS, results, consoleSearchWholeNetworkMedianByQueryMs: perQuery,
    consoleSearchOneCityMedianByQueryMs: perQueryOneCity,
  };
  fs.writeFileSync(path.join('bench', 'search.json'), JSON.stringify(out, null, 2) + '\n');
  await explain(db, staffAudience);
  await db.destroy();
} finally {
  await server.stop();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

async function loadedBefore(db: DB) {
  const n = await sql<{ kind: string; n: number }>`SELECT kind, count(*)::int AS n FROM search_entries GROUP BY kind`.execute(db);
  if (n.rows.length === 0) return null;
  const counts = { article: 0, qa: 0, consultation: 0, case: 0, ...Object.fromEntries(n.rows.map((r) => [r.kind, r.n])) };
  const children = (await sql<{ id: string; path: string }>`SELECT id, path::text AS path FROM institutions WHERE path <> 'cn' ORDER BY path`.execute(db)).rows;
  return { counts, generateSeconds: Number.NaN, reindexSeconds: Number.NaN, indexSeconds: Number.NaN, children };
}

async function load(db: DB) {
  await loadRegions(db);
  const root = await ensureRootInstitution(db);
  const children: { id: string; path: string }[] = [];
  for (let i = 0; i < 12; i++) {
    children.push(await insertInstitution(db, {
      parent_id: root.id, name: `${places[i]}市知识产权维权援助中心`, type: 'assistance_center', level: 'city', host: null, region_code: null,
      services: [], ip_types: [], phone: null, email: null, hours: null, description: null,
    } as never));
  }
  const t0 = performance.now();
  const arr = (xs: string[]) => sql`${sql.val(xs)}::text[]`;
  const kinds = ['policy', 'knowledge', 'case_study', 'news', 'guide', 'qa'];
  await sql`
    INSERT INTO articles (institution_id, institution_path, kind, state, title, summary, body_text, ip_types, meta, published_at, created_at, updated_at)
    SELECT i.id, i.path, (${arr(kinds)})[1 + g % 6], 'published',
           (${arr(places)})[1 + g % 12] || (${arr(subjects)})[1 + (g / 12) % 10] || (${arr(genres)})[1 + (g / 7) % 8] || '（第' || g || '号）',
           (${arr(sentences)})[1 + (g / 3) % 20],
           (${arr(sentences)})[1 + g % 20] || (${arr(sentences)})[1 + (g / 5) % 20] || (${arr(sentences)})[1 + (g / 11) % 20] || (${arr(sentences)})[1 + (g / 17) % 20],
           ARRAY[(ARRAY['patent','trademark','copyright','trade_secret','geographical_indication'])[1 + g % 5]], '{}',
           now() - (g % 2000) * interval '1 day' - g * interval '1 second', now(), now()
    FROM generate_series(1, ${ARTICLES}) g
    JOIN (SELECT id, path, row_number() OVER (ORDER BY path) - 1 AS n FROM institutions WHERE path <> 'cn') i ON i.n = g % 12`.execute(db);
  await sql`
    INSERT INTO consultations (institution_id, institution_path, channel, topic, question, answer, status, ip_type, asked_at, answered_at)
    SELECT i.id, i.path, 'hotline', 'dispute',
           '我们' || (${arr(places)})[1 + g % 12] || '的企业遇到' || (${arr(subjects)})[1 + (g / 3) % 10] || '问题，' || (${arr(sentences)})[1 + (g / 7) % 20] || '请问怎么办？（' || g || '）',
           (${arr(answers)})[1 + g % 6] || (${arr(sentences)})[1 + (g / 13) % 20], 'answered', 'patent',
           now() - (g % 1500) * interval '1 day', now()
    FROM generate_series(1, ${CONSULTATIONS}) g
    JOIN (SELECT id, path, row_number() OVER (ORDER BY path) - 1 AS n FROM institutions WHERE path <> 'cn') i ON i.n = g % 12`.execute(db);
  const generateSeconds = (performance.now() - t0) / 1000;

  // The bulk load builds the indexes once afterwards instead of maintaining them row by row.
  const t1 = performance.now();
  await sql`DROP INDEX search_entries_tsv, search_entries_keys_trgm, search_entries_recent, search_entries_newest, search_entries_path, search_entries_staff_newest`.execute(db);
  const counts = await reindexAll(db, (n) => { if (n % 100_000 < 500) process.stdout.write(`\rindexed ${n}`); });
  const reindexSeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await sql`CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv)`.execute(db);
  await sql`CREATE INDEX search_entries_keys_trgm ON search_entries USING gin (keys gin_trgm_ops) WHERE keys <> ''`.execute(db);
  await sql`CREATE INDEX search_entries_recent ON search_entries (sort_at DESC) WHERE visibility = 'public'`.execute(db);
  await sql`CREATE INDEX search_entries_newest ON search_entries (sort_at DESC)`.execute(db);
  await sql`CREATE INDEX search_entries_path ON search_entries USING gist (institution_path)`.execute(db);
  await sql`CREATE INDEX search_entries_staff_newest ON search_entries (institution_id, sort_at DESC) WHERE visibility = 'staff'`.execute(db);
  await sql`VACUUM ANALYZE search_entries`.execute(db);
  const indexSeconds = (performance.now() - t2) / 1000;
  console.log(`\n${JSON.stringify(counts)}; generate ${generateSeconds.toFixed(0)} s, reindex ${reindexSeconds.toFixed(0)} s, indexes ${indexSeconds.toFixed(0)} s`);

  return { counts, generateSeconds, reindexSeconds, indexSeconds, children };
}




/** The plan of the most common word, for the record (printed only). */
async function explain(db: DB, _a: Audience) {
  const r = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) SELECT kind, ref_id FROM search_entries s
    WHERE s.tsv @@ plainto_tsquery('simple', '专利') AND s.visibility = 'public' ORDER BY s.sort_at DESC LIMIT 201`.execute(db);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
}
