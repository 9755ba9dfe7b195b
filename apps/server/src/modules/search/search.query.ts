import { SEARCH_RESULT_CAP, type SearchKindFilter } from '@yuanzhi/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import { filterWord, queryText, queryWords } from './search.segment.ts';
import { wordStats } from './search.stats.ts';

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

/** The GIN step takes at most this many matches, in no order (a bitmap scan stops there). */
const GIN_CANDIDATES = SEARCH_RESULT_CAP + 1;
/** The newest-first step looks at no more than this many of the newest visible entries. */
const NEWEST_WINDOW = 5_000;
/** Newest-first goes first when it is expected to look at no more than this many entries (ADR 0017). */
const CHEAP_WALK = 2_000;

interface Candidate {
  kind: SearchKind;
  ref_id: string;
  sort_at: Date;
  rank: number;
}

interface Found {
  rows: Candidate[];
  complete: boolean;
}

/**
 * Bounded candidate selection (ADR 0017). A rare query takes its matches from the GIN index (at most GIN_CANDIDATES;
 * fewer means all of them, ranked exactly). A common one (PostgreSQL's statistics of the words and filters say the
 * walk would look at fewer than CHEAP_WALK entries) walks the newest entries for the SEARCH_RESULT_CAP + 1 newest matches, looking at no
 * more than NEWEST_WINDOW entries, and the GIN step fills in when the walk comes back short. The work is bounded by the
 * constants, not by how many entries match.
 */
async function candidates(
  db: DB, words: string[], filters: string[], matchQ: RawBuilder<unknown>, rankQ: RawBuilder<unknown>, where: RawBuilder<SqlBool>, portal: boolean,
): Promise<Found> {
  const stats = await wordStats(db);
  // The share of entries that match: at most the rarest word's (words of one query tend to go together), times the
  // filters' shares (independent attributes). Too high a guess costs a walk of NEWEST_WINDOW entries, too low a guess
  // a GIN bitmap of every match; both are bounded.
  const share = Math.min(...words.map((w) => stats.freq(w))) * filters.reduce((p, w) => p * stats.freq(w), 1);
  // The walk reads entries of the visible kind until it has SEARCH_RESULT_CAP + 1 matches.
  const visibleShare = portal ? stats.freq(filterWord('v', 'public')) || 1 : 1;
  const common = share > 0 && ((SEARCH_RESULT_CAP + 1) * visibleShare) / share <= CHEAP_WALK;
  return db.transaction().execute(async (tx) => {
    // Each step gets the plan it is written for: the planner's guess for several words is often far off.
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const gin = async () => {
      await sql`SET LOCAL enable_indexscan = off`.execute(tx);
      // The portal's query holds the 'public' word, so its filter can wait until after the index (no bitmap of a
      // whole visibility class is built); the console's scope conditions go with the index scan.
      const r = portal
        ? await sql<Candidate>`
            WITH m AS MATERIALIZED (SELECT s.kind, s.ref_id, s.sort_at, s.boost, s.tsv, s.visibility, s.ip_types, s.article_kind, s.year, s.institution_path
              FROM search_entries s WHERE s.tsv @@ ${matchQ} LIMIT ${GIN_CANDIDATES})
            SELECT s.kind, s.ref_id, s.sort_at, (ts_rank_cd(s.tsv, ${rankQ}, 1) * s.boost)::float8 AS rank FROM m s WHERE ${where}`.execute(tx)
        : await sql<Candidate>`
            SELECT s.kind, s.ref_id, s.sort_at, (ts_rank_cd(s.tsv, ${rankQ}, 1) * s.boost)::float8 AS rank
            FROM search_entries s WHERE s.tsv @@ ${matchQ} AND ${where} LIMIT ${GIN_CANDIDATES}`.execute(tx);
      await sql`SET LOCAL enable_indexscan = on`.execute(tx);
      return r.rows;
    };
    const newest = async () => {
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
      const r = await sql<Candidate>`
        SELECT r.kind, r.ref_id, r.sort_at, (ts_rank_cd(r.tsv, ${rankQ}, 1) * r.boost)::float8 AS rank
        FROM (SELECT s.kind, s.ref_id, s.sort_at, s.boost, s.tsv FROM search_entries s WHERE ${where}
              ORDER BY s.sort_at DESC LIMIT ${NEWEST_WINDOW}) r
        WHERE r.tsv @@ ${matchQ} LIMIT ${SEARCH_RESULT_CAP + 1}`.execute(tx);
      await sql`SET LOCAL enable_bitmapscan = on`.execute(tx);
      return r.rows;
    };
    if (common) {
      const first = await newest();
      if (first.length > SEARCH_RESULT_CAP) return { rows: first, complete: false };
      const more = await gin();
      return { rows: merge(first, more), complete: more.length < GIN_CANDIDATES };
    }
    // Rarer than a cheap walk: the GIN matches are the candidates; GIN_CANDIDATES of them means there are more, and
    // the best of those are shown (a walk here could read every visible entry).
    const first = await gin();
    return { rows: first, complete: first.length < GIN_CANDIDATES };
  });
}

function merge(a: Candidate[], b: Candidate[]): Candidate[] {
  const seen = new Set(a.map((c) => `${c.kind}:${c.ref_id}`));
  return [...a, ...b.filter((c) => !seen.has(`${c.kind}:${c.ref_id}`))];
}

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
  const found = await candidates(db, words, filters, matchQ, rankQ, where, portal);
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
