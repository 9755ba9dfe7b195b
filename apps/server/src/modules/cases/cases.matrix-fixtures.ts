import type { Relation } from '../../authz/access-matrix.fixtures.ts';
import type { DB } from '../../platform/db.ts';

/**
 * Cases for the access matrix (authz/access-matrix.*): one submitted case per relation's institution,
 * with an applicant party and an open task. Plain inserts are enough here: the matrix checks access,
 * not the workflow (the workflow tests go through transitionCase).
 */
export interface MatrixCase {
  id: string;
  partyId: string;
  taskId: string;
  /** An open follow-up visit (回访) of the case. */
  followUpId: string;
}

export async function matrixCases(db: DB, institution: Record<Relation, string>): Promise<Record<Relation, MatrixCase>> {
  const out = {} as Record<Relation, MatrixCase>;
  let n = 0;
  for (const [rel, instId] of Object.entries(institution) as [Relation, string][]) {
    const inst = await db.selectFrom('institutions').select((eb) => eb.cast<string>('path', 'text').as('path')).where('id', '=', instId).executeTakeFirstOrThrow();
    const c = await db
      .insertInto('cases')
      .values({
        case_number: `MX-2026-${String(++n).padStart(6, '0')}`, institution_id: instId, institution_path: inst.path, transfer_to_id: null,
        transfer_to_path: null, state: 'submitted', channel: 'hotline', applicant_user_id: null, handler_id: null, suspended_from: null,
        supplement_from: null, transferred_from: null, referred_from: null, referral_body: null, applicant_kind: 'natural_person',
        enterprise_size: null, ip_type: 'trademark', ip_number: null, country: null, field: null, region_code: null, result: null,
        submitted_at: new Date(), accepted_at: null, concluded_at: null, archived_at: null, created_by: null,
        created_at: new Date(), updated_at: new Date(), services: ['consultation'], summary: `矩阵案件 ${rel}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const p = await db
      .insertInto('case_parties')
      .values({
        case_id: c.id, role: 'applicant', kind: 'natural_person', name: '矩阵申请人', credit_code: null, id_number_enc: null,
        id_number_masked: null, phone_enc: null, phone_hmac: null, phone_masked: null, email: null, address_enc: null,
        address_masked: null, enterprise_size: null, country: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await db
      .insertInto('case_notes')
      .values({ case_id: c.id, kind: 'task', body: '矩阵任务', due_on: null, done_at: null, contact_method: null, contacted_at: null, author_id: null, author_name: '矩阵', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const followUp = await db.insertInto('case_follow_ups').values({ case_id: c.id, due_on: '2026-12-31' }).returning('id').executeTakeFirstOrThrow();
    out[rel] = { id: c.id, partyId: p.id, taskId: task.id, followUpId: followUp.id };
  }
  return out;
}
