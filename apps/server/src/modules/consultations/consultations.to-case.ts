import type { CaseChannel, Service } from '@yuanzhi/contracts';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { insertDraft } from '../cases/cases.register.ts';
import { lockCase } from '../cases/cases.repository.ts';
import type { PartyIn, RegisterInput } from '../cases/cases.schemas.ts';
import { transitionLocked } from '../cases/cases.transition.ts';
import { consultationFor, type ConsultationRow } from './consultations.access.ts';

const channelToCase: Record<string, CaseChannel> = {
  hotline: 'hotline', walk_in: 'walk_in', email: 'email', online: 'online', exhibition: 'exhibition', mini_program: 'online', other: 'other',
};
const topicServices: Record<string, Service[]> = {
  dispute: ['infringement_opinion', 'mediation'], evidence: ['infringement_opinion'], overseas: ['overseas_guidance'],
};

/** The applicant party carried over from the asker: kind, name, size and the contact (decrypted only here). */
function applicantOf(deps: Deps, c: ConsultationRow, name: string | undefined): PartyIn {
  const contact = c.asker_contact_enc ? deps.secrets.decrypt(c.asker_contact_enc) : undefined;
  const kind = c.asker_kind === 'unknown' ? 'natural_person' : (c.asker_kind as PartyIn['kind']);
  return {
    kind, name: name ?? c.asker_name ?? '咨询人', enterpriseTags: [],
    ...(kind !== 'natural_person' && c.enterprise_size ? { enterpriseSize: c.enterprise_size as PartyIn['enterpriseSize'] } : {}),
    ...(contact ? (contact.includes('@') ? { email: contact } : { phone: contact }) : {}),
  };
}

/**
 * One click: the consultation becomes a case at the same institution, submitted at once like a desk
 * registration (number, acceptance deadline). The case records its consultation; the portal asker
 * owns the case in the portal. A consultation becomes at most one case.
 */
export async function consultationToCase(
  deps: Deps, actor: Actor, consultationId: string, opts: { services?: Service[] | undefined; applicantName?: string | undefined }, ctx: AuditContext,
) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await consultationFor(tx, actor, consultationId, 'consultation.read', true);
    if (c.case_id) throw Conflict('already_a_case', '该咨询已转为案件', 'This consultation is already a case', 'caseId');
    if (!c.ip_type) throw new AppError(422, 'invalid', '转为案件前请先填写知识产权类型', 'Set the IP type before turning it into a case', 'ipType');
    const inst = await tx.selectFrom('institutions').select(['id', (eb) => eb.cast<string>('path', 'text').as('path')])
      .where('id', '=', c.institution_id).executeTakeFirstOrThrow();
    const input: RegisterInput = {
      channel: channelToCase[c.channel] ?? 'other', applicant: applicantOf(deps, c, opts.applicantName), opposingParties: [],
      ipType: c.ip_type as RegisterInput['ipType'], services: opts.services ?? topicServices[c.topic] ?? ['consultation'],
      overseas: c.topic === 'overseas', ...(c.region_code ? { regionCode: c.region_code } : {}),
      summary: c.question, request: c.answer ? `咨询答复：${c.answer}`.slice(0, 2000) : '', evidenceIds: [],
    };
    const caseId = await insertDraft(tx, deps, inst, input, { applicantUserId: c.asker_user_id, createdBy: actor.userId });
    await tx.updateTable('cases').set({ consultation_id: c.id }).where('id', '=', caseId).execute();
    const row = (await lockCase(tx, caseId))!;
    const r = await transitionLocked(tx, deps, actor, row, 'submit', {}, ctx);
    await tx.updateTable('consultations').set({ case_id: caseId, updated_at: deps.clock.now() }).where('id', '=', c.id).execute();
    await recordAudit(tx, ctx, {
      action: 'consultation.to_case', objectType: 'consultation', objectId: c.id, institutionId: c.institution_id,
      institutionPath: c.institution_path, detail: { caseId },
    });
    return { caseId, effects: r.effects };
  });
}
