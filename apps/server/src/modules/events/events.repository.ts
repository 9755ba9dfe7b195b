import { sql } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { EventListQuery } from './events.schemas.ts';

type Q = DB | Tx;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);
const d = (col: string) => sql<string>`${sql.ref(col)}::text`;

export interface EventRow {
  id: string; institution_id: string; institution_name: string; institution_path: string; name: string; kind: string; venue: string;
  starts_on: string; ends_on: string; organiser: string; expected_exhibitors: number | null; pre_training: string | null; notes: string | null;
  version: number; created_at: Date; updated_at: Date;
  complaints: number;
}

function base(db: Q, scope: Scope) {
  return db
    .selectFrom('onsite_events as e')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .select([
      'e.id', 'e.institution_id', 'i.name as institution_name', sql<string>`e.institution_path::text`.as('institution_path'), 'e.name', 'e.kind',
      'e.venue', d('e.starts_on').as('starts_on'), d('e.ends_on').as('ends_on'), 'e.organiser', 'e.expected_exhibitors', 'e.pre_training',
      'e.notes', 'e.version', 'e.created_at', 'e.updated_at',
      sql<number>`(SELECT count(*)::int FROM onsite_complaints c WHERE c.event_id = e.id)`.as('complaints'),
    ])
    .where(inScope(scope, 'e.institution_path'));
}

export async function listEvents(db: Q, scope: Scope, f: EventListQuery) {
  let q = base(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('e.name', 'ilike', like), eb('e.venue', 'ilike', like), eb('e.organiser', 'ilike', like)]));
  }
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.from) q = q.where(sql<boolean>`e.ends_on >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`e.starts_on <= ${f.to}::date`);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('e.starts_on', 'desc').orderBy('e.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows: rows as EventRow[], total: total.n };
}

export async function getEvent(db: Q, scope: Scope, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await base(db, scope).where('e.id', '=', id).executeTakeFirst()) as EventRow | undefined;
}

/** The roster with the name of each institution, staff member or expert on duty. */
export async function rosterOf(db: Q, eventId: string) {
  return db
    .selectFrom('onsite_roster as r')
    .leftJoin('institutions as i', (j) => j.onRef('i.id', '=', 'r.ref_id').on('r.kind', '=', 'institution'))
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'r.ref_id').on('r.kind', '=', 'staff'))
    .leftJoin('experts as x', (j) => j.onRef('x.id', '=', 'r.ref_id').on('r.kind', '=', 'expert'))
    .select(['r.id', d('r.on_date').as('on_date'), 'r.kind', 'r.ref_id', 'r.duty', sql<string>`coalesce(i.name, u.display_name, x.name, '—')`.as('name')])
    .where('r.event_id', '=', eventId)
    .orderBy('r.on_date')
    .orderBy('r.kind')
    .orderBy('r.created_at')
    .execute();
}

export async function commitmentsOf(db: Q, eventId: string) {
  return db
    .selectFrom('onsite_commitments as c')
    .leftJoin('attachments as a', 'a.id', 'c.attachment_id')
    .select(['c.id', 'c.exhibitor', 'c.booth', 'c.method', 'c.signer_name', 'c.agreed', 'c.signed_at', 'c.attachment_id', 'a.original_name'])
    .where('c.event_id', '=', eventId)
    .orderBy('c.signed_at')
    .orderBy('c.id')
    .execute();
}

export async function screeningsOf(db: Q, eventId: string) {
  return db
    .selectFrom('onsite_screenings')
    .select(['id', d('screened_on').as('screened_on'), 'scope', 'findings', 'conclusion', 'created_at'])
    .where('event_id', '=', eventId)
    .orderBy('screened_on')
    .execute();
}

export async function consultationsOf(db: Q, eventId: string) {
  return db
    .selectFrom('onsite_consultations')
    .select(['id', d('on_date').as('on_date'), 'topic', 'count'])
    .where('event_id', '=', eventId)
    .orderBy('on_date')
    .orderBy('created_at')
    .execute();
}

/** The complaints of an event with their cases' number, state, track and same-day deadline. */
export async function complaintsOf(db: Q, eventId: string) {
  return db
    .selectFrom('onsite_complaints as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .select([
      'o.id', 'o.case_id', 'c.case_number', 'c.state', 'c.track', 'o.booth', 'o.respondent', 'o.ip_type', 'o.ip_number', d('o.taken_on').as('taken_on'),
      'o.notified_at', 'o.notice_method', 'o.notice_note', 'o.outcome', 'o.outcome_note', 'o.outcome_at', 'o.created_at',
      sql<string | null>`(SELECT min(dl.due)::text FROM case_deadlines dl WHERE dl.case_id = c.id AND dl.status <> 'met')`.as('due'),
      sql<string>`(SELECT p.name FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant' LIMIT 1)`.as('complainant'),
    ])
    .where('o.event_id', '=', eventId)
    .orderBy('o.created_at')
    .execute();
}
export type ComplaintRow = Awaited<ReturnType<typeof complaintsOf>>[number];
