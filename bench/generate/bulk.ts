import { sql, type Kysely } from 'kysely';
import type { Database } from '../../apps/server/src/platform/tables.ts';

/** One pinned connection: the session settings below hold for every statement of the run. */
export type Conn = Kysely<Database>;

/**
 * A bulk load's session: no per-row trigger or foreign-key check (session_replication_role = replica; the generator
 * writes consistent rows, and the test checks the joins), no wait for the WAL flush, memory for sorts and index builds.
 */
export async function bulkSession(conn: Conn): Promise<void> {
  await sql`SET session_replication_role = replica`.execute(conn);
  await sql`SET synchronous_commit = off`.execute(conn);
  await sql`SET work_mem = '64MB'`.execute(conn);
  // Temporary tables (gen_case, gen_doc …) live in the session's own buffers: before the first one is touched.
  await sql`SET temp_buffers = '256MB'`.execute(conn);
  await sql`SET maintenance_work_mem = '256MB'`.execute(conn);
  await sql`SET max_parallel_maintenance_workers = 1`.execute(conn);
}

export async function endBulkSession(conn: Conn): Promise<void> {
  await sql`RESET session_replication_role`.execute(conn);
  await sql`RESET synchronous_commit`.execute(conn);
}

interface IndexDef { name: string; def: string }

/**
 * Drops the secondary indexes of the tables (not those behind a primary key or unique constraint) and returns their
 * definitions: the load then appends to heaps, and each index is built once, sorted, afterwards. The definitions are
 * kept in gen_index_defs until createIndexes has run, so a run that failed half-way gives them back on the next one.
 */
export async function dropSecondaryIndexes(conn: Conn, tables: readonly string[]): Promise<IndexDef[]> {
  await sql`CREATE TABLE IF NOT EXISTS gen_index_defs (name text PRIMARY KEY, def text NOT NULL)`.execute(conn);
  const r = await sql<IndexDef>`
    SELECT ci.relname AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class ct ON ct.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = ct.relnamespace
    WHERE n.nspname = current_schema() AND ct.relname = ANY(${sql.val([...tables])}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY ci.relname`.execute(conn);
  for (const ix of r.rows) {
    await sql`INSERT INTO gen_index_defs (name, def) VALUES (${ix.name}, ${ix.def}) ON CONFLICT (name) DO NOTHING`.execute(conn);
    await sql`DROP INDEX ${sql.id(ix.name)}`.execute(conn);
  }
  return (await sql<IndexDef>`SELECT name, def FROM gen_index_defs ORDER BY name`.execute(conn)).rows;
}

/** Builds the dropped indexes (those a failed run left built are skipped). */
export async function createIndexes(conn: Conn, defs: readonly IndexDef[]): Promise<void> {
  for (const ix of defs) await sql.raw(ix.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')).execute(conn);
}

export async function forgetIndexes(conn: Conn): Promise<void> {
  await sql`DROP TABLE IF EXISTS gen_index_defs`.execute(conn);
}

/**
 * Rows built in Node (institutions, accounts, the encrypted personal data) inserted column-wise with unnest, 5,000
 * rows a statement. `types` are the PostgreSQL array types of the columns, in order.
 */
export async function insertColumns(
  conn: Conn, table: string, columns: Record<string, readonly unknown[]>, types: Record<string, string>,
): Promise<void> {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const CHUNK = 5000;
  for (let at = 0; at < n; at += CHUNK) {
    const args = names.map((c) => sql`${sql.val(columns[c]!.slice(at, at + CHUNK))}::${sql.raw(types[c]!)}`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((c) => sql.id(c)))})
      SELECT * FROM unnest(${sql.join(args)})`.execute(conn);
  }
}

export async function count(conn: Conn, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(conn);
  return r.rows[0]!.n;
}
