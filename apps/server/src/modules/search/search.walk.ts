import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db.ts';
import type { Audience, SearchFilters } from './search.query.ts';

/**
 * Where the console's newest-first walk reads (ADR 0037, amending 0017). Walking every entry newest first and
 * dropping those outside the scope reads twelve entries for each one of a city's; instead the walk merges the
 * public entries (search_entries_recent) with each in-scope institution's staff entries
 * (search_entries_staff_newest), so it reads about as many entries as it keeps, whatever the scope.
 */

/** A scope of more institutions than this walks the whole index as before (a plan of many branches costs more to make). */
export const MAX_BRANCHES = 40;

const KIND_OF_STAFF = new Set(['consultation', 'case']);

/**
 * The entries to walk, newest first, as branches of a Merge Append: only the visibility or institution key, so a
 * branch never reads past the window looking for a filter value it lacks; the caller applies the scope, the filters
 * and the words to the merged rows. null: the scope is wide (more than MAX_BRANCHES institutions, or half of them),
 * walk the whole index.
 */
export async function scopedWalk(tx: Tx, a: Audience, f: SearchFilters, window: number): Promise<RawBuilder<unknown> | null> {
  const paths = [...(a.consultations?.paths ?? []), ...(a.cases?.paths ?? [])];
  // The root's scope (one label: the whole network) needs no look-up to be called wide.
  if (paths.some((p) => !p.includes('.'))) return null;
  const r = (await sql<{ total: number; ids: string[] }>`
    SELECT (SELECT count(*) FROM institutions)::int AS total,
           ARRAY(SELECT id FROM institutions WHERE path <@ ANY(${sql.val(paths)}::ltree[]) LIMIT ${MAX_BRANCHES + 1})::text[] AS ids`.execute(tx)).rows[0]!;
  const ids = r.ids;
  // A scope of half the network or more keeps most of what the plain walk reads; merging its branches costs more
  // (the whole network of the benchmark: 3–4 ms more CPU per search with thirteen branches than without).
  if (ids.length > MAX_BRANCHES || ids.length * 2 > r.total) return null;
  const cols = sql`s.kind, s.ref_id, s.sort_at, s.boost, s.tsv, s.visibility, s.institution_path, s.ip_types, s.article_kind, s.year`;
  // A kind filter rules a whole branch out: a branch with no row to give would read its whole index at start-up.
  const branches: RawBuilder<unknown>[] = [];
  if (!f.kind || !KIND_OF_STAFF.has(f.kind)) {
    branches.push(sql`(SELECT ${cols} FROM search_entries s WHERE s.visibility = 'public' ORDER BY s.sort_at DESC)`);
  }
  if (!f.kind || KIND_OF_STAFF.has(f.kind)) {
    for (const id of ids) {
      branches.push(sql`(SELECT ${cols} FROM search_entries s WHERE s.visibility = 'staff' AND s.institution_id = ${id}::uuid ORDER BY s.sort_at DESC)`);
    }
  }
  if (branches.length === 0) return sql`(SELECT ${cols} FROM search_entries s WHERE false)`;
  // Each branch keeps its ORDER BY: without it the planner sorts every in-scope entry instead of merging.
  return sql`(SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) w ORDER BY w.sort_at DESC LIMIT ${window})`;
}
