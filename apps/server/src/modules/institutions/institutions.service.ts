import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Forbidden } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import {
  childLevels, closeBlockers, getInstitution, insertInstitution, lockSubtree, moveSubtree, serializeMoves, updateInstitution,
  type NewInstitution,
} from './institutions.repository.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { presentInstitution } from './institutions.presenter.ts';
import {
  assertNameFree, assertRegion, changedFields, fieldNames, levelFits, levelTooHigh, loadForWrite, mapUniqueName,
  parentClosed, parentPathOf, toColumns,
} from './institutions.rules.ts';
import type { CreateInput, UpdateInput } from './institutions.schemas.ts';

/** Institution use cases: one transaction each, with its audit entry in the same transaction. */

const audit = (rec: { id: string; path: string }) => ({ objectType: 'institution', objectId: rec.id, institutionId: rec.id, institutionPath: rec.path });

export async function createInstitution(deps: Deps, actor: Actor, input: CreateInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const parent = await loadForWrite(tx, actor, input.parentId, 'institution.manage', 'parentId');
    if (parent.status !== 'active') throw parentClosed();
    if (!levelFits(input.level, parent.level)) throw levelTooHigh(input.level, parent.level);
    await assertRegion(tx, input.regionCode);
    await assertNameFree(tx, input.name);
    const values = { ...toColumns(input), parent_id: parent.id } as NewInstitution;
    const created = await insertInstitution(tx, { ...values, created_at: deps.clock.now(), updated_at: deps.clock.now() }).catch((e) =>
      mapUniqueName(e, input.name),
    );
    const fields = fieldNames.filter((f) => f in input && input[f] !== undefined && input[f] !== null);
    await recordAudit(tx, ctx, { action: 'institution.create', ...audit(created), detail: { parentId: parent.id, fields } });
    return created.id;
  });
}

export async function updateInstitutionFields(deps: Deps, actor: Actor, id: string, input: UpdateInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const rec = await loadForWrite(tx, actor, id, 'institution.manage');
    const current = presentInstitution((await getInstitution(tx, scopeFor(actor, 'institution.read'), id))!);
    const changed = changedFields(input, current);
    if (changed.length === 0) return;
    if (changed.includes('level')) {
      const level = input.level!;
      if (rec.parent_id) {
        const parent = await parentOf(tx, rec.parent_id);
        if (!levelFits(level, parent.level)) throw levelTooHigh(level, parent.level);
      }
      const below = (await childLevels(tx, id)).find((l) => !levelFits(l, level));
      if (below) {
        throw new AppError(422, 'level_below_children', '机构级别不能低于其下级机构', 'The level may not be lower than a child institution\'s', 'level');
      }
    }
    if (changed.includes('regionCode')) await assertRegion(tx, input.regionCode);
    if (changed.includes('name') && rec.status === 'active') await assertNameFree(tx, input.name!, id);
    const set = toColumns(Object.fromEntries(changed.map((f) => [f, input[f]])) as UpdateInput);
    await updateInstitution(tx, id, set, deps.clock.now()).catch((e) => mapUniqueName(e, input.name));
    await recordAudit(tx, ctx, { action: 'institution.update', ...audit(rec), detail: { fields: changed } });
  });
}

/** The parent row regardless of scope (the level rule compares with it even when it lies above the caller). */
async function parentOf(tx: Parameters<typeof childLevels>[0], parentId: string) {
  return tx.selectFrom('institutions').select(['level', 'status']).where('id', '=', parentId).executeTakeFirstOrThrow();
}

export async function closeInstitution(deps: Deps, actor: Actor, id: string, reason: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const rec = await loadForWrite(tx, actor, id, 'institution.manage');
    if (rec.status !== 'active') throw new AppError(409, 'already_closed', '该机构已撤销', 'The institution is already closed');
    const b = await closeBlockers(tx, id);
    if (b.children.length > 0 || b.roleHolders > 0) {
      const shown = b.children.slice(0, 5).join('、') + (b.children.length > 5 ? ` 等 ${b.children.length} 个` : '');
      const zh = [
        b.children.length ? `仍有运行中的下级机构：${shown}` : '',
        b.roleHolders ? `仍有 ${b.roleHolders} 名人员在该机构任职` : '',
      ].filter(Boolean).join('；');
      const en = [
        b.children.length ? `active child institutions: ${b.children.slice(0, 5).join(', ')}${b.children.length > 5 ? ` and ${b.children.length - 5} more` : ''}` : '',
        b.roleHolders ? `${b.roleHolders} people hold roles there` : '',
      ].filter(Boolean).join('; ');
      throw new AppError(409, 'institution_in_use', `无法撤销：${zh}`, `Cannot close: ${en}`, undefined, {
        blockers: { children: b.children, roleHolders: b.roleHolders },
      });
    }
    await updateInstitution(tx, id, { status: 'closed', closed_at: deps.clock.now(), closed_reason: reason } as never, deps.clock.now());
    await recordAudit(tx, ctx, { action: 'institution.close', ...audit(rec), detail: { fields: ['status', 'closedReason'] } });
  });
}

export async function reopenInstitution(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const rec = await loadForWrite(tx, actor, id, 'institution.manage');
    if (rec.status !== 'closed') throw new AppError(409, 'not_closed', '该机构未撤销', 'The institution is not closed');
    if (rec.parent_id && (await parentOf(tx, rec.parent_id)).status !== 'active') throw parentClosed('id');
    await assertNameFree(tx, rec.name, id);
    await updateInstitution(tx, id, { status: 'active', closed_at: null, closed_reason: null } as never, deps.clock.now()).catch((e) =>
      mapUniqueName(e, rec.name),
    );
    await recordAudit(tx, ctx, { action: 'institution.reopen', ...audit(rec), detail: { fields: ['status'] } });
  });
}

/** Move an institution and its whole subtree under a new parent, in one transaction. */
export async function moveInstitution(deps: Deps, actor: Actor, id: string, newParentId: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await serializeMoves(tx);
    const rec = await loadForWrite(tx, actor, id, 'institution.move');
    if (!rec.parent_id) throw new AppError(409, 'cannot_move_root', '不能移动根机构', 'The root institution cannot be moved');
    // The old parent must lie in the caller's move scope too: a subtree may not be taken from above it.
    if (!can(actor, 'institution.move', { institutionPath: parentPathOf(rec.path) })) throw Forbidden();
    const target = await loadForWrite(tx, actor, newParentId, 'institution.move', 'newParentId');
    const bad = (zh: string, en: string) => new AppError(422, 'invalid_move', zh, en, 'newParentId');
    if (target.path === rec.path || target.path.startsWith(rec.path + '.')) {
      throw bad('不能移动到自身或其下级机构之下', 'An institution cannot be moved under itself or its descendants');
    }
    if (target.id === rec.parent_id) throw bad('该机构已在此上级机构之下', 'The institution is already under this parent');
    if (target.status !== 'active') throw parentClosed('newParentId');
    if (!levelFits(rec.level, target.level)) throw levelTooHigh(rec.level, target.level, 'newParentId');
    await lockSubtree(tx, rec.path);
    const moved = await moveSubtree(tx, rec, parentPathOf(rec.path), target, deps.clock.now());
    await recordAudit(tx, ctx, {
      action: 'institution.move',
      ...audit(rec),
      detail: { fields: ['parentId', 'path'], fromParentId: rec.parent_id, toParentId: target.id, subtreeSize: moved },
    });
  });
}
