import { consultationTopics, labelOf } from '@yuanzhi/contracts';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { paragraphs } from '../articles/articles.sanitize.ts';
import { createArticle } from '../articles/articles.service.ts';

/**
 * An approved featured Q&A proposal becomes a draft Article of kind 'qa' at the consultation's institution; the
 * article then goes through the publishing review like any other. One article per proposal.
 */
export async function draftQaArticle(deps: Deps, actor: Actor, proposalId: string, ctx: AuditContext) {
  const p = await deps.db.selectFrom('qa_proposals as p').innerJoin('consultations as c', 'c.id', 'p.consultation_id')
    .select(['p.id', 'p.status', 'p.article_id', 'p.question', 'p.answer', 'p.ip_type', 'p.topic', 'p.institution_path', 'c.institution_id', 'c.region_code'])
    .where('p.id', '=', proposalId).executeTakeFirst();
  if (!p || !can(actor, 'article.write', { institutionPath: p.institution_path })) throw NotFound('proposal', '推荐问答');
  if (p.status !== 'approved') throw Conflict('not_approved', '只有审核通过的推荐可以编为优秀问答', 'Only an approved proposal can become a featured Q&A', 'status');
  if (p.article_id) throw Conflict('already_drafted', '该推荐已编为文章', 'This proposal already has an article', 'articleId');
  const topic = p.topic ? labelOf(consultationTopics, p.topic) : '知识产权';
  const title = p.question.length > 40 ? `${p.question.slice(0, 38)}…` : p.question;
  const id = await createArticle(deps, actor, {
    institutionId: p.institution_id, kind: 'qa', title, summary: p.answer.slice(0, 120),
    bodyHtml: `<h3>问</h3>${paragraphs([p.question])}<h3>答</h3>${paragraphs([p.answer])}`,
    tags: [topic, '优秀问答'], ipTypes: p.ip_type ? [p.ip_type as never] : [], regionCode: p.region_code ?? null,
    meta: { question: p.question.slice(0, 1000) },
  }, ctx);
  await deps.db.updateTable('qa_proposals').set({ article_id: id }).where('id', '=', p.id).where('article_id', 'is', null).execute();
  return { articleId: id };
}
