import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';
import type { CaseEventsTable, CasePartiesTable, CasesTable } from '../../platform/tables.ts';

/** SQL of one case: the row, its parties, its events. Lists live in cases.queue.ts. */
type Q = DB | Tx;
export type CaseRow = Selectable<CasesTable>;
export type PartyRow = Selectable<CasePartiesTable>;
export type EventRow = Selectable<CaseEventsTable>;

/** ltree columns come back as text (pg has no parser for the extension's type). */
const caseColumns = (db: Q) => db.selectFrom('cases').selectAll();

export async function findCase(db: Q, id: string): Promise<CaseRow | undefined> {
  if (!isUuid(id)) return undefined;
  return caseColumns(db).where('id', '=', id).executeTakeFirst();
}

/** The case with the names the case page shows (institution, transfer target, handler), in one statement. */
export async function findCaseWithNames(db: Q, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('cases as c').selectAll('c')
    .select([
      sql<string | null>`(SELECT name FROM institutions WHERE id = c.institution_id)`.as('institution_name'),
      sql<string | null>`(SELECT name FROM institutions WHERE id = c.transfer_to_id)`.as('transfer_to_name'),
      sql<string | null>`(SELECT display_name FROM users WHERE id = c.handler_id)`.as('handler_name'),
    ])
    .where('c.id', '=', id).executeTakeFirst();
}

/** The row locked for the rest of the transaction: the one place concurrent writers queue up. */
export async function lockCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  if (!isUuid(id)) return undefined;
  return caseColumns(tx).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertCase(tx: Tx, v: Insertable<CasesTable>): Promise<string> {
  const r = await tx.insertInto('cases').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCase(tx: Tx, id: string, set: Updateable<CasesTable>): Promise<void> {
  await tx.updateTable('cases').set(set).where('id', '=', id).execute();
}

export async function insertParties(tx: Tx, rows: Insertable<CasePartiesTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('case_parties').values(rows).execute();
}

export async function partiesOf(db: Q, caseId: string): Promise<PartyRow[]> {
  return db.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).orderBy('position').orderBy('created_at').execute();
}

/** Append an event with the next number of the case (the case row is locked by the caller). */
export async function appendEvent(tx: Tx, e: Omit<Insertable<CaseEventsTable>, 'seq'>): Promise<number> {
  const r = await tx
    .insertInto('case_events')
    .values({ ...e, seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM case_events WHERE case_id = ${e.case_id})` })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return r.seq;
}

export async function eventsOf(db: Q, caseId: string): Promise<EventRow[]> {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function institutionBrief(db: Q, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('institutions')
    .select(['id', 'name', 'status', 'case_code', 'region_code', sql<string>`path::text`.as('path')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function namesOf(db: Q, table: 'users' | 'institutions', ids: (string | null)[]): Promise<Map<string, string>> {
  const want = [...new Set(ids.filter((x): x is string => x !== null))];
  if (want.length === 0) return new Map();
  const rows =
    table === 'users'
      ? await db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', want).execute()
      : await db.selectFrom('institutions').select(['id', 'name']).where('id', 'in', want).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Link attachments to the case (the attachment rows themselves are claimed by storage's attach()). */
export async function linkAttachments(tx: Tx, caseId: string, ids: readonly string[], purpose: 'evidence' | 'supplement' | 'document', by: string | null) {
  if (ids.length === 0) return;
  await tx.insertInto('case_attachments').values([...new Set(ids)].map((a) => ({ case_id: caseId, attachment_id: a, purpose, added_by: by }))).execute();
}

/** Attachments of a case follow it to another institution (acceptTransfer). */
export async function moveAttachments(tx: Tx, caseId: string, path: string): Promise<void> {
  await sql`UPDATE attachments SET institution_path = ${path}::ltree WHERE owner_type = 'case' AND owner_id = ${caseId}`.execute(tx);
}

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
