import { diffLines } from '@yuanzhi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { proposeCaseStudy } from './articles.from-case.ts';
import { articleAbilities, presentArticle } from './articles.presenter.ts';
import { getArticle, getVersion, listArticles, listVersions } from './articles.repository.ts';
import {
  abilitiesOut, articleOut, createBody, fromCaseBody, idParams, listQuery, replacementOut, transitionBody, updateBody,
} from './articles.schemas.ts';
import { articleScope, createArticle, editArticle, transitionArticle } from './articles.service.ts';
import { articlePortalRoutes } from './articles.portal.routes.ts';
import { visitRoutes } from './visits.routes.ts';
import { articleFileRoutes } from './articles.attachments.routes.ts';
import { articleFiles } from './articles.attachments.ts';

const tags = ['articles'];
const READ = ['article.write', 'article.review'] as const;
const one = z.object({ data: articleOut, abilities: abilitiesOut });

/** Console publishing: write, review, publish and withdraw articles; version history with diffs. */
export async function articleRoutes(app: FastifyInstance): Promise<void> {
  await app.register(articlePortalRoutes);
  await app.register(visitRoutes);
  await app.register(articleFileRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  async function answer(actor: Actor, id: string) {
    const row = await getArticle(db, articleScope(actor), id);
    if (!row) throw NotFound('article', '文章');
    return { data: { ...presentArticle(row), attachments: await articleFiles(db, id) }, abilities: articleAbilities(actor, row) };
  }

  r.get('/api/articles', {
    config: { access: READ },
    schema: {
      tags, summary: '文章列表 Articles in scope', querystring: listQuery,
      response: { 200: z.object({ data: z.array(articleOut), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => {
    const { rows, total } = await listArticles(db, articleScope(requireActor(req)), req.query);
    return { data: rows.map(presentArticle), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  r.post('/api/articles', {
    config: { access: 'article.write' },
    schema: { tags, summary: '新建文章（草稿）Create a draft article', body: createBody, response: { 201: one } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await createArticle(app.deps, actor, req.body, auditContext(req));
    return reply.status(201).send(await answer(actor, id));
  });

  r.post('/api/articles/from-case', {
    config: { access: 'article.write' },
    schema: {
      tags, summary: '由已办结案件生成脱敏案例草稿 Propose a de-identified case study from a closed case', body: fromCaseBody,
      response: { 201: one.extend({ replacements: z.array(replacementOut) }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { id, replacements } = await proposeCaseStudy(app.deps, actor, req.body.caseId, auditContext(req));
    return reply.status(201).send({ ...(await answer(actor, id)), replacements });
  });

  r.get('/api/articles/:id', {
    config: { access: READ },
    schema: { tags, summary: '文章详情 One article', params: idParams, response: { 200: one } },
  }, async (req) => answer(requireActor(req), req.params.id));

  r.put('/api/articles/:id', {
    config: { access: 'article.write' },
    schema: { tags, summary: '保存文章（新版本）Save an article as a new version', params: idParams, body: updateBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await editArticle(app.deps, actor, req.params.id, req.body, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.post('/api/articles/:id/transitions', {
    config: { access: READ },
    schema: { tags, summary: '提交审核 / 发布 / 退回 / 撤回 Workflow step', params: idParams, body: transitionBody, response: { 200: one } },
  }, async (req) => {
    const actor = requireActor(req);
    await transitionArticle(app.deps, actor, req.params.id, req.body.action, req.body.note, auditContext(req));
    return answer(actor, req.params.id);
  });

  r.get('/api/articles/:id/versions', {
    config: { access: READ },
    schema: {
      tags, summary: '版本历史 Version history', params: idParams,
      response: { 200: z.object({ data: z.array(z.object({ version: z.number(), title: z.string(), savedAt: z.string(), savedBy: z.string().nullable() })) }) },
    },
  }, async (req) => {
    await answer(requireActor(req), req.params.id);
    const rows = await listVersions(db, req.params.id);
    return { data: rows.map((v) => ({ version: v.version, title: v.title, savedAt: new Date(v.saved_at).toISOString(), savedBy: v.saved_by_name })) };
  });

  r.get('/api/articles/:id/versions/:version', {
    config: { access: READ },
    schema: {
      tags, summary: '某一版本及与另一版本的差异 One version, with its diff against another',
      params: z.strictObject({ id: z.uuid(), version: z.coerce.number().int().positive() }),
      querystring: z.strictObject({ against: z.coerce.number().int().positive().optional() }),
      response: {
        200: z.object({
          data: z.object({
            version: z.number(), against: z.number().nullable(), title: z.string(), bodyHtml: z.string(),
            diff: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })),
          }),
        }),
      },
    },
  }, async (req) => {
    await answer(requireActor(req), req.params.id);
    const v = await getVersion(db, req.params.id, req.params.version);
    if (!v) throw NotFound('version', '版本');
    const againstNo = req.query.against ?? (v.version > 1 ? v.version - 1 : null);
    const base = againstNo ? await getVersion(db, req.params.id, againstNo) : undefined;
    if (againstNo && !base) throw NotFound('version', '版本');
    const text = (x: { title: string; body_text: string }) => `${x.title}\n${x.body_text}`;
    return { data: { version: v.version, against: againstNo, title: v.title, bodyHtml: v.body_html, diff: diffLines(base ? text(base) : '', text(v)) } };
  });
}
