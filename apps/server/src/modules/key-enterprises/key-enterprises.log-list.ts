import type { Q } from '../registries/registry.def.ts';
import { ymd } from '../registries/fields.ts';

/** The log of contacts made and services given to a key enterprise: newest first, written by the liaison or any staff with the right. */
export async function enterpriseLogs(db: Q, enterpriseId: string) {
  const rows = await db.selectFrom('key_enterprise_logs').selectAll().where('enterprise_id', '=', enterpriseId)
    .orderBy('happened_on', 'desc').orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((l) => ({ id: l.id, kind: l.kind, happenedOn: ymd(l.happened_on), summary: l.summary, service: l.service, by: l.created_by_name, at: l.created_at.toISOString() }));
}

