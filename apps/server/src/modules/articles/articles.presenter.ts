import { articleActions, articleEditable, type ArticleRight, type ArticleState } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { ArticleRow } from './articles.repository.ts';
import type { Replacement } from '@yuanzhi/domain';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentArticle(r: ArticleRow) {
  return {
    id: r.id, kind: r.kind as never, state: r.state, title: r.title, summary: r.summary, bodyHtml: r.body_html, tags: r.tags,
    ipTypes: r.ip_types, regionCode: r.region_code, meta: r.meta, institution: { id: r.institution_id, name: r.institution_name },
    version: r.version, views: r.views, sourceCaseId: r.source_case_id, replacements: (r.replacements as Replacement[] | null) ?? null,
    authorName: r.author_name, reviewNote: r.review_note, publishedAt: iso(r.published_at), updatedAt: iso(r.updated_at)!,
  };
}

/** The rights the actor holds at the article's institution. */
export function rightsAt(actor: Actor, institutionPath: string): ArticleRight[] {
  return (['article.write', 'article.review'] as const).filter((p) => can(actor, p, { institutionPath }));
}

export function articleAbilities(actor: Actor, r: Pick<ArticleRow, 'state' | 'institution_path' | 'author_id'>) {
  const rights = rightsAt(actor, r.institution_path);
  const state = r.state as ArticleState;
  return { edit: articleEditable(state) && rights.includes('article.write'), actions: articleActions(state, rights, r.author_id === actor.userId) };
}

export function presentPortalArticle(r: ArticleRow) {
  return {
    id: r.id, kind: r.kind as never, title: r.title, summary: r.summary, bodyHtml: r.body_html, tags: r.tags, ipTypes: r.ip_types,
    regionCode: r.region_code, meta: r.meta, institutionName: r.institution_name, views: r.views, publishedAt: iso(r.published_at)!,
  };
}

export function presentPortalItem(r: ArticleRow) {
  const { bodyHtml: _, ...rest } = presentPortalArticle(r);
  return rest;
}
