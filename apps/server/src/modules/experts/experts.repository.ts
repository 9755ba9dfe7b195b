import { sql, type Selectable } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { ExpertsTable } from '../../platform/tables.ts';
import type { ListQuery } from './experts.schemas.ts';

export type ExpertRow = Selectable<ExpertsTable> & { institution_name: string };
type Q = DB | Tx;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

function base(db: Q, scope: Scope) {
  return db
    .selectFrom('experts as e')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .selectAll('e')
    .select('i.name as institution_name')
    .where(inScope(scope, 'e.institution_path'));
}

export async function listExperts(db: Q, scope: Scope, f: Omit<ListQuery, 'page' | 'pageSize'>, page: number, pageSize: number | null) {
  let q = base(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('e.name', 'ilike', like), eb('e.employer', 'ilike', like), eb('e.title', 'ilike', like)]));
  }
  const has = (col: string, v: string) => sql<boolean>`${v} = ANY(${sql.ref(col)})`;
  if (f.kind) q = q.where(has('e.kinds', f.kind));
  if (f.ipType) q = q.where(has('e.ip_types', f.ipType));
  if (f.industry) q = q.where(has('e.industries', f.industry));
  if (f.service) q = q.where(has('e.services', f.service));
  if (f.ipc) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(e.ipc) x WHERE x LIKE ${f.ipc + '%'} OR ${f.ipc} LIKE x || '%')`);
  if (f.region) q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM unnest(e.regions) r WHERE r LIKE ${f.region + '%'})`);
  if (f.availability) q = q.where('e.availability', '=', f.availability);
  q = q.where('e.status', '=', f.status ?? 'active');
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let rows = q.orderBy('e.name').orderBy('e.id');
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize);
  return { rows: (await rows.execute()) as ExpertRow[], total: total.n };
}

export async function getExpert(db: Q, scope: Scope, id: string): Promise<ExpertRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await base(db, scope).where('e.id', '=', id).executeTakeFirst()) as ExpertRow | undefined;
}

/** Open load per expert: invitations awaiting a reply or accepted on cases still open. */
export async function openLoads(db: Q, expertIds: readonly string[] | null): Promise<Map<string, number>> {
  let q = db
    .selectFrom('expert_invitations as v')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .select(['v.expert_id', sql<number>`count(*)::int`.as('n')])
    .where('v.status', 'in', ['pending', 'accepted'])
    .where('c.state', 'not in', ['concluded', 'archived', 'withdrawn', 'declined'])
    .groupBy('v.expert_id');
  if (expertIds) q = q.where('v.expert_id', 'in', expertIds.length ? [...expertIds] : ['00000000-0000-0000-0000-000000000000']);
  return new Map((await q.execute()).map((r) => [r.expert_id, r.n]));
}

/** The expert's cases: every invitation, newest first, with the case number and the rating given. */
export async function expertHistory(db: Q, expertId: string) {
  return db
    .selectFrom('expert_invitations as v')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .select(['v.id', 'v.case_id', 'c.case_number', 'c.state', 'c.summary', 'v.status', 'v.reason', 'v.invited_at', 'v.responded_at', 'v.rating', 'v.rating_note'])
    .where('v.expert_id', '=', expertId)
    .orderBy('v.invited_at', 'desc')
    .limit(100)
    .execute();
}

/** Change history: the audit trail of the expert record. */
export async function expertChanges(db: Q, expertId: string) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_name', 'action', 'detail'])
    .where('object_type', '=', 'expert')
    .where('object_id', '=', expertId)
    .orderBy('seq', 'desc')
    .limit(100)
    .execute();
}
