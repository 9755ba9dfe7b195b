/**
 * What the search engine indexes of an article (the search module calls this; nothing here touches the
 * database). Only published articles are documents: a draft, a review or a withdrawn article gives null.
 */
export interface ArticleForSearch {
  id: string;
  institution_id: string;
  kind: string;
  state: string;
  title: string;
  summary: string;
  body_text: string;
  ip_types: string[];
  region_code: string | null;
  published_at: Date | null;
}

export interface ArticleSearchDocument {
  kind: 'article';
  refId: string;
  institutionId: string;
  title: string;
  body: string;
  publishedAt: Date;
  meta: { articleKind: string; ipTypes: string[]; regionCode: string | null; year: number };
}

/** The year in China time (an article published at 00:30 on 1 January Beijing time belongs to the new year). */
function cstYear(d: Date): number {
  return new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
}

export function articleSearchDocument(a: ArticleForSearch): ArticleSearchDocument | null {
  if (a.state !== 'published' || !a.published_at) return null;
  const body = [a.summary, a.body_text].map((s) => s.trim()).filter(Boolean).join('\n');
  return {
    kind: 'article',
    refId: a.id,
    institutionId: a.institution_id,
    title: a.title,
    body,
    publishedAt: a.published_at,
    meta: { articleKind: a.kind, ipTypes: [...a.ip_types], regionCode: a.region_code, year: cstYear(a.published_at) },
  };
}
