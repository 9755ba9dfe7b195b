import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, openForDownload, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { addArticleFiles, ARTICLE_FILE_LIMITS, articleFiles, fileOfArticle, removeArticleFile } from './articles.attachments.ts';
import { getArticle } from './articles.repository.ts';
import { idParams } from './articles.schemas.ts';
import { articleScope } from './articles.service.ts';

const tags = ['articles'];
const fileParams = z.strictObject({ id: z.uuid(), attachmentId: z.string().max(40) });
const fileOut = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() });
const WRITE = 'article.write';
const READ = ['article.write', 'article.review'] as const;

/** Article files: upload and remove on drafts (console), download in scope (console) or once published (portal). */
export async function articleFileRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: ARTICLE_FILE_LIMITS.maxFileBytes + 1, files: ARTICLE_FILE_LIMITS.maxFiles + 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.post('/api/articles/:id/attachments', {
    config: { access: WRITE },
    schema: { tags, summary: '上传附件（草稿）Upload files to a draft (multipart field "file")', params: idParams, response: { 201: z.object({ data: z.array(fileOut) }) } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await getArticle(deps.db, articleScope(actor), req.params.id))) throw NotFound('article', '文章');
    const up = await receiveUploads(deps, req, ARTICLE_FILE_LIMITS, { ownerType: 'article', uploadedBy: actor.userId });
    try {
      await addArticleFiles(deps, actor, req.params.id, up.files, auditContext(req));
    } catch (e) {
      await discardPending(deps, up.files.map((f) => f.id)).catch(() => {});
      throw e;
    }
    return reply.status(201).send({ data: await articleFiles(deps.db, req.params.id) });
  });

  r.delete('/api/articles/:id/attachments/:attachmentId', {
    config: { access: WRITE },
    schema: { tags, summary: '删除附件（草稿）Remove a file from a draft', params: fileParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeArticleFile(deps, requireActor(req), req.params.id, req.params.attachmentId, auditContext(req));
    return reply.status(204).send(null);
  });

  r.get('/api/articles/:id/attachments/:attachmentId', {
    config: { access: READ },
    schema: { tags, summary: '下载附件 Download a file of an article in scope', params: fileParams },
  }, async (req, reply) => {
    if (!(await getArticle(deps.db, articleScope(requireActor(req)), req.params.id))) throw NotFound('article', '文章');
    const f = await openForDownload(deps, await fileOfArticle(deps.db, req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });

  r.get('/api/portal/articles/:id/attachments/:attachmentId', {
    config: { access: 'public' },
    schema: { tags: ['portal content'], summary: '下载已发布文章的附件 Download a file of a published article', params: fileParams },
  }, async (req, reply) => {
    const pub = await deps.db.selectFrom('articles').select('id').where('id', '=', req.params.id).where('state', '=', 'published').executeTakeFirst();
    if (!pub) throw NotFound('article', '文章');
    const f = await openForDownload(deps, await fileOfArticle(deps.db, req.params.id, req.params.attachmentId));
    return reply.headers(f.headers).send(f.stream);
  });
}
