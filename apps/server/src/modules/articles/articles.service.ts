import { articleEditable, articleStep, type ArticleAction, type ArticleState } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor, type Scope } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/db.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { rightsAt } from './articles.presenter.ts';
import { insertArticle, lockArticle, saveVersion, updateArticle } from './articles.repository.ts';
import { htmlToText, sanitizeArticleHtml } from './articles.sanitize.ts';
import { metaByKind, type CreateInput, type UpdateInput } from './articles.schemas.ts';
import { caseDeidentification } from './articles.case-pii.ts';
import { indexArticle } from '../search/search.index.ts';

/** Article use cases: one transaction each, with the audit entry and the saved version in it. */

/** Where the actor may reach articles at all (write or review). */
export function articleScope(actor: Actor): Scope {
  const paths = [...scopeFor(actor, 'article.write').paths, ...scopeFor(actor, 'article.review').paths];
  return { paths: paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q + '.'))) } as unknown as Scope;
}

const audit = (id: string, path: string) => ({ objectType: 'article', objectId: id, institutionPath: path });

async function regionExists(tx: Tx, code: string | null) {
  if (!code) return;
  const r = await tx.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  if (!r) throw new AppError(422, 'unknown_region', '行政区划代码不存在', 'Unknown region code', 'regionCode');
}

function body(input: Pick<CreateInput, 'bodyHtml'>) {
  const html = sanitizeArticleHtml(input.bodyHtml);
  return { body_html: html, body_text: htmlToText(html) };
}

export async function createArticle(deps: Deps, actor: Actor, input: CreateInput, ctx: AuditContext, extra: { sourceCaseId?: string; replacements?: unknown[] } = {}) {
  return deps.db.transaction().execute(async (tx) => {
    const inst = await tx.selectFrom('institutions').select(['id', 'path', 'status']).where('id', '=', input.institutionId).executeTakeFirst();
    // Outside the caller's subtree the institution does not exist for them (404, as everywhere).
    if (!inst || !can(actor, 'article.write', { institutionPath: inst.path })) throw NotFound('institution', '机构');
    await regionExists(tx, input.regionCode);
    const now = deps.clock.now();
    const { id } = await insertArticle(tx, {
      institution_id: inst.id, institution_path: inst.path, kind: input.kind, title: input.title, summary: input.summary, ...body(input),
      tags: input.tags, ip_types: input.ipTypes, region_code: input.regionCode, meta: JSON.stringify(input.meta), author_id: actor.userId,
      reviewer_id: null, review_note: null, source_case_id: extra.sourceCaseId ?? null,
      replacements: extra.replacements ? JSON.stringify(extra.replacements) : null, published_at: null, withdrawn_at: null, created_at: now, updated_at: now,
    });
    await saveVersion(tx, id, actor.userId, now);
    await recordAudit(tx, ctx, { action: 'article.create', ...audit(id, inst.path), detail: { kind: input.kind, fromCase: !!extra.sourceCaseId } });
    return id;
  });
}

export async function editArticle(deps: Deps, actor: Actor, id: string, input: UpdateInput, ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await lockArticle(tx, articleScope(actor), id);
    if (!a) throw NotFound('article', '文章');
    if (!rightsAt(actor, a.path).includes('article.write')) throw new AppError(403, 'forbidden', '无权修改文章', 'You may not edit articles');
    if (!articleEditable(a.state as ArticleState)) {
      throw new AppError(409, 'not_editable', '只有草稿可以修改，已发布的文章请先撤回', 'Only drafts can be edited; withdraw a published article first', 'state');
    }
    if (a.version !== input.expectedVersion) {
      throw new AppError(409, 'version_conflict', '文章已被他人修改，请刷新后再保存', 'The article was changed by someone else; reload and save again', 'expectedVersion');
    }
    const meta = metaByKind[a.kind as keyof typeof metaByKind].safeParse(input.meta);
    if (!meta.success) {
      const i = meta.error.issues[0];
      throw new AppError(422, 'invalid', `字段 meta.${i.path.join('.')} 不正确`, `Invalid field meta.${i.path.join('.')}: ${i.message}`, `meta.${i.path.join('.')}`);
    }
    await regionExists(tx, input.regionCode);
    const now = deps.clock.now();
    await updateArticle(tx, id, {
      title: input.title, summary: input.summary, ...body(input), tags: input.tags, ip_types: input.ipTypes, region_code: input.regionCode,
      meta: JSON.stringify(meta.data), version: a.version + 1, updated_at: now,
    });
    await saveVersion(tx, id, actor.userId, now);
    await recordAudit(tx, ctx, { action: 'article.update', ...audit(id, a.path), detail: { version: a.version + 1 } });
  });
}

const refusalText = {
  wrong_state: ['当前状态下不能执行此操作', 'This step is not possible in the current state', 409],
  no_right: ['无权执行此操作', 'You may not take this step', 403],
  own_article: ['不能审核发布自己撰写的文章', 'You may not approve an article you wrote', 403],
} as const;

export async function transitionArticle(deps: Deps, actor: Actor, id: string, action: ArticleAction, note: string | undefined, ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const a = await lockArticle(tx, articleScope(actor), id);
    if (!a) throw NotFound('article', '文章');
    const r = articleStep({ state: a.state as ArticleState, action, rights: rightsAt(actor, a.path), isAuthor: a.author_id === actor.userId });
    if (!r.ok) {
      const [zh, en, status] = refusalText[r.refusal];
      throw new AppError(status, r.refusal, zh, en, 'action');
    }
    if (a.source_case_id && (action === 'submit' || action === 'approve')) {
      const left = await caseDeidentification(tx, deps.secrets, a.source_case_id, [a.title, a.summary, a.body_text]);
      if (left.replacements.length > 0) {
        throw new AppError(422, 'personal_data_left', `正文仍含当事人信息（${left.replacements.map((x) => x.shown).join('、')}），请先去除`,
          `The text still holds personal data of the parties (${left.replacements.length} items); remove it first`, 'bodyHtml',
          { replacements: left.replacements });
      }
    }
    const now = deps.clock.now();
    await updateArticle(tx, id, {
      state: r.to, updated_at: now,
      ...(action === 'approve' ? { published_at: now, withdrawn_at: null, reviewer_id: actor.userId } : {}),
      ...(action === 'withdraw' ? { withdrawn_at: now } : {}),
      ...(action === 'reject' || action === 'approve' ? { review_note: note ?? null, reviewer_id: actor.userId } : {}),
    });
    await indexArticle(tx, id);
    await recordAudit(tx, ctx, { action: `article.${action}`, ...audit(id, a.path), detail: { from: a.state, to: r.to } });
  });
}
