import type { CaseEvent, CasePayload } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { isWithin } from '../../authz/can.ts';
import { rolePermissions, isRole } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { attach } from '../../platform/storage/index.ts';
import { institutionBrief, isUuid, linkAttachments, type CaseRow } from './cases.repository.ts';

/**
 * Checks of an event's references that need the database, before the domain decides: the handler
 * must hold case.handle over the case's institution, the receiving institution must exist and be open,
 * the supplement's uploads must be the actor's pending files (attached here, rolled back on refusal).
 */
export interface TransitionExtras {
  /** The receiving institution's path while the case is (or becomes) transferred. */
  targetPath: string | null;
  attachmentCount: number;
}

export async function checkTransitionInput(
  tx: Tx, _deps: Deps, actor: Actor, row: CaseRow, event: CaseEvent | null, p: CasePayload,
  opts: { attachmentIds?: readonly string[] },
): Promise<TransitionExtras> {
  const out: TransitionExtras = { targetPath: row.transfer_to_path, attachmentCount: 0 };
  if ((event === 'assign' || event === 'reassign') && p.handlerId) await checkHandler(tx, row, p.handlerId);
  if (event === 'transfer' && p.toInstitutionId && p.toInstitutionId !== row.institution_id) {
    const target = await institutionBrief(tx, p.toInstitutionId);
    if (!target || target.status !== 'active') {
      throw new AppError(422, 'invalid_field', '接收机构不存在或已撤销', 'The receiving institution does not exist or is closed', 'toInstitutionId');
    }
    out.targetPath = target.path;
  }
  const ids = opts.attachmentIds ?? [];
  if (event === 'supplement' && ids.length > 0) {
    await attach(tx, ids, { type: 'case', id: row.id, institutionPath: row.institution_path, uploadedBy: actor.userId });
    await linkAttachments(tx, row.id, ids, 'supplement', actor.userId);
    out.attachmentCount = new Set(ids).size;
  }
  return out;
}

/** A handler is an active account holding case.handle at the case's institution or above it. */
async function checkHandler(tx: Tx, row: CaseRow, handlerId: string): Promise<void> {
  const bad = () =>
    new AppError(422, 'invalid_field', '所选人员不是本案所属机构的承办人', 'The person chosen is not a case handler of this institution', 'handlerId');
  if (!isUuid(handlerId)) throw bad();
  const grants = await tx
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.role', sql<string>`i.path::text`.as('path')])
    .where('r.user_id', '=', handlerId)
    .where('u.status', '=', 'active')
    .execute();
  const ok = grants.some((g) => isRole(g.role) && rolePermissions[g.role].includes('case.handle') && isWithin(row.institution_path, g.path));
  if (!ok) throw bad();
}
