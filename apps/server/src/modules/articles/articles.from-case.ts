import { caseFields, ipTypes, labelOf } from '@yuanzhi/contracts';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, scopeFor } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import { caseDeidentification } from './articles.case-pii.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { paragraphs } from './articles.sanitize.ts';
import { createArticle } from './articles.service.ts';

/** A closed case can become a case study; open cases cannot (their facts may still change). */
const CLOSED = ['concluded', 'archived'];

/**
 * Propose a de-identified case study from a closed case: a draft article whose text has the parties'
 * names, numbers and addresses replaced, with the list of replacements for the editor to check.
 */
export async function proposeCaseStudy(deps: Deps, actor: Actor, caseId: string, ctx: AuditContext) {
  const c = await deps.db
    .selectFrom('cases')
    .select(['id', 'state', 'institution_id', 'institution_path', 'ip_type', 'field', 'summary', 'request', 'result', 'region_code', 'overseas', 'country'])
    .where('id', '=', caseId)
    .where(inScope(scopeFor(actor, 'case.read'), 'institution_path'))
    .executeTakeFirst();
  if (!c || !can(actor, 'article.write', { institutionPath: c.institution_path })) throw NotFound('case', '案件');
  if (!CLOSED.includes(c.state)) {
    throw new AppError(422, 'case_not_closed', '只有已办结或已归档的案件可以编为案例', 'Only a concluded or archived case can become a case study', 'caseId');
  }
  const ip = c.ip_type ? labelOf(ipTypes, c.ip_type) : '知识产权';
  const field = c.field ? labelOf(caseFields, c.field) : '';
  const parties = await deps.db.selectFrom('case_parties').select(['role', 'name']).where('case_id', '=', caseId).where('role', '!=', 'agent').orderBy('position').execute();
  const roleZh = { applicant: '申请人', opposing: '被申请人', agent: '代理人' } as const;
  const sections: [string, string][] = [
    ['基本案情', c.summary], ['当事人', parties.map((p) => `${roleZh[p.role]}：${p.name}`).join('\n')], ['援助请求', c.request], ['处理结果', c.result ?? ''],
  ];
  const { texts, replacements } = await caseDeidentification(deps.db, deps.secrets, caseId, sections.map(([, t]) => t));
  const bodyHtml = sections.map(([h], i) => (texts[i].trim() ? `<h3>${h}</h3>${paragraphs([texts[i]])}` : '')).join('');
  const outcome = texts[3].trim().slice(0, 200) || '已办结';
  const id = await createArticle(deps, actor, {
    institutionId: c.institution_id, kind: 'case_study', title: `${field ? `${field}领域` : ''}${ip}纠纷维权援助案例`,
    summary: texts[0].slice(0, 120), bodyHtml, tags: [ip, '维权援助'], ipTypes: c.ip_type ? [c.ip_type as never] : [],
    regionCode: c.region_code, meta: { origin: c.overseas ? 'foreign' : 'domestic', field: field || undefined, outcome, country: c.country ?? undefined },
  }, ctx, { sourceCaseId: caseId, replacements });
  return { id, replacements };
}
