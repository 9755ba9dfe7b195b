import fs from 'node:fs/promises';
import { sql } from 'kysely';
import type { DB, Tx } from '../db.ts';
import { AttachmentsUnavailable } from './errors.ts';
import { pathForKey } from './layout.ts';

export interface Owner {
  type: string;
  id: string;
  institutionPath?: string | null;
  /**
   * When given (a user id, or null for an anonymous upload), only files this user uploaded may be attached:
   * an id seen elsewhere cannot be used to claim someone else's upload.
   */
  uploadedBy?: string | null;
}

/**
 * Mark pending uploads as belonging to `owner`, inside the caller's transaction so the business write and
 * the attachment commit (or vanish) together. Every id must be pending (and the caller's, when asked): else
 * 422 `attachment_unavailable` and the caller's transaction rolls back.
 */
export async function attach(tx: Tx | DB, ids: readonly string[], owner: Owner): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if (!unique.every((i) => /^[0-9a-f-]{36}$/i.test(i))) throw AttachmentsUnavailable();
  let q = tx
    .updateTable('attachments')
    .set({
      status: 'attached',
      owner_type: owner.type,
      owner_id: owner.id,
      institution_path: owner.institutionPath ?? null,
      attached_at: sql<Date>`now()`,
    })
    .where('id', 'in', unique)
    .where('status', '=', 'pending');
  if (owner.uploadedBy !== undefined) {
    q = owner.uploadedBy === null ? q.where('uploaded_by', 'is', null) : q.where('uploaded_by', '=', owner.uploadedBy);
  }
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) !== unique.length) throw AttachmentsUnavailable();
}

/**
 * Give up pending uploads at once (a multipart request that failed half-way): rows and files go.
 * Files of attached records are removed only through the retention rules, never here.
 */
export async function discardPending(deps: { db: DB; config: { dataDir: string } }, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const gone = await deps.db.deleteFrom('attachments').where('id', 'in', [...ids]).where('status', '=', 'pending').returning('storage_key').execute();
  for (const g of gone) await fs.rm(pathForKey(deps.config.dataDir, g.storage_key), { force: true });
}
