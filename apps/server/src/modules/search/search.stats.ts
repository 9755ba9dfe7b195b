import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';

/**
 * How common each word is: the share of entries holding it, from PostgreSQL's own statistics of the tsv column
 * (ANALYZE keeps the most common elements with their frequencies). A word missing from the list is rarer than the
 * least common listed one. Read at most every ten minutes per process; used only to choose how candidates are
 * taken (search.query.ts), never to decide what matches.
 */
export interface WordStats {
  freq(word: string): number;
}

const TTL_MS = 10 * 60_000;
let cached: { at: number; stats: WordStats } | null = null;

export async function wordStats(db: DB, now = Date.now()): Promise<WordStats> {
  if (cached && now - cached.at < TTL_MS) return cached.stats;
  const r = await sql<{ elems: string[] | null; freqs: number[] | null }>`
    SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
    FROM pg_stats WHERE tablename = 'search_entries' AND attname = 'tsv'`.execute(db);
  const row = r.rows[0];
  const map = new Map<string, number>();
  // The last three frequencies are the minimum, the maximum and the share of nulls; the elements come first.
  if (row?.elems && row.freqs) row.elems.forEach((e, i) => map.set(e, Number(row.freqs![i])));
  const stats: WordStats = { freq: (w) => map.get(w) ?? 0 };
  cached = { at: now, stats };
  return stats;
}
