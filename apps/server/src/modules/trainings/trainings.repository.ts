import { sql, type Selectable } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { TrainingsTable } from '../../platform/tables.ts';
import type { TrainingListQuery } from './trainings.schemas.ts';

export type TrainingRow = Selectable<TrainingsTable> & { institution_name: string };
type Q = DB | Tx;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

function base(db: Q) {
  return db.selectFrom('trainings as t').innerJoin('institutions as i', 'i.id', 't.institution_id').selectAll('t').select('i.name as institution_name');
}

export async function listTrainings(db: Q, scope: Scope, f: Omit<TrainingListQuery, 'page' | 'pageSize'>, page: number, pageSize: number | null) {
  let q = base(db).where(inScope(scope, 't.institution_path'));
  if (f.q) q = q.where('t.title', 'ilike', `%${f.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.topic) q = q.where(sql<boolean>`${f.topic} = ANY(t.topics)`);
  if (f.year) q = q.where(sql<boolean>`extract(year FROM t.starts_at AT TIME ZONE 'Asia/Shanghai') = ${f.year}`);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let rows = q.orderBy('t.starts_at', 'desc').orderBy('t.id');
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize);
  return { rows: (await rows.execute()) as TrainingRow[], total: total.n };
}

export async function getTraining(db: Q, scope: Scope, id: string): Promise<TrainingRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await base(db).where(inScope(scope, 't.institution_path')).where('t.id', '=', id).executeTakeFirst()) as TrainingRow | undefined;
}

/** Visible on the portal: anything published, held or closed. */
export async function getPublicTraining(db: Q, id: string): Promise<TrainingRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await base(db).where('t.state', '<>', 'draft').where('t.id', '=', id).executeTakeFirst()) as TrainingRow | undefined;
}

export async function listPublicTrainings(db: Q, page: number, pageSize: number, upcomingFrom: Date | null) {
  let q = base(db).where('t.state', '<>', 'draft');
  if (upcomingFrom) q = q.where('t.ends_at', '>=', upcomingFrom);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('t.starts_at', upcomingFrom ? 'asc' : 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows: rows as TrainingRow[], total: total.n };
}

export interface Attendance { confirmed: number; waitlisted: number; cancelled: number; checkedIn: number }

export async function attendanceOf(db: Q, ids: readonly string[]): Promise<Map<string, Attendance>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_registrations')
    .select([
      'training_id',
      sql<number>`count(*) FILTER (WHERE status = 'confirmed')::int`.as('confirmed'),
      sql<number>`count(*) FILTER (WHERE status = 'waitlisted')::int`.as('waitlisted'),
      sql<number>`count(*) FILTER (WHERE status = 'cancelled')::int`.as('cancelled'),
      sql<number>`count(*) FILTER (WHERE status = 'confirmed' AND checked_in_at IS NOT NULL)::int`.as('checkedIn'),
    ])
    .where('training_id', 'in', [...ids])
    .groupBy('training_id')
    .execute();
  return new Map(rows.map((r) => [r.training_id, { confirmed: r.confirmed, waitlisted: r.waitlisted, cancelled: r.cancelled, checkedIn: r.checkedIn }]));
}

export async function speakersOf(db: Q, id: string) {
  return db
    .selectFrom('training_speakers as s')
    .innerJoin('experts as e', 'e.id', 's.expert_id')
    .select(['e.id', 'e.name', 'e.title', 'e.employer'])
    .where('s.training_id', '=', id)
    .orderBy('s.position')
    .execute();
}

export async function registrationsOf(db: Q, id: string) {
  return db
    .selectFrom('training_registrations')
    .select(['id', 'name', 'phone_masked', 'organisation', 'code', 'status', 'checked_in_at', 'checked_in_via', 'created_at'])
    .where('training_id', '=', id)
    .orderBy(sql`CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`)
    .orderBy('created_at')
    .execute();
}

export async function feedbackOf(db: Q, id: string) {
  const rows = await db.selectFrom('training_feedback').select(['score', 'comment', 'created_at']).where('training_id', '=', id).orderBy('created_at', 'desc').execute();
  const average = rows.length ? Math.round((rows.reduce((s, r) => s + r.score, 0) / rows.length) * 10) / 10 : null;
  return { count: rows.length, average, comments: rows.filter((r) => r.comment).slice(0, 50).map((r) => ({ score: r.score, comment: r.comment!, at: r.created_at.toISOString() })) };
}

export async function materialsOf(db: Q, id: string) {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'original_name', 'media_type', 'size_bytes'])
    .where('owner_type', '=', 'training')
    .where('owner_id', '=', id)
    .where('status', '=', 'attached')
    .orderBy('attached_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.original_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes) }));
}
