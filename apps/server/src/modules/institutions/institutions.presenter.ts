import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { FullRow } from './institutions.repository.ts';
import { directoryFields, type TreeNode } from './institutions.schemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Row → the API's `Institution`. */
export function presentInstitution(r: FullRow) {
  return {
    id: r.id,
    parentId: r.parent_id,
    parentName: r.parent_name,
    path: r.path,
    name: r.name,
    shortName: r.short_name,
    type: r.type,
    level: r.level,
    host: r.host,
    regionCode: r.region_code,
    regionName: r.region_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    website: r.website,
    hours: r.hours,
    contactPerson: r.contact_person,
    ipTypes: r.ip_types,
    services: r.services,
    description: r.description,
    establishedOn: r.established_on,
    status: r.status,
    closedAt: iso(r.closed_at),
    closedReason: r.closed_reason,
    childCount: Number(r.child_count ?? 0),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
export type Institution = ReturnType<typeof presentInstitution>;

const parentPathOf = (path: string) => path.split('.').slice(0, -1).join('.');

/** What the caller may do with this institution; the console shows buttons by these. */
export function institutionAbilities(actor: Actor, r: { path: string; status: string; parent_id: string | null }) {
  const own = { institutionPath: r.path };
  const manage = can(actor, 'institution.manage', own);
  const active = r.status === 'active';
  const parentPath = r.parent_id ? parentPathOf(r.path) : null;
  return {
    update: manage,
    close: manage && active,
    reopen: manage && !active,
    move: parentPath !== null && can(actor, 'institution.move', own) && can(actor, 'institution.move', { institutionPath: parentPath }),
    createChild: manage && active,
  };
}

/** The public directory shows contacts and services, never the contact person or internal fields. */
export function presentDirectoryEntry(r: FullRow) {
  const full = presentInstitution(r);
  return Object.fromEntries(directoryFields.map((k) => [k, full[k]])) as Pick<Institution, (typeof directoryFields)[number]>;
}

/** Flat rows (parents first) → nested nodes; the roots are the rows whose parent is not in the set. */
export function buildTree(rows: { id: string; parent_id: string | null; name: string; type: string; level: string; host: string | null; status: string; path: string }[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const r of rows) nodes.set(r.id, { id: r.id, name: r.name, type: r.type, level: r.level, host: r.host, status: r.status, path: r.path, children: [] });
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}
