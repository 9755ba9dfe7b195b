import { sql } from 'kysely';
import { rebuildCube } from '../../apps/server/src/modules/stats/cube/cube.rebuild.ts';
import { ensureRootInstitution } from '../../apps/server/src/modules/institutions/institutions.repository.ts';
import { loadRegions } from '../../apps/server/src/modules/regions/regions.load.ts';
import type { DB } from '../../apps/server/src/platform/db.ts';
import { createSecrets, type Secrets } from '../../apps/server/src/platform/secrets.ts';
import { generateAccounts, generatedPassword, knownAccounts } from './accounts.ts';
import { bulkSession, count, createIndexes, dropSecondaryIndexes, endBulkSession, forgetIndexes, type Conn } from './bulk.ts';
import { generateDeadlines, generateDocuments } from './case-records.ts';
import { generateCases, generateEvents as generateCaseEvents, generateParties, pathTable } from './cases.ts';
import { generateArticles, generateConsultations, generateEvents, generateExperts } from './content.ts';
import { generateNetwork, institutionTables } from './network.ts';
import { personPool, personPoolTable } from './persons.ts';
import { refreshAllNextDue } from '../../apps/server/src/modules/cases/cases.deadlines.ts';
import { caseEntries, consultationAndArticleEntries, segmentDistinctValues } from './search-bulk.ts';

export { generatedPassword, knownAccounts } from './accounts.ts';
export { personAt } from './persons.ts';

export interface GenerateOptions {
  /** 1 = national scale (2,000 institutions, 1,000,000 cases …); 0.01 = a hundredth. */
  scale: number;
  onProgress?(step: string, done: number, total: number): void;
  /**
   * The key personal data is encrypted with: the server that later opens this database must hold the same one
   * (the CLI passes the key of BENCH_DIR, which a server started with YUANZHI_DATA_DIR=BENCH_DIR reads).
   * Default: YUANZHI_DATA_KEY.
   */
  secrets?: Secrets;
}

export interface GenerateReport {
  scale: number;
  /** Rows per table after the run. */
  counts: Record<string, number>;
  /** Seconds per step; steps in two lanes run at the same time, so their sum exceeds totalSeconds. */
  seconds: Record<string, number>;
  totalSeconds: number;
  /** The institution the known handler and administrator belong to (the city centre with the most cases). */
  busiestInstitution: { id: string; name: string; path: string };
  knownAccounts: typeof knownAccounts;
  generatedPassword: string;
}

/** Rows of each kind at scale 1 (issue 8). */
export const fullScale = {
  institutions: 2000, staff: 8000, applicants: 32_000, experts: 20_000, cases: 1_000_000, consultations: 500_000, articles: 100_000,
  events: 50_000, persons: 20_000,
};

const loadedTables = [
  'users', 'role_assignments', 'experts', 'cases', 'case_parties', 'case_events', 'case_deadlines', 'case_documents', 'attachments',
  'consultations', 'articles', 'onsite_events', 'search_entries',
];
export const countedTables = ['institutions', ...loadedTables, 'number_sequences'];

/**
 * Fills a migrated, empty database at `scale` (see fullScale): the network over the 31 provinces, accounts, experts,
 * ten years of cases with their history, parties, deadlines and documents, consultations, articles, on-site events,
 * the search index, then ANALYZE. Rows are made by the server (INSERT … SELECT over generate_series) on two
 * connections in bulk mode (ADR 0030); only the personal data pool and the segmentation of distinct texts pass through Node.
 * Known accounts to sign in with: knownAccounts (accounts.ts).
 */
