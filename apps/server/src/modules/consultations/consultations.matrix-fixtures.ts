import type { DB } from '../../platform/db.ts';

type Rel = 'own' | 'descendant' | 'ancestor' | 'sibling';

/** One answered consultation at each of the access matrix's institutions (authz/access-matrix.fixtures.ts). */
export async function matrixConsultations(db: DB, institution: Record<Rel, string>): Promise<Record<Rel, string>> {
  const out = {} as Record<Rel, string>;
  for (const rel of Object.keys(institution) as Rel[]) {
    const inst = await db.selectFrom('institutions').select(['id', (eb) => eb.cast<string>('path', 'text').as('path')])
      .where('id', '=', institution[rel]).executeTakeFirstOrThrow();
    const now = new Date();
    const row = await db.insertInto('consultations').values({
      institution_id: inst.id, institution_path: inst.path, channel: 'hotline', asker_kind: 'unknown', enterprise_size: null, region_code: null,
      ip_type: 'trademark', topic: 'laws', question: `矩阵咨询问题${rel}`, answer: '矩阵答复', status: 'answered', minutes_spent: 3,
      asker_name: null, asker_contact_enc: null, asker_contact_masked: null, asker_user_id: null, staff_id: null, case_id: null,
      asked_at: now, answered_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    out[rel] = row.id;
  }
  return out;
}
