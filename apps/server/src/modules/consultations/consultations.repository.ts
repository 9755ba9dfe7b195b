import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { inScope, scopeFor } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { ConsultationFilters } from './consultations.schemas.ts';

export interface ListRow {
  id: string;
  channel: string;
  asker_kind: string;
  enterprise_size: string | null;
  region_code: string | null;
  region_name: string | null;
  ip_type: string | null;
  topic: string;
  question: string;
  answer: string | null;
  status: 'open' | 'answered';
  minutes_spent: number | null;
  asker_name: string | null;
  asker_contact_masked: string | null;
  online: boolean;
  institution_id: string;
  institution_name: string;
  staff_name: string | null;
  case_id: string | null;
  case_number: string | null;
  asked_at: Date;
  answered_at: Date | null;
}

/** Dates are China Standard Time days. */
const cstDayStart = (d: string) => `${d}T00:00:00+08:00`;

/** Consultations in the actor's consultation.read scope, newest first (open ones oldest first: a queue). */
export async function listConsultations(db: DB, actor: Actor, f: ConsultationFilters, page: number, pageSize: number) {
  let q = db
    .selectFrom('consultations as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('users as s', 's.id', 'c.staff_id')
    .leftJoin('regions as r', 'r.code', 'c.region_code')
    .leftJoin('cases as k', 'k.id', 'c.case_id')
    .where(inScope(scopeFor(actor, 'consultation.read'), 'c.institution_path'));
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.topic) q = q.where('c.topic', '=', f.topic);
  if (f.ipType) q = q.where('c.ip_type', '=', f.ipType);
  if (f.institution) {
    const inst = f.institution;
    q = q.where(sql<boolean>`c.institution_path <@ (SELECT path FROM institutions WHERE id = ${inst})`);
  }
  if (f.from) q = q.where('c.asked_at', '>=', new Date(cstDayStart(f.from)));
  if (f.to) q = q.where('c.asked_at', '<', sql<Date>`${cstDayStart(f.to)}::timestamptz + interval '1 day'`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('c.question', 'ilike', like), eb('c.answer', 'ilike', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'c.id', 'c.channel', 'c.asker_kind', 'c.enterprise_size', 'c.region_code', 'r.name as region_name', 'c.ip_type', 'c.topic',
      'c.question', 'c.answer', 'c.status', 'c.minutes_spent', 'c.asker_name', 'c.asker_contact_masked', 'c.institution_id',
      'i.name as institution_name', 's.display_name as staff_name', 'c.case_id', 'k.case_number', 'c.asked_at', 'c.answered_at',
      sql<boolean>`c.asker_user_id IS NOT NULL`.as('online'),
    ])
    .orderBy(sql`CASE WHEN ${f.status === 'open'} THEN c.asked_at END`, 'asc')
    .orderBy('c.asked_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows as ListRow[], total: Number(total.n) };
}

export async function threadOf(db: DB, consultationId: string) {
  return db
    .selectFrom('consultation_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 'u.display_name as author_name'])
    .where('m.consultation_id', '=', consultationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}