export async function generate(db: DB, opts: GenerateOptions): Promise<GenerateReport> {
  const secrets = opts.secrets ?? secretsFromEnv();
  const s = opts.scale;
  if (!(s > 0 && s <= 2)) throw new RangeError(`scale must be in (0, 2]: ${s}`);
  const n = (k: keyof typeof fullScale, min: number) => Math.max(min, Math.round(fullScale[k] * s));
  const size = {
    institutions: n('institutions', 100), applicants: n('applicants', 64), experts: n('experts', 20), cases: n('cases', 200),
    consultations: n('consultations', 100), articles: n('articles', 50), events: n('events', 20),
  };
  const staff = Math.max(n('staff', 0), 2 * size.institutions);
  const pool = Math.max(staff, size.applicants, size.experts, n('persons', 500));

  await loadRegions(db);
  const root = await ensureRootInstitution(db);
  const existing = await db.selectFrom('cases').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  if (existing.n > 0) throw new Error(`数据库中已有 ${existing.n} 个案件：生成器只填充空库 / the database already holds ${existing.n} cases: generate into an empty one`);

  const seconds: Record<string, number> = {};
  const t0 = performance.now();
  let busiest!: GenerateReport['busiestInstitution'];
  let busiestOrd = 0;
  let institutions = 0;
  let slots = 0;
  let indexes: Awaited<ReturnType<typeof dropSecondaryIndexes>> = [];
  type Step = [string, (c: Conn) => Promise<unknown>];
  /** Phases run one after the other; inside a phase, lane k runs its steps in order on connection k (two cores). */
  const phases: Step[][][] = [
    [[['prepare', async (c) => {
      await dropWorkTables(c);
      indexes = await dropSecondaryIndexes(c, loadedTables);
      await sql.raw(personPoolTable).execute(c);
    }]]],
    [[['persons', (c) => personPool(c, secrets, pool)]], [['institutions', async (c) => {
      const list = await generateNetwork(c, root.id, size.institutions - 1);
      slots = await institutionTables(c, list);
      const b = list.filter((i) => i.level === 'city' && i.type === 'assistance_center').sort((a, x) => x.weight - a.weight)[0] ?? list[0]!;
      busiest = { id: b.id, name: b.name, path: b.path };
      busiestOrd = b.ord;
      institutions = list.length;
    }]]],
    [
      [['users', (c) => generateAccounts(c, secrets, { staff, applicants: size.applicants, institutions, busiestOrd, rootId: root.id })]],
      [['experts', (c) => generateExperts(c, size.experts, slots)], ['articles', (c) => generateArticles(c, size.articles, slots)],
        ['onsite_events', (c) => generateEvents(c, size.events, slots)]],
    ],
    [
      [['cases', async (c) => {
        await pathTable(c);
        await generateCases(c, size.cases, slots, size.applicants);
      }]],
      [['consultations', (c) => generateConsultations(c, size.consultations, slots, pool)]],
    ],
    [
      [['case_events', (c) => generateCaseEvents(c)], ['case_deadlines', (c) => generateDeadlines(c)], ['case_next_due', (c) => refreshAllNextDue(c)]],
      [['case_parties', (c) => generateParties(c, pool)], ['case_documents', (c) => generateDocuments(c)]],
    ],
    [[['search_words', (c) => segmentDistinctValues(c)]]],
    [[['search_cases', (c) => caseEntries(c)]], [['search_others', (c) => consultationAndArticleEntries(c)]]],
    [[['indexes', (c) => createIndexes(c, indexes.filter((_, k) => k % 2 === 0))]], [['indexes2', (c) => createIndexes(c, indexes.filter((_, k) => k % 2 === 1))]]],
    [[['analyze', async (c) => {
      await forgetIndexes(c);
      await dropWorkTables(c);
      await sql`ANALYZE`.execute(c);
    }]]],
  ];
  const total = phases.flat(2).length;
  let done = 0;
  await db.connection().execute((c1: Conn) => db.connection().execute(async (c2: Conn) => {
    await bulkSession(c1);
    await bulkSession(c2);
    for (const phase of phases) {
      await Promise.all(phase.map(async (lane, k) => {
        for (const [name, run] of lane) {
          opts.onProgress?.(name, done, total);
          const t = performance.now();
          await run(k === 0 ? c1 : c2);
          seconds[name] = Math.round((performance.now() - t) / 100) / 10;
          done++;
        }
      }));
    }
    await endBulkSession(c1);
    await endBulkSession(c2);
    opts.onProgress?.('done', total, total);
  }));
  // The statistics cube of every complete month (ADR 0036): the dashboard's first read would seal them otherwise.
  opts.onProgress?.('stats_cube', total, total);
  seconds.stats_cube = (await rebuildCube(db)).seconds;
  const counts: Record<string, number> = {};
  for (const t of countedTables) counts[t] = await count(db, t);
  return {
    scale: s, counts, seconds, totalSeconds: Math.round((performance.now() - t0) / 100) / 10, busiestInstitution: busiest, knownAccounts,
    generatedPassword,
  };
}

const workTables = ['gen_inst', 'gen_slot', 'gen_pii', 'gen_staff', 'gen_handler', 'gen_applicant', 'gen_path', 'gen_case', 'gen_doc', 'gen_words'];

/** The generator's own tables (UNLOGGED, shared by its two connections), gone once it has finished. */
async function dropWorkTables(c: Conn): Promise<void> {
  for (const t of workTables) await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(c);
}

function secretsFromEnv(): Secrets {
  const k = process.env.YUANZHI_DATA_KEY;
  if (!k) throw new Error('generate(): pass opts.secrets or set YUANZHI_DATA_KEY (the key the server will decrypt personal data with)');
  const key = Buffer.from(k, 'base64');
  if (key.length !== 32) throw new Error('YUANZHI_DATA_KEY must be 32 bytes, base64-encoded');
  return createSecrets(key);
}
