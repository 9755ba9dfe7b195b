import { articleKindValues } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { articleFiles } from './articles.attachments.ts';
import { presentPortalArticle, presentPortalItem } from './articles.presenter.ts';
import { listPublished, publishedYears, readPublished } from './articles.repository.ts';
import { idParams, portalArticleOut, portalListItemOut, portalListQuery } from './articles.schemas.ts';

const tags = ['portal content'];

/** The public portal's reading: published articles only, with the portal's filters; the home page's lists. */
export async function articlePortalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/api/portal/articles', {
    config: { access: 'public' },
    schema: {
      tags, summary: '已发布文章 Published articles (filters: kind, IP type, region, year)', querystring: portalListQuery,
      response: { 200: z.object({ data: z.array(portalListItemOut), total: z.number(), page: z.number(), pageSize: z.number(), years: z.array(z.number()) }) },
    },
  }, async (req) => {
    const [{ rows, total }, years] = await Promise.all([listPublished(db, req.query), publishedYears(db)]);
    return { data: rows.map(presentPortalItem), total, page: req.query.page, pageSize: req.query.pageSize, years };
  });

  r.get('/api/portal/articles/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '阅读一篇文章 Read one published article', params: idParams, response: { 200: z.object({ data: portalArticleOut }) } },
  }, async (req) => {
    const row = await readPublished(db, req.params.id);
    if (!row) throw NotFound('article', '文章');
    return { data: { ...presentPortalArticle(row), attachments: await articleFiles(db, row.id) } };
  });

  r.get('/api/portal/home', {
    config: { access: 'public' },
    schema: {
      tags, summary: '门户首页：最新与最多阅读 Home: newest and most read',
      response: { 200: z.object({ data: z.object({ newest: z.array(portalListItemOut), popular: z.array(portalListItemOut), byKind: z.record(z.string(), z.array(portalListItemOut)) }) }) },
    },
  }, async () => {
    const base = { page: 1, pageSize: 8 } as const;
    const [newest, popular, ...kinds] = await Promise.all([
      listPublished(db, { ...base, sort: 'newest' }),
      listPublished(db, { ...base, sort: 'popular' }),
      ...articleKindValues.map((kind) => listPublished(db, { page: 1, pageSize: 5, sort: 'newest', kind })),
    ]);
    const byKind = Object.fromEntries(articleKindValues.map((k, i) => [k, kinds[i].rows.map(presentPortalItem)]));
    return { data: { newest: newest.rows.map(presentPortalItem), popular: popular.rows.map(presentPortalItem), byKind } };
  });
}
