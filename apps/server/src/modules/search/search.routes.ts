import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { mark, snippet } from './search.highlight.ts';
import { search, suggest, type Audience, type SearchPage } from './search.query.ts';
import { consoleSearchQuery, portalSearchQuery, searchOut, suggestionsOut, suggestionsQuery } from './search.schemas.ts';

const tags = ['search'];

/**
 * The platform refuses a NUL character anywhere (nul-guard.ts). Search promises an answer to any text, so the
 * search text drops it before that check.
 */
async function dropNul(req: FastifyRequest) {
  const query = req.query as Record<string, unknown>;
  const q = query.q;
  if (typeof q === 'string') query.q = q.replaceAll('\u0000', '');
  else if (Array.isArray(q)) query.q = q.map((x) => (typeof x === 'string' ? x.replaceAll('\u0000', '') : x));
}

function present(p: SearchPage, page: number, pageSize: number) {
  return {
    data: p.rows.map((r) => ({
      kind: r.kind, refId: r.ref_id, title: mark(r.title, p.words), snippet: snippet(r.body, p.words),
      articleKind: r.article_kind, ipTypes: r.ip_types, regionCode: r.region_code, year: r.year, date: new Date(r.sort_at).toISOString(),
    })),
    total: p.total, capped: p.capped, page, pageSize, words: p.words,
  };
}

/** Consultations and cases each join the search only where the user holds their read permission (ADR 0016). */
function staffAudience(actor: Actor): Audience {
  return {
    consultations: can(actor, 'consultation.read') ? scopeFor(actor, 'consultation.read') : null,
    cases: can(actor, 'case.read') ? scopeFor(actor, 'case.read') : null,
  };
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/api/search', {
    config: { access: 'public' },
    onRequest: dropNul,
    schema: { tags, summary: '全站搜索（政策、知识、案例、问答）Portal search: published articles and featured Q&A', querystring: portalSearchQuery, response: { 200: searchOut } },
  }, async (req) => {
    const { q, page, pageSize, ...f } = req.query;
    return present(await search(db, q, { ...f, page, pageSize }, { consultations: null, cases: null }), page, pageSize);
  });

  r.get('/api/search/console', {
    config: { access: 'staff' },
    onRequest: dropNul,
    schema: {
      tags, summary: '工作台搜索：文章、问答及本机构范围内的咨询和案件 Console search: articles, Q&A, and consultations and cases in scope',
      querystring: consoleSearchQuery, response: { 200: searchOut },
    },
  }, async (req) => {
    const { q, page, pageSize, ...f } = req.query;
    return present(await search(db, q, { ...f, page, pageSize }, staffAudience(requireActor(req))), page, pageSize);
  });

  r.get('/api/search/suggestions', {
    config: { access: 'public' },
    onRequest: dropNul,
    schema: { tags, summary: '搜索联想（已发布标题）Typeahead: titles of published articles', querystring: suggestionsQuery, response: { 200: suggestionsOut } },
  }, async (req) => ({ data: (await suggest(db, req.query.q)).map((s) => ({ kind: s.kind, refId: s.ref_id, title: s.title })) }));
}
