import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import type pg from 'pg';

/**
 * A logical dump without pg_dump (the embedded PostgreSQL ships none): one consistent snapshot, each table
 * as JSON lines (row_to_json, read through a cursor), plus every sequence's position. The schema itself is
 * not dumped: a restore first applies the same migrations, which the manifest records.
 */
export interface TableDump {
  rows: number;
  sha256: string;
}

export async function publicTables(client: pg.PoolClient): Promise<string[]> {
  const r = await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return r.rows.map((x) => x.t);
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Write every row of `table` to `file`; the caller holds the snapshot transaction. */
export async function dumpTable(client: pg.PoolClient, table: string, file: string): Promise<TableDump> {
  const out = fs.createWriteStream(file);
  const hash = crypto.createHash('sha256');
  let rows = 0;
  await client.query(`DECLARE dump_cur NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${ident(table)} x`);
  for (;;) {
    const batch = await client.query<{ j: string }>('FETCH 2000 FROM dump_cur');
    if (batch.rows.length === 0) break;
    const text = batch.rows.map((r) => r.j).join('\n') + '\n';
    hash.update(text);
    rows += batch.rows.length;
    if (!out.write(text)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await client.query('CLOSE dump_cur');
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return { rows, sha256: hash.digest('hex') };
}

export async function dumpSequences(client: pg.PoolClient): Promise<Record<string, { value: string; called: boolean }>> {
  const seqs = await client.query<{ s: string }>(`SELECT sequencename AS s FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, { value: string; called: boolean }> = {};
  for (const { s } of seqs.rows) {
    const r = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${ident(s)}`);
    out[s] = { value: String(r.rows[0].last_value), called: r.rows[0].is_called };
  }
  return out;
}

/** Columns a row can be inserted with: generated columns are computed again by the database. */
async function insertableColumns(client: pg.PoolClient, table: string): Promise<string[]> {
  const r = await client.query<{ c: string }>(
    `SELECT attname AS c FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${ident(table)}`],
  );
  return r.rows.map((x) => x.c);
}

/**
 * Load one table's JSON lines. The caller runs with session_replication_role = replica, so the audit
 * chain trigger keeps the stored seq and hashes and foreign keys are checked by the source, not re-checked.
 */
export async function loadTable(client: pg.PoolClient, table: string, file: string): Promise<number> {
  const cols = (await insertableColumns(client, table)).map(ident).join(', ');
  const sql = `INSERT INTO ${ident(table)} (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`;
  let batch: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (!batch.length) return;
    await client.query(sql, [`[${batch.join(',')}]`]);
    rows += batch.length;
    batch = [];
  };
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return rows;
}

export async function loadSequences(client: pg.PoolClient, seqs: Record<string, { value: string; called: boolean }>): Promise<void> {
  for (const [s, v] of Object.entries(seqs)) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [`public.${ident(s)}`, v.value, v.called]);
}
