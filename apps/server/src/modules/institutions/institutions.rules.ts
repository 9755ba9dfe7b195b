import { labelOf, institutionLevels, levelRank } from '@yuanzhi/contracts';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import type { Permission } from '../../authz/roles.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError, Forbidden, NotFound } from '../../platform/errors.ts';
import { activeNamesTaken, existingRegionCodes, findBrief, type Brief } from './institutions.repository.ts';
import type { UpdateInput } from './institutions.schemas.ts';

/** The write rules shared by the service and the import. */

export const nameTaken = (name: string) =>
  new AppError(409, 'name_taken', `已有同名的运行中机构：${name}`, `An active institution is already named ${name}`, 'name');

export const parentClosed = (field = 'parentId') =>
  new AppError(409, 'parent_closed', '上级机构已撤销', 'The parent institution is closed', field);

export const levelTooHigh = (level: string, parentLevel: string, field = 'level') =>
  new AppError(
    422, 'level_above_parent',
    `机构级别（${labelOf(institutionLevels, level)}）不能高于上级机构（${labelOf(institutionLevels, parentLevel)}）`,
    `The level (${level}) may not be higher than the parent's (${parentLevel})`, field,
  );

export const unknownRegion = (code: string) =>
  new AppError(422, 'unknown_region', `行政区划代码不存在：${code}`, `No region has the code ${code}`, 'regionCode');

/** A child's level is the parent's level or lower (national > province > city > county). */
export const levelFits = (level: string, parentLevel: string) => levelRank(level) >= levelRank(parentLevel);

export const parentPathOf = (path: string) => path.split('.').slice(0, -1).join('.');

/**
 * Load an institution for a write: 404 when the caller cannot see it, 403 when it can see it but
 * lacks `permission` there. The row is locked for the transaction.
 */
export async function loadForWrite(tx: Tx, actor: Actor, id: string, permission: Permission, field?: string): Promise<Brief> {
  const rec = await findBrief(tx, scopeFor(actor, 'institution.read'), id, true);
  if (!rec) {
    if (!field) throw NotFound('institution', '机构');
    throw new AppError(404, 'not_found', '机构不存在或无权访问', 'Institution not found', field);
  }
  if (!can(actor, permission, { institutionPath: rec.path })) throw Forbidden();
  return rec;
}

export async function assertNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  if ((await activeNamesTaken(tx, [name], exceptId)).size > 0) throw nameTaken(name);
}

export async function assertRegion(tx: Tx, code: string | null | undefined): Promise<void> {
  if (code && !(await existingRegionCodes(tx, [code])).has(code)) throw unknownRegion(code);
}

/** Translate a unique-index violation on active names into the 409 the API promises. */
export function mapUniqueName(err: unknown, name: string | undefined): never {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e?.code === '23505' && e.constraint === 'institutions_name_active') {
    throw nameTaken(name ?? /\(name\)=\((.*)\) already exists/.exec(e.detail ?? '')?.[1] ?? '');
  }
  throw err;
}

const columnOf = {
  name: 'name', shortName: 'short_name', type: 'type', level: 'level', host: 'host', regionCode: 'region_code',
  address: 'address', phone: 'phone', email: 'email', website: 'website', hours: 'hours', contactPerson: 'contact_person',
  ipTypes: 'ip_types', services: 'services', description: 'description', establishedOn: 'established_on',
} as const;
export type Field = keyof typeof columnOf;
export const fieldNames = Object.keys(columnOf) as Field[];

/** '' means "no value" for the optional text fields; lists hold each value once. */
const norm = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : Array.isArray(v) ? [...new Set(v)] : v);

/** API fields → columns (only the fields present in `input`). */
export function toColumns(input: UpdateInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldNames) if (f in input) out[columnOf[f]] = norm((input as Record<string, unknown>)[f]) ?? null;
  return out;
}

/** Field names whose value differs from the current one (API shape). */
export function changedFields(input: UpdateInput, current: Record<string, unknown>): Field[] {
  return fieldNames.filter(
    (f) => f in input && JSON.stringify(norm((input as Record<string, unknown>)[f]) ?? null) !== JSON.stringify(current[f] ?? null),
  );
}
