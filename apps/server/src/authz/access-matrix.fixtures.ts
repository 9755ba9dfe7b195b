import type { DB } from '../platform/db.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { DEMO_PASSWORD } from '../demo/network.ts';
import { roles, type Role } from './roles.ts';
import { matrixCases, type MatrixCase } from '../modules/cases/cases.matrix-fixtures.ts';
import { matrixArticles } from '../modules/articles/articles.matrix-fixtures.ts';
import { matrixConsultations } from '../modules/consultations/consultations.matrix-fixtures.ts';
import { matrixTrainings } from '../modules/trainings/trainings.matrix-fixtures.ts';

/** Where a record sits relative to the caller's own institution. */
export const relations = ['own', 'descendant', 'ancestor', 'sibling'] as const;
export type Relation = (typeof relations)[number];

/** The matrix's institutions, by demo name: the caller's home is 武汉市中心. */
export const relationInstitutions: Record<Relation, string> = {
  own: '武汉市知识产权维权援助中心',
  descendant: '武汉市洪山区知识产权维权援助受理处',
  ancestor: '湖北省知识产权维权援助中心',
  sibling: '宜昌市知识产权维权援助中心',
};

export interface MatrixWorld {
  institution: Record<Relation, string>;
  /** A staff user holding a role only at the relation's institution, and that role's assignment id. */
  user: Record<Relation, { id: string; assignmentId: string }>;
  /** One caller per role, all at the home institution. */
  callers: Record<Role, string>;
  /** A submitted case at the relation's institution, with its applicant party and one note. */
  case: Record<Relation, MatrixCase>;
  /** A draft article published by the relation's institution. */
  article: Record<Relation, string>;
  /** An answered consultation at the relation's institution. */
  consultation: Record<Relation, string>;
  /** A published training and a draft risk alert at the relation's institution. */
  training: Record<Relation, string>;
  alert: Record<Relation, string>;
}

async function makeUser(db: DB, username: string, role: string, institutionId: string, hash: string) {
  const u = await db
    .insertInto('users')
    .values({
      kind: role === 'expert' ? 'expert' : role === 'volunteer' ? 'volunteer' : 'staff',
      username, display_name: username, email: `${username}@matrix.test`, password_hash: hash,
      phone_enc: null, phone_hmac: null, phone_masked: null, party_kind: null, org_name: null, credit_code: null,
      totp_secret_enc: null, locked_until: null, last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const a = await db.insertInto('role_assignments').values({ user_id: u.id, role, institution_id: institutionId }).returning('id').executeTakeFirstOrThrow();
  return { id: u.id, assignmentId: a.id };
}

export async function buildWorld(db: DB): Promise<MatrixWorld> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const institution = {} as Record<Relation, string>;
  for (const r of relations) {
    const row = await db.selectFrom('institutions').select('id').where('name', '=', relationInstitutions[r]).executeTakeFirstOrThrow();
    institution[r] = row.id;
  }
  const user = {} as MatrixWorld['user'];
  for (const r of relations) user[r] = await makeUser(db, `m_target_${r}`, 'case_handler', institution[r], hash);
  const callers = {} as Record<Role, string>;
  for (const role of roles) {
    const name = `m_${role}`;
    await makeUser(db, name, role, institution.own, hash);
    callers[role] = name;
  }
  const cases = await matrixCases(db, institution);
  // The expert caller is attached by hand to the own and descendant cases: they read those, and get 404 elsewhere.
  const expert = await db.selectFrom('users').select('id').where('username', '=', callers.expert).executeTakeFirstOrThrow();
  await db.insertInto('case_experts').values((['own', 'descendant'] as const).map((r) => ({ case_id: cases[r].id, user_id: expert.id, invited_by: null, opinion: null, opinion_at: null }))).execute();
  return {
    institution, user, callers, case: cases,
    article: await matrixArticles(db, institution),
    consultation: await matrixConsultations(db, institution),
    ...(await matrixTrainings(db, institution)),
  };
}
