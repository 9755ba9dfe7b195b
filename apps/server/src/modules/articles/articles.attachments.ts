import type { Actor } from '../../authz/actor.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { attach, type StoredFile } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { rightsAt } from './articles.presenter.ts';
import { lockArticle } from './articles.repository.ts';
import { articleScope } from './articles.service.ts';

/** Files of an article (policy texts, forms, slides): the evidence storage, owner type 'article'. */
export const ARTICLE_FILE_LIMITS = { maxFiles: 5, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxFields: 2 };
export const MAX_ARTICLE_FILES = 20;

export interface ArticleFile { id: string; name: string; mediaType: string; sizeBytes: number }

export async function articleFiles(db: DB | Tx, articleId: string): Promise<ArticleFile[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'original_name', 'media_type', 'size_bytes'])
    .where('owner_type', '=', 'article')
    .where('owner_id', '=', articleId)
    .where('status', '=', 'attached')
    .orderBy('attached_at')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.original_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes) }));
}

/** The article locked for a change of its files: in scope, writable by the caller, a draft. */
async function draftForFiles(tx: Tx, actor: Actor, id: string) {
  const a = await lockArticle(tx, articleScope(actor), id);
  if (!a) throw NotFound('article', '文章');
  if (!rightsAt(actor, a.path).includes('article.write')) throw new AppError(403, 'forbidden', '无权修改文章', 'You may not edit articles');
  if (a.state !== 'draft') throw new AppError(409, 'not_editable', '只有草稿可以增删附件', 'Files can be changed on drafts only', 'state');
  return a;
}

export async function addArticleFiles(deps: Deps, actor: Actor, id: string, files: StoredFile[], ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await draftForFiles(tx, actor, id);
    if ((await articleFiles(tx, id)).length + files.length > MAX_ARTICLE_FILES) {
      throw new AppError(422, 'too_many_files', `每篇文章最多 ${MAX_ARTICLE_FILES} 个附件`, `At most ${MAX_ARTICLE_FILES} files per article`, 'file');
    }
    await attach(tx, files.map((f) => f.id), { type: 'article', id, institutionPath: a.path, uploadedBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'article.attach', objectType: 'article', objectId: id, institutionPath: a.path, detail: { files: files.map((f) => f.id) } });
  });
}

export async function removeArticleFile(deps: Deps, actor: Actor, id: string, attachmentId: string, ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await draftForFiles(tx, actor, id);
    const hit = await tx
      .updateTable('attachments')
      .set({ status: 'deleted', deleted_at: deps.clock.now() })
      .where('id', '=', attachmentId)
      .where('owner_type', '=', 'article')
      .where('owner_id', '=', id)
      .where('status', '=', 'attached')
      .returning('id')
      .executeTakeFirst();
    if (!hit) throw NotFound('attachment', '附件');
    await recordAudit(tx, ctx, { action: 'article.detach', objectType: 'article', objectId: id, institutionPath: a.path, detail: { file: attachmentId } });
  });
}

/** The attachment id if it belongs to the article (else 404). */
export async function fileOfArticle(db: DB, articleId: string, attachmentId: string): Promise<string> {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) throw NotFound('attachment', '附件');
  const f = (await articleFiles(db, articleId)).find((x) => x.id === attachmentId);
  if (!f) throw NotFound('attachment', '附件');
  return f.id;
}
