import { SEARCH_RESULT_CAP, type SearchKindFilter } from '@yuanzhi/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import { filterWord, queryText, queryWords } from './search.segment.ts';
import { candidates, type Candidate } from './search.candidates.ts';

/**
 * The search statements (ADR 0017). Ranking every match of a common word is what makes search slow, so the
 * work is bounded: candidates() takes at most SEARCH_RESULT_CAP + 1 matches (from the GIN index, or the newest ones
 * for a common query) and only those are ranked with ts_rank_cd. Names and numbers typed with a mistake are caught
 * by a trigram look-up on the keys, run only when the full-text match finds less than a page.
 */
export interface SearchFilters {
  kind?: SearchKindFilter | undefined;
  ipType?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** Who is searching: the public sees public entries; staff also consultations and cases in their scopes. */
export interface Audience {
  consultations: Scope | null;
  cases: Scope | null;
}

export interface SearchRow {
  kind: SearchKind;
  ref_id: string;
  title: string;
  body: string;
  ip_types: string[];
  article_kind: string | null;
  region_code: string | null;
  year: number | null;
  sort_at: Date;
  rank: number;
}

export interface SearchPage {
  rows: SearchRow[];
  total: number;
  /** More than SEARCH_RESULT_CAP matches: only the best are shown. */
  capped: boolean;
  words: string[];
}

const paths = (s: Scope) => sql.val(s.paths);

function visible(a: Audience): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`s.visibility = 'public'`];
  if (a.consultations && a.consultations.paths.length > 0) {
    parts.push(sql<SqlBool>`(s.kind = 'consultation' AND s.institution_path <@ ANY(${paths(a.consultations)}::ltree[]))`);
  }
  if (a.cases && a.cases.paths.length > 0) {
    parts.push(sql<SqlBool>`(s.kind = 'case' AND s.institution_path <@ ANY(${paths(a.cases)}::ltree[]))`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

function filtered(f: SearchFilters): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (f.kind === 'qa' || f.kind === 'consultation' || f.kind === 'case') parts.push(sql<SqlBool>`s.kind = ${f.kind}`);
  else if (f.kind) parts.push(sql<SqlBool>`s.kind = 'article' AND s.article_kind = ${f.kind}`);
  if (f.ipType) parts.push(sql<SqlBool>`s.ip_types @> ARRAY[${f.ipType}]::text[]`);
  if (f.year) parts.push(sql<SqlBool>`s.year = ${f.year}`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

const columns = sql`s.kind, s.ref_id, s.title, s.body, s.ip_types, s.article_kind, s.region_code, s.year, s.sort_at`;

const byRank = (a: Candidate, b: Candidate) => b.rank - a.rank || new Date(b.sort_at).getTime() - new Date(a.sort_at).getTime() || (a.ref_id < b.ref_id ? -1 : 1);

export async function search(db: DB, text: string, f: SearchFilters, audience: Audience): Promise<SearchPage> {
  const words = queryWords(text);
  if (words.length === 0) return { rows: [], total: 0, capped: false, words };
  const where = sql<SqlBool>`${visible(audience)} AND ${filtered(f)}`;
  // The filters are also words of the entry (search.index.ts filterWords), so the GIN index applies them too; the
  // portal's query also asks for the word every public entry holds.
  const portal = !audience.consultations && !audience.cases;
  const filters = filterWords(f);
  const rankQ = sql`plainto_tsquery('simple', ${words.join(' ')})`;
  const matchQ = sql`plainto_tsquery('simple', ${[...words, ...filters, ...(portal ? [filterWord('v', 'public')] : [])].join(' ')})`;
  const found = await candidates(db, { words, filters, matchQ, rankQ, where, audience, f });
  const ranked = found.rows.sort(byRank).slice(0, SEARCH_RESULT_CAP);
  let n = found.complete ? found.rows.length : SEARCH_RESULT_CAP + 1;
  const offset = (f.page - 1) * f.pageSize;
  let rows = await entries(db, ranked.slice(offset, offset + f.pageSize));
  const fuzzy = queryText(text);
  if (n < f.pageSize && f.page === 1 && [...fuzzy].length >= 3) {
    const seen = new Set(rows.map((x) => `${x.kind}:${x.ref_id}`));
    const extra = (await trigramMatches(db, fuzzy, where, f.pageSize)).filter((x) => !seen.has(`${x.kind}:${x.ref_id}`));
    rows = [...rows, ...extra.slice(0, f.pageSize - rows.length)];
    n += extra.length;
  }
  return { rows, total: Math.min(n, SEARCH_RESULT_CAP), capped: n > SEARCH_RESULT_CAP, words };
}

/** The words standing for the chosen filters (search.segment.ts filterWord). */
function filterWords(f: SearchFilters): string[] {
  const out: string[] = [];
  if (f.kind) out.push(filterWord('k', f.kind));
  if (f.ipType) out.push(filterWord('ip', f.ipType));
  if (f.year) out.push(filterWord('y', String(f.year)));
  return out;
}

/** The page's entries in rank order. */
async function entries(db: DB, page: Candidate[]): Promise<SearchRow[]> {
  if (page.length === 0) return [];
  const r = await sql<Omit<SearchRow, 'rank'>>`
    SELECT ${columns} FROM search_entries s
    WHERE (s.kind, s.ref_id) IN (${sql.join(page.map((c) => sql`(${c.kind}, ${c.ref_id}::uuid)`))})`.execute(db);
  const byKey = new Map(r.rows.map((x) => [`${x.kind}:${x.ref_id}`, x]));
  return page.flatMap((c) => {
    const x = byKey.get(`${c.kind}:${c.ref_id}`);
    return x ? [{ ...x, rank: c.rank }] : [];
  });
}

/**
 * Case numbers, IP numbers, document numbers and organisations' names close to what was typed (pg_trgm word
 * similarity ≥ 0.6, the default threshold). Titles are left to the full-text match: a Chinese word is two
 * characters, so a typo in a title shares too few trigrams to be found this way, and matching every title
 * cost seconds on the benchmark's 600,000 entries (ADR 0017).
 */
async function trigramMatches(db: DB, text: string, where: RawBuilder<SqlBool>, limit: number): Promise<SearchRow[]> {
  const r = await sql<SearchRow>`
    SELECT ${columns}, word_similarity(${text}, s.keys)::float8 AS rank
    FROM search_entries s
    WHERE ${text} <% s.keys AND s.keys <> '' AND ${where}
    ORDER BY rank DESC, s.sort_at DESC
    LIMIT ${limit}`.execute(db);
  return r.rows;
}

export interface SuggestionRow {
  kind: SearchKind;
  ref_id: string;
  title: string;
}

/** Typeahead over public titles: every word typed so far, the last one as a prefix. */
export async function suggest(db: DB, text: string, limit = 8): Promise<SuggestionRow[]> {
  const words = queryWords(text);
  if (words.length === 0) return [];
  // The words hold letters and digits only (search.segment.ts), so quoting them is enough for to_tsquery.
  const q = words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
  const r = await sql<SuggestionRow>`
    SELECT s.kind, s.ref_id, s.title FROM search_entries s
    WHERE s.visibility = 'public' AND s.tsv @@ to_tsquery('simple', ${q})
    ORDER BY s.sort_at DESC
    LIMIT ${limit}`.execute(db);
  return r.rows;
}
