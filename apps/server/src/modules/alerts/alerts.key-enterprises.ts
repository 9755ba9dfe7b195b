import { alertConcernsEnterprise } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { AlertRow } from './alerts.service.ts';

/**
 * A published alert reaches the key enterprises it concerns (重点企业名录, in the publishing institution's subtree)
 * through their liaison officers: each officer gets one in-app notice naming the enterprises to pass it on to, and
 * each enterprise's log gets a service entry. Enterprises are not platform users; the officer is how they are reached.
 */
export async function deliverToKeyEnterprises(deps: Pick<Deps, 'jobs' | 'clock'>, tx: Tx, a: AlertRow, actor: { userId: string; name: string }): Promise<number> {
  const all = await tx.selectFrom('key_enterprises').select(['id', 'name', 'industry', 'tags', 'liaison_user_id'])
    .where('status', '=', 'active').where(sql<boolean>`institution_path <@ ${a.institution_path}::ltree`).execute();
  const hit = all.filter((e) => alertConcernsEnterprise(e, a));
  if (hit.length === 0) return 0;
  const today = deps.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await tx.insertInto('key_enterprise_logs').values(hit.map((e) => ({
    enterprise_id: e.id, kind: 'service', happened_on: today, service: 'risk_alert', summary: `推送风险预警《${a.title}》`.slice(0, 1000),
    created_by: actor.userId, created_by_name: actor.name,
  }))).execute();
  const byLiaison = new Map<string, typeof hit>();
  for (const e of hit) if (e.liaison_user_id) byLiaison.set(e.liaison_user_id, [...(byLiaison.get(e.liaison_user_id) ?? []), e]);
  const noticeOf = new Map<string, string>();
  for (const [userId, list] of byLiaison) {
    const names = list.map((e) => e.name).join('、');
    const [id] = await notify(deps, tx, {
      userIds: [userId], kind: 'risk_alert', email: false, link: '/console/alerts',
      title: { zh: `请向联系企业转达风险预警：${a.title}`, en: `Pass a risk alert on to your enterprises: ${a.title}` },
      body: { zh: `${a.institution_name}发布的风险预警涉及您联系的重点企业：${names}。`, en: `A risk alert concerns ${list.length} key enterprise(s) you are the liaison officer of.` },
    });
    if (id) noticeOf.set(userId, id);
  }
  await tx.insertInto('risk_alert_enterprises').values(hit.map((e) => ({
    alert_id: a.id, enterprise_id: e.id, liaison_user_id: e.liaison_user_id, notification_id: e.liaison_user_id ? noticeOf.get(e.liaison_user_id) ?? null : null,
  }))).execute();
  return hit.length;
}

/** Key enterprises reached per alert. */
export async function enterprisesReached(db: DB | Tx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('risk_alert_enterprises').select(['alert_id', sql<number>`count(*)::int`.as('n')])
    .where('alert_id', 'in', [...ids]).groupBy('alert_id').execute();
  return new Map(rows.map((r) => [r.alert_id, r.n]));
}
