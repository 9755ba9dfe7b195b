import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import type { Secrets } from '../../platform/secrets.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { dupId, type Q, type RegistryDef, type Values } from './registry.def.ts';
import { getRow } from './registry.repository.ts';

/** Create and edit a registry record: one transaction each, the audit entry (the change history) inside it. */

/** A unique index hit by a concurrent write: the same answer as the checks before it. */
export function mapUnique(def: { zh: string; en: string }) {
  return (e: unknown): never => {
    if ((e as { code?: string }).code === '23505') throw Conflict('duplicate', `${def.zh}重复：已有相同的记录`, `A ${def.en} with the same key exists`);
    throw e;
  };
}

function crossCheck(def: RegistryDef, values: Values) {
  const bad = def.crossCheck?.(values);
  if (bad) throw new AppError(422, 'invalid', bad.zh, bad.en, bad.field);
}

export async function assertNoDuplicate(db: Q, def: RegistryDef, secrets: Secrets, at: { institutionId: string }, values: Values, exceptId?: string) {
  const keys = def.dupKeys(values, secrets);
  if (!keys.length) return;
  const taken = await def.taken(db, at, keys, exceptId);
  const hit = keys.find((k) => taken.has(dupId(k)));
  if (hit) {
    const m = def.dupMessage(hit.kind, hit.kind === 'id_number' ? undefined : hit.value);
    throw Conflict('duplicate', m.zh, m.en, hit.field);
  }
}

export async function createRecord(deps: Deps, actor: Actor, def: RegistryDef, input: Values, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const { institutionId, ...fields } = input;
    const inst = await targetInstitution(tx, actor, institutionId ?? (await def.institutionOf?.(tx, fields)), def.perms.manage);
    const at = { institutionId: inst.id, institutionPath: inst.path };
    crossCheck(def, fields);
    await def.validate?.(tx, at, fields);
    await assertNoDuplicate(tx, def, deps.secrets, at, fields);
    const now = deps.clock.now();
    const row = await (tx as unknown as Kysely<any>)
      .insertInto(def.table)
      .values({ ...def.toColumns(fields, deps.secrets), institution_id: inst.id, institution_path: inst.path, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(mapUnique(def));
    await recordAudit(tx, ctx, {
      action: `${def.name}.create`, objectType: def.name, objectId: row.id, institutionId: inst.id, institutionPath: inst.path,
      detail: { fields: Object.keys(fields).filter((k) => fields[k] != null && !(Array.isArray(fields[k]) && fields[k].length === 0)) },
    });
    return row.id as string;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function updateRecord(deps: Deps, actor: Actor, def: RegistryDef, id: string, input: Values, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await getRow(tx, def, scopeFor(actor, def.perms.read), id);
    if (!cur || !can(actor, def.perms.manage, { institutionPath: cur.institution_path })) throw NotFound(def.name, def.zh);
    if (cur.version !== input.version) throw Conflict('stale_version', '该记录已被他人修改，请刷新后重试', 'Changed by someone else; reload and retry', 'version');
    const { version: _, ...fields } = input;
    const before = def.present(cur);
    const changed: string[] = [];
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      if (def.privateFields.includes(k)) { changed.push(k); continue; }
      if (same(before[k], v === '' ? null : v)) continue;
      changed.push(k);
      changes[k] = [before[k] ?? null, v];
    }
    if (changed.length === 0) return;
    const at = { institutionId: cur.institution_id, institutionPath: cur.institution_path };
    const merged = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    crossCheck(def, merged);
    await def.validate?.(tx, at, fields);
    await assertNoDuplicate(tx, def, deps.secrets, at, merged, id);
    await (tx as unknown as Kysely<any>)
      .updateTable(def.table)
      .set({ ...def.toColumns(fields, deps.secrets, cur), version: cur.version + 1, updated_at: deps.clock.now() })
      .where('id', '=', id)
      .execute()
      .catch(mapUnique(def));
    await recordAudit(tx, ctx, {
      action: `${def.name}.update`, objectType: def.name, objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
      detail: { fields: changed, changes },
    });
  });
}
