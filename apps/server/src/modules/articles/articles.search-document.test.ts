import { describe, expect, it } from 'vitest';
import { articleSearchDocument, type ArticleForSearch } from './articles.search-document.ts';

const base: ArticleForSearch = {
  id: 'a1', institution_id: 'i1', kind: 'policy', state: 'published', title: '专利侵权纠纷行政裁决办法',
  summary: '摘要一句', body_text: '第一条\n第二条', ip_types: ['patent'], region_code: '420100',
  published_at: new Date('2025-12-31T16:30:00Z'),
};

describe('articleSearchDocument', () => {
  it('maps a published article to a search document with plain text and filters', () => {
    expect(articleSearchDocument(base)).toEqual({
      kind: 'article', refId: 'a1', institutionId: 'i1', title: '专利侵权纠纷行政裁决办法', body: '摘要一句\n第一条\n第二条',
      publishedAt: new Date('2025-12-31T16:30:00Z'),
      meta: { articleKind: 'policy', ipTypes: ['patent'], regionCode: '420100', year: 2026 },
    });
  });

  it('gives nothing for articles readers cannot see', () => {
    for (const state of ['draft', 'in_review', 'withdrawn']) expect(articleSearchDocument({ ...base, state })).toBeNull();
    expect(articleSearchDocument({ ...base, published_at: null })).toBeNull();
  });

  it('leaves out an empty summary', () => {
    expect(articleSearchDocument({ ...base, summary: '  ' })?.body).toBe('第一条\n第二条');
  });
});
