import type { CaseEffect } from '@yuanzhi/domain';
import type { Deps } from '../../platform/deps.ts';

/**
 * The effects of a transition (the domain's table), as a report the API returns. Carried out now:
 * deadlines (recomputed in the transaction) and notices to the applicant (outbox, after commit).
 * Not yet: documents (the documents engineer hooks in at the `todo` markers) and in-app notices to staff.
 */
export type EffectReport =
  | { type: 'notify'; to: string; template: string; status: 'sent' | 'no_contact' | 'todo' | 'failed' }
  | { type: 'document'; document: string; status: 'todo' | 'queued'; documentId?: string; docNumber?: string }
  | { type: 'deadline'; action: string; kind?: string; status: 'done' };

export function plannedEffects(effects: readonly CaseEffect[]): EffectReport[] {
  return effects.map((e): EffectReport => {
    if ('notify' in e) return { type: 'notify', to: e.notify, template: e.template, status: 'todo' };
    if ('document' in e) return { type: 'document', document: e.document, status: 'todo' }; // queued by case-documents.ts
    return { type: 'deadline', action: e.deadline, ...('kind' in e ? { kind: e.kind } : {}), status: 'done' };
  });
}

/** Short notices to the applicant, by template; `{n}` is the case number. No personal data. */
export const applicantNotices: Record<string, string> = {
  received: '您的维权援助申请已登记，案件编号 {n}。我们将在规定时限内作出是否受理的决定。',
  supplement_requested: '您的案件 {n} 需要补正材料，请登录平台查看补正要求并按时提交。',
  accepted: '您的案件 {n} 已受理，我们将尽快安排承办人办理。',
  declined: '您的案件 {n} 经审查不予受理，理由请登录平台查看。',
  in_progress: '您的案件 {n} 已开始办理。',
  concluded: '您的案件 {n} 已办结，欢迎登录平台查看办理结果并对服务进行评价。',
  reopened: '您的案件 {n} 已重新办理。',
  transferred: '您的案件 {n} 已移交其他维权援助机构办理，请登录平台查看详情。',
  referred: '您的案件 {n} 已转有关部门处理，我们将跟踪反馈情况。',
  suspended: '您的案件 {n} 已中止办理，原因请登录平台查看。',
  resumed: '您的案件 {n} 已恢复办理。',
};

/** Send what can be sent now; a failed notice never undoes the committed transition. */
export async function carryOut(deps: Deps, caseId: string, effects: EffectReport[]): Promise<EffectReport[]> {
  const out: EffectReport[] = [];
  for (const e of effects) {
    if (e.type !== 'notify' || e.to !== 'applicant' || !applicantNotices[e.template]) {
      out.push(e); // TODO(notifications): in-app notices to staff (handler, reviewers, intake, institutions)
      continue;
    }
    out.push({ ...e, status: await notifyApplicant(deps, caseId, e.template) });
  }
  return out;
}

async function notifyApplicant(deps: Deps, caseId: string, template: string): Promise<'sent' | 'no_contact' | 'failed'> {
  const c = await deps.db
    .selectFrom('cases as c')
    .leftJoin('case_parties as p', (j) => j.onRef('p.case_id', '=', 'c.id').on('p.role', '=', 'applicant'))
    .leftJoin('users as u', 'u.id', 'c.applicant_user_id')
    .select(['c.case_number', 'p.email', 'p.phone_enc', 'u.email as user_email'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c?.case_number) return 'no_contact';
  const body = applicantNotices[template].replace('{n}', c.case_number);
  const subject = `【知识产权维权援助】案件 ${c.case_number}`;
  const email = c.email ?? c.user_email;
  try {
    if (email) await deps.notifier.send({ channel: 'email', to: email, subject, body });
    else if (c.phone_enc) await deps.notifier.send({ channel: 'sms', to: deps.secrets.decrypt(c.phone_enc), subject, body });
    else return 'no_contact';
    return 'sent';
  } catch {
    return 'failed';
  }
}
