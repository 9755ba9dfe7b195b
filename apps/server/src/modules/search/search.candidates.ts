import { SEARCH_RESULT_CAP } from '@yuanzhi/contracts';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import type { Audience, SearchFilters } from './search.query.ts';
import { filterWord } from './search.segment.ts';
import { wordStats } from './search.stats.ts';
import { scopedWalk } from './search.walk.ts';

/** The GIN step takes at most this many matches, in no order (a bitmap scan stops there). */
const GIN_CANDIDATES = SEARCH_RESULT_CAP + 1;
/** The newest-first step looks at no more than this many of the newest visible entries. */
export const NEWEST_WINDOW = 5_000;
/** Newest-first goes first when it is expected to look at no more than this many entries (ADR 0017). */
const CHEAP_WALK = 2_000;

export interface Candidate {
  kind: SearchKind;
  ref_id: string;
  sort_at: Date;
  rank: number;
}

export interface Found {
  rows: Candidate[];
  complete: boolean;
}

export interface CandidateQuery {
  words: string[];
  /** The filter words (search.segment.ts filterWord) of the chosen filters. */
  filters: string[];
  matchQ: RawBuilder<unknown>;
  rankQ: RawBuilder<unknown>;
  /** Visible to the audience and passing the filters. */
  where: RawBuilder<SqlBool>;
  audience: Audience;
  f: SearchFilters;
}

/**
 * Bounded candidate selection (ADR 0017, 0037). A rare query takes its matches from the GIN index (at most
 * GIN_CANDIDATES; fewer means all of them, ranked exactly). A common one (PostgreSQL's statistics of the words and
 * filters say the walk would look at fewer than CHEAP_WALK entries) walks the newest visible entries for the
 * SEARCH_RESULT_CAP + 1 newest matches, looking at no more than NEWEST_WINDOW entries, and the GIN step fills in when
 * the walk comes back short. The work is bounded by the constants, not by how many entries match.
 */
export async function candidates(db: DB, c: CandidateQuery): Promise<Found> {
  const { words, filters, matchQ, rankQ, where, audience } = c;
  const portal = !audience.consultations && !audience.cases;
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
    // No parallel plans either: one of the merged walk (ADR 0037) sorts every in-scope entry. One statement, one round trip.
    await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(tx);
    const gin = async () => {
      await sql`SET LOCAL enable_indexscan = off`.execute(tx);
      // The matches come from the GIN bitmap alone (MATERIALIZED: the planner would otherwise AND it with bitmaps
      // of the visibility and path indexes — every public entry and the whole scope — ADR 0037); the visibility,
      // scope and filter conditions are checked on them as they come, until GIN_CANDIDATES pass. The portal's query
      // holds the 'public' word, so few are dropped.
      const r = await sql<Candidate>`
        WITH m AS MATERIALIZED (SELECT s.kind, s.ref_id, s.sort_at, s.boost, s.tsv, s.visibility, s.ip_types, s.article_kind, s.year, s.institution_path
          FROM search_entries s WHERE s.tsv @@ ${matchQ})
        SELECT s.kind, s.ref_id, s.sort_at, (ts_rank_cd(s.tsv, ${rankQ}, 1) * s.boost)::float8 AS rank FROM m s WHERE ${where}
        LIMIT ${GIN_CANDIDATES}`.execute(tx);
      await sql`SET LOCAL enable_indexscan = on`.execute(tx);
      return r.rows;
    };
    const newest = async () => {
      await sql`SET LOCAL enable_bitmapscan = off`.execute(tx);
      const merged = portal ? null : await scopedWalk(tx, audience, c.f, NEWEST_WINDOW);
      const r = merged
        ? await sql<Candidate>`
            SELECT s.kind, s.ref_id, s.sort_at, (ts_rank_cd(s.tsv, ${rankQ}, 1) * s.boost)::float8 AS rank
            FROM ${merged} s WHERE ${where} AND s.tsv @@ ${matchQ} LIMIT ${SEARCH_RESULT_CAP + 1}`.execute(tx)
        : await sql<Candidate>`
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
