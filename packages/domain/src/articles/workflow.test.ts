import { describe, expect, it } from 'vitest';
import { articleActions, articleEditable, articleStep } from './workflow.ts';

const W = ['article.write'] as const;
const R = ['article.review'] as const;
const WR = ['article.write', 'article.review'] as const;

describe('article workflow', () => {
  it.each([
    ['draft', 'submit', W, false, { ok: true, to: 'in_review' }],
    ['draft', 'submit', R, false, { ok: false, refusal: 'no_right' }],
    ['in_review', 'approve', R, false, { ok: true, to: 'published' }],
    ['in_review', 'approve', W, false, { ok: false, refusal: 'no_right' }],
    ['in_review', 'approve', WR, true, { ok: false, refusal: 'own_article' }],
    ['in_review', 'reject', WR, true, { ok: true, to: 'draft' }],
    ['published', 'withdraw', R, false, { ok: true, to: 'withdrawn' }],
    ['published', 'submit', WR, false, { ok: false, refusal: 'wrong_state' }],
    ['withdrawn', 'reopen', W, true, { ok: true, to: 'draft' }],
    ['draft', 'approve', R, false, { ok: false, refusal: 'wrong_state' }],
  ] as const)('%s + %s', (state, action, rights, isAuthor, expected) => {
    expect(articleStep({ state, action, rights, isAuthor })).toEqual(expected);
  });

  it('offers only the steps the caller may take', () => {
    expect(articleActions('in_review', WR, true)).toEqual(['reject']);
    expect(articleActions('in_review', WR, false)).toEqual(['approve', 'reject']);
    expect(articleActions('draft', R, false)).toEqual([]);
  });

  it('edits drafts only', () => {
    expect(['draft', 'in_review', 'published', 'withdrawn'].map((s) => articleEditable(s as never))).toEqual([true, false, false, false]);
  });
});
