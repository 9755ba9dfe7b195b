import { alertMatches } from '@yuanzhi/domain';
import { sql, type Selectable } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import type { RiskAlertsTable } from '../../platform/tables.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { CreateAlertInput } from './alerts.schemas.ts';
import { deliverToKeyEnterprises, enterprisesReached } from './alerts.key-enterprises.ts';

export type AlertRow = Selectable<RiskAlertsTable> & { institution_name: string };
type Q = DB | Tx;
const UUID = /^[0-9a-f-]{36}$/i;

function base(db: Q) {
  return db.selectFrom('risk_alerts as a').innerJoin('institutions as i', 'i.id', 'a.institution_id').selectAll('a').select('i.name as institution_name');
}

export async function listAlerts(db: Q, scope: Scope | null, f: { state?: 'draft' | 'published' }, page: number, pageSize: number) {
  let q = scope ? base(db).where(inScope(scope, 'a.institution_path')) : base(db).where('a.state', '=', 'published');
  if (f.state) q = q.where('a.state', '=', f.state);
  const total = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy(sql`coalesce(a.published_at, a.created_at)`, 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { rows: rows as AlertRow[], total: total.n };
}

export async function getAlert(db: Q, scope: Scope | null, id: string): Promise<AlertRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const q = scope ? base(db).where(inScope(scope, 'a.institution_path')) : base(db).where('a.state', '=', 'published');
  return (await q.where('a.id', '=', id).executeTakeFirst()) as AlertRow | undefined;
}

/** Subscribers notified and how many read it; key enterprises reached through their liaison officers. */
export interface Reach {
  delivered: number;
  read: number;
  enterprises: number;
}

/** Deliveries and reads per alert: one in-app notification per subscriber reached; read when that notification is. */
export async function reachOf(db: Q, ids: readonly string[]): Promise<Map<string, Reach>> {
  if (ids.length === 0) return new Map();
  const enterprises = await enterprisesReached(db, ids);
  const rows = await db.selectFrom('risk_alert_deliveries as d').innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .select(['d.alert_id', sql<number>`count(*)::int`.as('delivered'), sql<number>`count(n.read_at)::int`.as('read')])
    .where('d.alert_id', 'in', [...ids]).groupBy('d.alert_id').execute();
  const out = new Map<string, Reach>(ids.map((id) => [id, { delivered: 0, read: 0, enterprises: enterprises.get(id) ?? 0 }]));
  for (const r of rows) out.set(r.alert_id, { delivered: r.delivered, read: r.read, enterprises: enterprises.get(r.alert_id) ?? 0 });
  return out;
}

export async function createAlert(deps: Deps, actor: Actor, input: CreateAlertInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const inst = await targetInstitution(tx, actor, input.institutionId, 'alert.publish');
    const row = await tx.insertInto('risk_alerts').values({
      institution_id: inst.id, institution_path: inst.path, title: input.title, countries: [...new Set(input.countries)], industries: [...new Set(input.industries)],
      risk_kind: input.riskKind, body: input.body, advice: input.advice, source: input.source || null, created_by: actor.userId, published_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'alert.create', objectType: 'risk_alert', objectId: row.id, institutionId: inst.id, institutionPath: inst.path });
    return row.id;
  });
}

/**
 * Publish: the alert goes on the portal and every matching subscriber (an active applicant account whose
 * countries and industries meet the alert's; an empty list on either side means any) gets an in-app
 * notification, and an e-mail through the notifier when they asked for one; the key enterprises it concerns are
 * reached through their liaison officers (alerts.key-enterprises.ts). All in one transaction.
 */
export async function publishAlert(deps: Deps, actor: Actor, scope: Scope, id: string, ctx: AuditContext): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const a = await getAlert(tx, scope, id);
    if (!a || !can(actor, 'alert.publish', { institutionPath: a.institution_path })) throw NotFound('risk_alert', '风险预警');
    const locked = await tx.updateTable('risk_alerts').set({ state: 'published', published_at: deps.clock.now() })
      .where('id', '=', id).where('state', '=', 'draft').returning('id').executeTakeFirst();
    if (!locked) throw Conflict('already_published', '该预警已发布', 'The alert is already published', 'state');
    const reached = await deliverAlert(deps, tx, a);
    const enterprises = await deliverToKeyEnterprises(deps, tx, a, { userId: actor.userId, name: actor.displayName });
    await recordAudit(tx, ctx, {
      action: 'alert.publish', objectType: 'risk_alert', objectId: a.id, institutionId: a.institution_id, institutionPath: a.institution_path,
      detail: { recipients: reached, keyEnterprises: enterprises },
    });
    return reached;
  });
}

/** Notify every matching subscriber of a just-published alert and record the deliveries; returns how many were reached. */
export async function deliverAlert(deps: Pick<Deps, 'jobs' | 'clock'>, tx: Tx, a: AlertRow): Promise<number> {
  // The rule is the domain's (alertMatches); every active applicant's subscription is weighed against it.
  const all = await tx.selectFrom('alert_subscriptions as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.email', 's.countries', 's.industries']).where('u.status', '=', 'active').where('u.kind', '=', 'applicant').execute();
  const subs = all.filter((s) => alertMatches(s, a));
  const text = {
    title: { zh: `风险预警提示：${a.title}`, en: `Risk alert: ${a.title}` },
    body: { zh: `${a.institution_name}发布风险预警。应对建议：${a.advice.slice(0, 300)}`, en: `${a.institution_name} published a risk alert; open it for what to do.` },
    link: `/alerts/${a.id}`,
  };
  const notificationIds: string[] = [];
  for (const email of [true, false]) {
    const userIds = subs.filter((s) => s.email === email).map((s) => s.user_id);
    notificationIds.push(...(await notify(deps, tx, { userIds, kind: 'risk_alert', ...text, email })));
  }
  if (notificationIds.length) {
    const sent = await tx.selectFrom('notifications').select(['id', 'user_id']).where('id', 'in', notificationIds).execute();
    await tx.insertInto('risk_alert_deliveries').values(sent.map((n) => ({ alert_id: a.id, user_id: n.user_id!, notification_id: n.id }))).execute();
  }
  return notificationIds.length;
}
