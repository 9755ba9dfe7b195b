import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import { filterWord } from '../search/search.segment.ts';
import type { ChosenWords } from './consultations.suggest-words.ts';

/**
 * The desk's candidate answers from the search index (ADR 0034): featured Q&A, knowledge articles and answered
 * consultations in the clerk's scope. At most CANDIDATES are taken before any ranking, so the work is bounded
 * whatever the words; only those are ranked.
 */
export interface Candidate {
  kind: SearchKind;
  ref_id: string;
  sort_at: Date;
  rank: number;
}

/** Matches taken before ranking (per step). */
const CANDIDATES = 60;
/**
 * Entries a step reads at most, before the kind, scope and answered conditions: the work stays bounded for a
 * one-city clerk too, whose entries are a twelfth of the matches (they then get fewer candidates, not a slower answer).
 */
const EXAMINE = 1000;
/**
 * Two common words go through the GIN index together when PostgreSQL's statistics expect them together in at most
 * this share of the index (as if independent): a short bitmap, and no walk, which for a one-city clerk reads an
 * entry of every city to find one of theirs.
 */
const PAIR_SHARE = 0.02;
/** A reviewed, de-identified featured answer is worth more to the clerk than one colleague's past answer. */
const FEATURED = 1.5;

/** Words hold letters and digits only (search.segment.ts clean), so quoting each is enough for to_tsquery. */
const tsq = (words: readonly string[], op: '|' | '&') => words.map((w) => `'${w}'`).join(` ${op} `);

function suggestible(scope: Scope): RawBuilder<SqlBool> {
  const parts = [sql<SqlBool>`s.kind = 'qa'`, sql<SqlBool>`(s.kind = 'article' AND s.article_kind = 'knowledge')`];
  if (scope.paths.length > 0) {
    parts.push(sql<SqlBool>`(s.kind = 'consultation' AND s.institution_path <@ ANY(${sql.val(scope.paths)}::ltree[]))`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** An answered consultation only (an open one has nothing to suggest); articles are in the index only when published. */
const answered = sql<SqlBool>`(s.kind <> 'consultation' OR s.tsv @@ ${filterWord('v', 'answered')}::tsquery)`;

/** The rarest words count this many times more in the ranking: cover density alone knows nothing of rarity. */
const EMPHASIS = 2;

function rank(ranked: readonly string[]): RawBuilder<number> {
  // Cover density normalised by length, again for the two rarest words (a question sharing one rare word with an
  // answer is about the same thing; one sharing 商标 is not), the entry's boost (ADR 0017), featured Q&A first, and a
  // gentle pull towards recent answers (a year old weighs about 0.84 of today's): answers should reflect current practice.
  return sql<number>`((ts_rank_cd(s.tsv, to_tsquery('simple', ${tsq(ranked, '|')}), 1)
      + ${EMPHASIS}::float8 * ts_rank_cd(s.tsv, to_tsquery('simple', ${tsq(ranked.slice(0, 2), '|')}), 1)) * s.boost
    * CASE WHEN s.kind = 'qa' THEN ${FEATURED}::float8 ELSE 1 END
    * (0.75 + 0.25 * exp(-extract(epoch FROM now() - s.sort_at) / 31536000.0)))::float8`;
}

/**
 * The plan each statement is written for (ADR 0017: the planner's guesses for several words are far off), set for the
 * rest of the transaction in one round trip: a bitmap scan of the GIN index, or an index scan of the newest entries.
 */
async function plan(tx: Tx, scan: 'bitmap' | 'index'): Promise<void> {
  await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
    set_config('enable_mergejoin', 'off', true), set_config('enable_indexscan', ${scan === 'index' ? 'on' : 'off'}, true),
    set_config('enable_bitmapscan', ${scan === 'bitmap' ? 'on' : 'off'}, true)`.execute(tx);
}

/** Words whose matches are few: from the GIN index, at most CANDIDATES of them (a bitmap scan, no order). */
async function ginStep(tx: Tx, words: readonly string[], op: '|' | '&', w: ChosenWords, scope: Scope): Promise<Candidate[]> {
  // The kinds are not added to the GIN query: their words (zzvanswered …) are in most entries, and GIN reads an OR
  // of long posting lists whole (30 ms for 陶瓷 & 宜昌 & (zzkqa | zzkknowledge | zzvanswered) at 600,000 entries).
  const match = tsq(words, op);
  await plan(tx, 'bitmap');
  // The matches come from the GIN index alone, at most EXAMINE of them: given the kind and scope conditions, the
  // planner would AND the bitmap with ones of the primary key and the path index (190 ms for one city's scope at
  // 600,000 entries).
  const r = await sql<Candidate>`
    WITH m AS MATERIALIZED (SELECT s.kind, s.ref_id, s.sort_at, s.boost, s.tsv, s.article_kind, s.institution_path
      FROM search_entries s WHERE s.tsv @@ to_tsquery('simple', ${match}) LIMIT ${EXAMINE})
    SELECT s.kind, s.ref_id, s.sort_at, ${rank(w.ranked)} AS rank FROM m s
    WHERE ${suggestible(scope)} AND ${answered}
    LIMIT ${CANDIDATES}`.execute(tx);
  return r.rows;
}

/** Common words: among the EXAMINE newest entries of the index, the suggestible ones holding them, at most CANDIDATES. */
async function newestStep(tx: Tx, words: readonly string[], op: '|' | '&', w: ChosenWords, scope: Scope): Promise<Candidate[]> {
  await plan(tx, 'index');
  const r = await sql<Candidate>`
    SELECT s.kind, s.ref_id, s.sort_at, ${rank(w.ranked)} AS rank
    FROM (SELECT s.kind, s.ref_id, s.sort_at, s.boost, s.tsv, s.article_kind, s.institution_path FROM search_entries s
          ORDER BY s.sort_at DESC LIMIT ${EXAMINE}) s
    WHERE ${suggestible(scope)} AND s.tsv @@ to_tsquery('simple', ${tsq(words, op)}) AND ${answered}
    LIMIT ${CANDIDATES}`.execute(tx);
  return r.rows;
}

/**
 * Rare words first. When they find fewer than `enough` (or there are none), the two rarest common words together
 * (through the GIN index when few entries are expected to hold both, else among the newest entries), then any of
 * the common words among the newest entries.
 */
export async function candidates(db: DB, w: ChosenWords, shares: (word: string) => number, scope: Scope, enough: number): Promise<Candidate[]> {
  return db.transaction().execute(async (tx) => {
    let found = w.rare.length > 0 ? await ginStep(tx, w.rare, '|', w, scope) : [];
    const pair = w.common.slice(0, 2);
    if (found.length < enough && pair.length === 2) {
      const fewTogether = shares(pair[0]!) * shares(pair[1]!) <= PAIR_SHARE;
      found = merge(found, await (fewTogether ? ginStep(tx, pair, '&', w, scope) : newestStep(tx, pair, '&', w, scope)));
    }
    if (found.length < enough && w.common.length > 0) found = merge(found, await newestStep(tx, w.common, '|', w, scope));
    return found;
  });
}

function merge(a: Candidate[], b: Candidate[]): Candidate[] {
  const seen = new Set(a.map((c) => `${c.kind}:${c.ref_id}`));
  return [...a, ...b.filter((c) => !seen.has(`${c.kind}:${c.ref_id}`))];
}
