import { sql } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import { articleEntry, caseEntry, consultationEntry, type SearchEntry } from './search.entries.ts';
import { documentWords, filterWord } from './search.segment.ts';

/**
 * Keeping the index in step with its sources. The modules call indexArticle / indexConsultation / indexCase
 * inside the transaction that changed the record, so the index never shows what was rolled back;
 * reindexAll rebuilds everything (CLI search:reindex, demo load).
 */
type Q = DB | Tx;

/** The entry's filter values as words (search.segment.ts filterWord): kind, IP types, year, public, answered (ADR 0034). */
export function filterWords(e: SearchEntry): string {
  const kind = e.kind === 'article' ? (e.articleKind ?? 'article') : e.kind;
  return [
    filterWord('k', kind), ...e.ipTypes.map((t) => filterWord('ip', t)), ...(e.year ? [filterWord('y', String(e.year))] : []),
    ...(e.visibility === 'public' ? [filterWord('v', 'public')] : []),
    ...(e.answered ? [filterWord('v', 'answered')] : []),
  ].join(' ');
}

function tsv(e: SearchEntry) {
  return sql`setweight(to_tsvector('simple', ${documentWords(e.title)}), 'A')
    || setweight(to_tsvector('simple', ${documentWords(e.keys)}), 'A')
    || setweight(to_tsvector('simple', ${documentWords(e.body)}), 'B')
    || setweight(to_tsvector('simple', ${filterWords(e)}), 'D')`;
}

export async function writeEntries(db: Q, entries: readonly SearchEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('search_entries')
    .values(entries.map((e) => ({
      kind: e.kind, ref_id: e.refId, visibility: e.visibility, institution_id: e.institutionId, institution_path: e.institutionPath,
      title: e.title, body: e.body, keys: e.keys, ip_types: e.ipTypes, article_kind: e.articleKind, region_code: e.regionCode,
      year: e.year, sort_at: e.sortAt, boost: e.boost, tsv: tsv(e), updated_at: sql`now()`,
    })))
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
      visibility: eb.ref('excluded.visibility'), institution_id: eb.ref('excluded.institution_id'),
      institution_path: eb.ref('excluded.institution_path'), title: eb.ref('excluded.title'), body: eb.ref('excluded.body'),
      keys: eb.ref('excluded.keys'), ip_types: eb.ref('excluded.ip_types'), article_kind: eb.ref('excluded.article_kind'),
      region_code: eb.ref('excluded.region_code'), year: eb.ref('excluded.year'), sort_at: eb.ref('excluded.sort_at'),
      boost: eb.ref('excluded.boost'), tsv: eb.ref('excluded.tsv'), updated_at: eb.ref('excluded.updated_at'),
    })))
    .execute();
}

async function replace(db: Q, kinds: SearchKind[], refId: string, entry: SearchEntry | null): Promise<void> {
  await db.deleteFrom('search_entries').where('kind', 'in', kinds).where('ref_id', '=', refId).execute();
  if (entry) await writeEntries(db, [entry]);
}

const articleRows = (db: Q) => db.selectFrom('articles').select([
  'id', 'institution_id', sql<string>`institution_path::text`.as('institution_path'), 'kind', 'state', 'title', 'summary',
  'body_text', 'ip_types', 'region_code', 'published_at', 'meta',
]);

const consultationRows = (db: Q) => db.selectFrom('consultations').select([
  'id', 'institution_id', sql<string>`institution_path::text`.as('institution_path'), 'question', 'answer', 'status', 'ip_type', 'region_code', 'asked_at',
]);

const caseRows = (db: Q) => db.selectFrom('cases as c')
  .select((eb) => [
    'c.id', 'c.state', 'c.case_number', 'c.institution_id', sql<string>`c.institution_path::text`.as('institution_path'), 'c.ip_type',
    'c.ip_number', 'c.region_code', 'c.summary', 'c.request', 'c.submitted_at', 'c.created_at',
    eb.exists(eb.selectFrom('case_privacy as p').select('p.case_id').whereRef('p.case_id', '=', 'c.id').where('p.anonymised_at', 'is not', null)).as('anonymised'),
    sql<{ role: string; kind: string; name: string }[]>`coalesce((SELECT json_agg(json_build_object('role', cp.role, 'kind', cp.kind, 'name', cp.name) ORDER BY cp.position)
      FROM case_parties cp WHERE cp.case_id = c.id AND cp.role IN ('applicant', 'opposing')), '[]')`.as('parties'),
  ]);

/** A published article is in the index; any other state takes it out (withdrawn, back to draft). */
export async function indexArticle(db: Q, articleId: string): Promise<void> {
  const a = await articleRows(db).where('id', '=', articleId).executeTakeFirst();
  await replace(db, ['article', 'qa'], articleId, a ? articleEntry({ ...a, meta: a.meta ?? {} }) : null);
}

export async function indexConsultation(db: Q, consultationId: string): Promise<void> {
  const c = await consultationRows(db).where('id', '=', consultationId).executeTakeFirst();
  await replace(db, ['consultation'], consultationId, c ? consultationEntry(c) : null);
}

export async function indexCase(db: Q, caseId: string): Promise<void> {
  const c = await caseRows(db).where('c.id', '=', caseId).executeTakeFirst();
  await replace(db, ['case'], caseId, c ? caseEntry({ ...c, anonymised: Boolean(c.anonymised) }) : null);
}

export interface ReindexResult {
  article: number;
  qa: number;
  consultation: number;
  case: number;
}

const BATCH = 500;

/** Rebuild the whole index in one transaction (readers see the old index until it commits). */
export async function reindexAll(db: DB, onProgress?: (done: number) => void): Promise<ReindexResult> {
  return db.transaction().execute(async (tx) => {
    await tx.deleteFrom('search_entries').execute();
    const counts: ReindexResult = { article: 0, qa: 0, consultation: 0, case: 0 };
    let done = 0;
    const write = async (entries: (SearchEntry | null)[]) => {
      const kept = entries.filter((e): e is SearchEntry => e !== null);
      for (let i = 0; i < kept.length; i += BATCH) await writeEntries(tx, kept.slice(i, i + BATCH));
      for (const e of kept) counts[e.kind]++;
      done += kept.length;
      onProgress?.(done);
    };
    const articles = await articleRows(tx).where('state', '=', 'published').execute();
    await write(articles.map((a) => articleEntry({ ...a, meta: a.meta ?? {} })));
    await pages((after) => consultationRows(tx).where('id', '>', after).orderBy('id').limit(BATCH * 4).execute(), (rows) => write(rows.map(consultationEntry)));
    await pages(
      (after) => caseRows(tx).where('c.id', '>', after).where('c.state', '<>', 'draft').orderBy('c.id').limit(BATCH * 4).execute(),
      (rows) => write(rows.map((c) => caseEntry({ ...c, anonymised: Boolean(c.anonymised) }))),
    );
    return counts;
  });
}

async function pages<T extends { id: string }>(fetch: (after: string) => Promise<T[]>, handle: (rows: T[]) => Promise<void>) {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    await handle(rows);
    after = rows[rows.length - 1].id;
  }
}
