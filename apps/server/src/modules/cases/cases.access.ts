import { isCasePermission, type CaseActor, type CaseEvent, type CasePermission, findTransition, type CaseState } from '@yuanzhi/domain';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, isWithin, scopeFor } from '../../authz/can.ts';
import { rolePermissions, type Permission } from '../../authz/roles.ts';
import { NotFound } from '../../platform/errors.ts';

/**
 * Who may see and act on a case. Staff reach a case through a role held at its institution or above;
 * the receiving institution of a pending transfer sees it too (case.transfer.receive). Applicants reach
 * only their own cases. Outside that the case does not exist for the caller (404).
 */
export interface CaseWhere {
  institution_path: string;
  transfer_to_path: string | null;
  applicant_user_id: string | null;
}

export const caseNotFound = () => NotFound('case', '案件');

export function canSeeCase(actor: Actor, c: CaseWhere): boolean {
  if (actor.kind === 'applicant') return c.applicant_user_id !== null && c.applicant_user_id === actor.userId;
  if (can(actor, 'case.read', { institutionPath: c.institution_path })) return true;
  return c.transfer_to_path !== null && can(actor, 'case.transfer.receive', { institutionPath: c.transfer_to_path });
}

/** SQL: the cases (alias `c`) the actor may list. Built from Scopes, so it cannot be forgotten. */
export function caseVisibility(actor: Actor): Expression<SqlBool> {
  const read = inScope(scopeFor(actor, 'case.read'), 'c.institution_path');
  const incoming = inScope(scopeFor(actor, 'case.transfer.receive'), 'c.transfer_to_path');
  return sql<SqlBool>`(${read} OR (c.transfer_to_path IS NOT NULL AND ${incoming}))`;
}

/**
 * The same cases as caseVisibility, by institution id: `institution_path` is a copy of the path of `institution_id`
 * (and `transfer_to_path` of `transfer_to_id`), kept by the institutions trigger and acceptTransfer (ADR 0009). The
 * queue's capped count uses it: an index on `institution_id` answers it without reading the cases (ADR 0038).
 */
export function caseVisibilityById(actor: Actor): Expression<SqlBool> {
  const ids = (paths: readonly string[]) => sql`(SELECT i.id FROM institutions i WHERE i.path <@ ANY(${sql.val(paths)}::ltree[]))`;
  const read = scopeFor(actor, 'case.read').paths;
  const incoming = scopeFor(actor, 'case.transfer.receive').paths;
  // No `OR false` for an empty scope: PostgreSQL turns an IN inside an OR into a filter run on every entry.
  const parts: Expression<SqlBool>[] = [];
  if (read.length) parts.push(sql<SqlBool>`c.institution_id IN ${ids(read)}`);
  if (incoming.length) parts.push(sql<SqlBool>`(c.transfer_to_id IS NOT NULL AND c.transfer_to_id IN ${ids(incoming)})`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` OR `)})` : sql<SqlBool>`false`;
}

/** The case permissions an actor holds over an institution path (roles held there or above). */
export function casePermissionsAt(actor: Actor, path: string | null): CasePermission[] {
  if (!path) return [];
  const out = new Set<CasePermission>();
  for (const g of actor.grants) {
    if (!isWithin(path, g.institutionPath)) continue;
    for (const p of rolePermissions[g.role]) if (isCasePermission(p)) out.add(p);
  }
  return [...out];
}

/** Applicants act on their own case with the domain's applicant permissions. */
const applicantPermissions: readonly CasePermission[] = ['case.submit', 'case.supplement', 'case.withdraw'];

/**
 * The domain's view of the actor for one event: permissions over the case's institution, or over the
 * transfer's receiving institution for the rows the table marks `at: 'transferTarget'`.
 */
export function caseActorFor(actor: Actor, c: CaseWhere & { state: string }, event: CaseEvent): CaseActor {
  if (actor.kind === 'applicant') {
    const own = c.applicant_user_id === actor.userId;
    return { userId: actor.userId, kind: 'applicant', permissions: own ? applicantPermissions : [] };
  }
  const row = findTransition(c.state as CaseState, event);
  const path = row?.at === 'transferTarget' ? c.transfer_to_path : c.institution_path;
  return { userId: actor.userId, kind: 'staff', permissions: casePermissionsAt(actor, path) };
}

/** The role under which the actor acted (for the timeline): the first one there holding the permission. */
export function actingRole(actor: Actor, path: string | null, permission: Permission | undefined): string | null {
  if (actor.kind === 'applicant') return 'applicant';
  const g = actor.grants.find(
    (x) => path !== null && isWithin(path, x.institutionPath) && (!permission || rolePermissions[x.role].includes(permission)),
  );
  return g?.role ?? actor.grants[0]?.role ?? null;
}

export function canOnCase(actor: Actor, permission: Permission, c: CaseWhere): boolean {
  return can(actor, permission, { institutionPath: c.institution_path });
}
