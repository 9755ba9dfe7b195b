import type { Selectable } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, scopeFor } from '../../authz/can.ts';
import { rolePermissions, type Permission } from '../../authz/roles.ts';
import type { DB, Tx } from '../../platform/db.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import type { ConsultationsTable } from '../../platform/tables.ts';

/**
 * Who reaches a consultation: staff holding the permission at its institution or above; the asker of
 * an online consultation through the portal routes only. Outside that it does not exist (404).
 */
export type ConsultationRow = Selectable<ConsultationsTable>;

export const consultationNotFound = () => NotFound('consultation', '咨询记录');

/** The row, locked when inside a transaction, if the actor holds `permission` over it; else 404. */
export async function consultationFor(db: DB | Tx, actor: Actor, consultationId: string, permission: Permission, lock = false): Promise<ConsultationRow> {
  let q = db.selectFrom('consultations').selectAll().where('id', '=', consultationId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || !can(actor, permission, { institutionPath: row.institution_path })) throw consultationNotFound();
  return row;
}

/** The asker's own online consultation; anybody else's does not exist here. */
export async function ownConsultation(db: DB | Tx, actor: Actor, consultationId: string, lock = false): Promise<ConsultationRow> {
  let q = db.selectFrom('consultations').selectAll().where('id', '=', consultationId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || row.asker_user_id === null || row.asker_user_id !== actor.userId) throw consultationNotFound();
  return row;
}

/** The chosen institution (in the actor's scope for `permission`, else 404), or the actor's own. */
export async function deskInstitution(db: DB | Tx, actor: Actor, institutionId: string | undefined, permission: Permission) {
  const id = institutionId ?? actor.grants.find((g) => rolePermissions[g.role].includes(permission))?.institutionId;
  const notFound = () => new AppError(404, 'not_found', '机构不存在或无权访问', 'Institution not found', 'institutionId');
  if (!id) throw notFound();
  const inst = await db
    .selectFrom('institutions')
    .select(['id', 'status', (eb) => eb.cast<string>('path', 'text').as('path')])
    .where('id', '=', id)
    .where(inScope(scopeFor(actor, permission), 'path'))
    .executeTakeFirst();
  if (!inst) throw notFound();
  if (inst.status !== 'active') {
    throw new AppError(422, 'institution_closed', '该机构已撤销，不能登记咨询', 'The institution is closed', 'institutionId');
  }
  return inst;
}
