/**
 * The article workflow: draft → in review → published → withdrawn. Writing and reviewing are separate
 * permissions, and nobody approves what they wrote themselves.
 */
export type ArticleState = 'draft' | 'in_review' | 'published' | 'withdrawn';
export type ArticleAction = 'submit' | 'approve' | 'reject' | 'withdraw' | 'reopen';
export type ArticleRight = 'article.write' | 'article.review';

interface Step {
  from: ArticleState;
  action: ArticleAction;
  to: ArticleState;
  right: ArticleRight;
  /** The author may not take this step on their own article. */
  notAuthor?: boolean;
}

export const articleSteps: readonly Step[] = [
  { from: 'draft', action: 'submit', to: 'in_review', right: 'article.write' },
  { from: 'in_review', action: 'approve', to: 'published', right: 'article.review', notAuthor: true },
  { from: 'in_review', action: 'reject', to: 'draft', right: 'article.review' },
  { from: 'published', action: 'withdraw', to: 'withdrawn', right: 'article.review' },
  { from: 'withdrawn', action: 'reopen', to: 'draft', right: 'article.write' },
];

export type ArticleRefusal = 'wrong_state' | 'no_right' | 'own_article';

export interface ArticleStepCheck {
  state: ArticleState;
  action: ArticleAction;
  rights: readonly ArticleRight[];
  isAuthor: boolean;
}

/** The next state, or why the step is refused. */
export function articleStep(c: ArticleStepCheck): { ok: true; to: ArticleState } | { ok: false; refusal: ArticleRefusal } {
  const step = articleSteps.find((s) => s.from === c.state && s.action === c.action);
  if (!step) return { ok: false, refusal: 'wrong_state' };
  if (!c.rights.includes(step.right)) return { ok: false, refusal: 'no_right' };
  if (step.notAuthor && c.isAuthor) return { ok: false, refusal: 'own_article' };
  return { ok: true, to: step.to };
}

/** Actions open to a caller, for the `abilities` the console shows as buttons. */
export function articleActions(state: ArticleState, rights: readonly ArticleRight[], isAuthor: boolean): ArticleAction[] {
  return articleSteps.filter((s) => articleStep({ state, action: s.action, rights, isAuthor }).ok).map((s) => s.action);
}

/** Only drafts are edited; a published article is withdrawn and reopened first, so readers never see unreviewed text. */
export function articleEditable(state: ArticleState): boolean {
  return state === 'draft';
}
