import type { Actor } from '../../authz/actor.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { attach, type StoredFile } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { materialsOf } from './trainings.repository.ts';
import { lockForManage } from './trainings.service.ts';

/** Materials (slides, handouts): the evidence storage with owner type 'training'. */
export const MATERIAL_LIMITS = { maxFiles: 5, maxFileBytes: 30 * 1024 * 1024, maxTotalBytes: 60 * 1024 * 1024, maxFields: 2 };
const MAX_MATERIALS = 20;

export async function addMaterials(deps: Deps, actor: Actor, id: string, files: StoredFile[], ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await lockForManage(tx, actor, id);
    if ((await materialsOf(tx, t.id)).length + files.length > MAX_MATERIALS) {
      throw new AppError(422, 'too_many_files', `每场培训最多 ${MAX_MATERIALS} 个资料`, `At most ${MAX_MATERIALS} files per training`, 'file');
    }
    await attach(tx, files.map((f) => f.id), { type: 'training', id: t.id, institutionPath: t.institution_path, uploadedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'training.attach', objectType: 'training', objectId: t.id, institutionPath: t.institution_path, detail: { files: files.map((f) => f.id) } });
  });
}

export async function removeMaterial(deps: Deps, actor: Actor, id: string, attachmentId: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await lockForManage(tx, actor, id);
    const hit = await tx.updateTable('attachments').set({ status: 'deleted', deleted_at: deps.clock.now() })
      .where('id', '=', await materialOf(tx, t.id, attachmentId)).where('status', '=', 'attached').returning('id').executeTakeFirst();
    if (!hit) throw NotFound('attachment', '附件');
    await recordAudit(tx, ctx, { action: 'training.detach', objectType: 'training', objectId: t.id, institutionPath: t.institution_path, detail: { file: hit.id } });
  });
}

/** The attachment id if it is a material of the training (else 404). */
export async function materialOf(db: DB | Tx, trainingId: string, attachmentId: string): Promise<string> {
  const f = (await materialsOf(db, trainingId)).find((x) => x.id === attachmentId);
  if (!f) throw NotFound('attachment', '附件');
  return f.id;
}
