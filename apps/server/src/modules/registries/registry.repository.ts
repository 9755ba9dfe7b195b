import { sql, type Kysely } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { Q, RegistryDef, Row, Values } from './registry.def.ts';

/** SQL of the shared registry engine; every list and read takes a Scope. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

function base(db: Q, def: RegistryDef, scope: Scope) {
  const q = (db as unknown as Kysely<any>)
    .selectFrom(`${def.table} as r`)
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .selectAll('r')
    .select('i.name as institution_name')
    .where(inScope(scope, 'r.institution_path'));
  return def.extend ? def.extend(q) : q;
}

export const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

export async function listRows(db: Q, def: RegistryDef, scope: Scope, f: Values, page: number, pageSize: number | null, actorId?: string) {
  let q = base(db, def, scope);
  if (f.q) {
    const like = likeOf(f.q);
    q = q.where((eb) => eb.or(def.search.map((c) => eb(`r.${c}`, 'ilike', like))));
  }
  if (f.institutionId && isUuid(f.institutionId)) {
    q = q.where(sql<boolean>`r.institution_path <@ (SELECT path FROM institutions WHERE id = ${f.institutionId})`);
  }
  q = def.filter(q, { ...f, actorId });
  q = q.where('r.status', '=', f.status ?? def.defaultStatus);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  let rows = q.orderBy(`r.${def.orderBy}`).orderBy('r.id');
  if (pageSize !== null) rows = rows.limit(pageSize).offset((page - 1) * pageSize);
  return { rows: (await rows.execute()) as Row[], total: (total as { n: number }).n };
}

export async function getRow(db: Q, def: RegistryDef, scope: Scope, id: string): Promise<Row | undefined> {
  if (!isUuid(id)) return undefined;
  return (await base(db, def, scope).where('r.id', '=', id).executeTakeFirst()) as Row | undefined;
}

/** Change history: the audit trail of the record (who, when, which fields, before → after). */
export async function recordChanges(db: Q, def: RegistryDef, id: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_name', 'action', 'detail'])
    .where('object_type', '=', def.name)
    .where('object_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(100)
    .execute();
  return rows.map((c) => ({ seq: Number(c.seq), at: c.at.toISOString(), by: c.actor_name, action: c.action, detail: c.detail }));
}
