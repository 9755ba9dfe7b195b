import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

// int8 and numeric come back as strings by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export type DB = Kysely<Database>;
export type Tx = Transaction<Database>;

export function createDb(url: string, max = 10): { db: DB; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'yuanzhi' });
  pool.on('error', () => {
    /* a broken idle connection is replaced on the next checkout */
  });
  // A connection that breaks while checked out but between queries (inside a transaction, say) emits 'error' on
  // the client, where pg-pool listens only while it is idle: unheard, that killed the process when PostgreSQL
  // died (crash drill 1b). The query in flight, if any, still fails and the pool drops the broken connection.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
