import { sql } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { ProjectListQuery } from './analysis.schemas.ts';

type Q = DB | Tx;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);
const d = (col: string) => sql<string>`${sql.ref(col)}::text`;

function base(db: Q, scope: Scope) {
  return db
    .selectFrom('analysis_projects as p')
    .innerJoin('institutions as i', 'i.id', 'p.institution_id')
    .select([
      'p.id', 'p.institution_id', 'i.name as institution_name', sql<string>`p.institution_path::text`.as('institution_path'), 'p.title',
      'p.commissioner_kind', 'p.commissioner', 'p.subject_kind', 'p.subject', 'p.country', 'p.kind', 'p.purpose', 'p.staff_ids', 'p.expert_ids',
      'p.partner_agency', 'p.status', d('p.starts_on').as('starts_on'), sql<string | null>`p.due_on::text`.as('due_on'), 'p.version', 'p.updated_at',
      sql<number>`(SELECT coalesce(max(r.version), 0)::int FROM analysis_reports r WHERE r.project_id = p.id)`.as('report_version'),
    ])
    .where(inScope(scope, 'p.institution_path'));
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function listProjects(db: Q, scope: Scope, f: ProjectListQuery) {
  let q = base(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('p.title', 'ilike', like), eb('p.commissioner', 'ilike', like), eb('p.subject', 'ilike', like)]));
  }
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.purpose) q = q.where('p.purpose', '=', f.purpose);
  if (f.status) q = q.where('p.status', '=', f.status);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('p.starts_on', 'desc').orderBy('p.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: total.n };
}

export async function getProject(db: Q, scope: Scope, id: string): Promise<ProjectRow | undefined> {
  if (!isUuid(id)) return undefined;
  return base(db, scope).where('p.id', '=', id).executeTakeFirst();
}

export const milestonesOf = (db: Q, id: string) =>
  db.selectFrom('analysis_milestones').select(['id', 'title', d('due_on').as('due_on'), sql<string | null>`done_on::text`.as('done_on')])
    .where('project_id', '=', id).orderBy('due_on').execute();

export const reportsOf = (db: Q, id: string) =>
  db.selectFrom('analysis_reports as r')
    .innerJoin('attachments as a', 'a.id', 'r.attachment_id')
    .leftJoin('users as u', 'u.id', 'r.uploaded_by')
    .select(['r.id', 'r.version', 'r.note', 'r.uploaded_at', 'a.original_name', 'a.size_bytes', 'u.display_name as uploaded_by'])
    .where('r.project_id', '=', id).orderBy('r.version', 'desc').execute();

/** Names of the team: staff accounts and experts. */
export async function teamNames(db: Q, staffIds: string[], expertIds: string[]) {
  const [staff, experts] = await Promise.all([
    staffIds.length ? db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', staffIds).execute() : [],
    expertIds.length ? db.selectFrom('experts').select(['id', 'name']).where('id', 'in', expertIds).execute() : [],
  ]);
  return { staff, experts };
}
