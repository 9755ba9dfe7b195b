import { maskEmail, maskPhone } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Secrets } from '../../platform/secrets.ts';
import { Invalid } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { notifyFromTemplate } from '../notifications/notifications.service.ts';
import { consultationFor, deskInstitution } from './consultations.access.ts';
import type { RecordInput } from './consultations.schemas.ts';
import { indexConsultation } from '../search/search.index.ts';

/** The asker's contact as stored: encrypted, with a masked copy for lists and screens. */
export function sealContact(secrets: Secrets, contact: string | undefined) {
  if (!contact) return { asker_contact_enc: null, asker_contact_masked: null };
  const v = contact.includes('@') ? contact.toLowerCase() : contact.replace(/[\s()-]/g, '');
  return { asker_contact_enc: secrets.encrypt(v), asker_contact_masked: v.includes('@') ? maskEmail(v) : maskPhone(v) };
}

/** The desk records a consultation (answered at once when the answer is given), with its first messages. */
export async function recordConsultation(deps: Deps, actor: Actor, input: RecordInput, ctx: AuditContext): Promise<string> {
  const now = deps.clock.now();
  const askedAt = input.askedAt ? new Date(input.askedAt) : now;
  if (askedAt.getTime() > now.getTime() + 60_000) throw Invalid('askedAt', '咨询时间不能晚于现在', 'The time of the consultation cannot be in the future');
  return deps.db.transaction().execute(async (tx) => {
    const inst = await deskInstitution(tx, actor, input.institutionId, 'consultation.record');
    const answered = input.answer !== undefined;
    const row = await tx
      .insertInto('consultations')
      .values({
        institution_id: inst.id, institution_path: inst.path, channel: input.channel, asker_kind: input.askerKind,
        enterprise_size: input.enterpriseSize ?? null, region_code: input.regionCode ?? null, ip_type: input.ipType ?? null,
        topic: input.topic, question: input.question, answer: input.answer ?? null, status: answered ? 'answered' : 'open',
        minutes_spent: input.minutesSpent ?? null, asker_name: input.askerName ?? null, ...sealContact(deps.secrets, input.askerContact),
        asker_user_id: null, staff_id: actor.userId, case_id: null, asked_at: askedAt, answered_at: answered ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('consultation_messages').values([
      { consultation_id: row.id, author: 'asker', author_id: null, body: input.question, created_at: askedAt },
      ...(answered ? [{ consultation_id: row.id, author: 'staff' as const, author_id: actor.userId, body: input.answer!, created_at: now }] : []),
    ]).execute();
    await indexConsultation(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'consultation.record', objectType: 'consultation', objectId: row.id, institutionId: inst.id, institutionPath: inst.path,
      detail: { channel: input.channel, topic: input.topic, answered },
    });
    return row.id;
  });
}

/** Staff answer (or answer again after a follow-up); the portal asker is notified in-app and by e-mail. */
export async function answerConsultation(
  deps: Deps, actor: Actor, consultationId: string, input: { answer: string; minutesSpent?: number | undefined }, ctx: AuditContext,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const c = await consultationFor(tx, actor, consultationId, 'consultation.record', true);
    await tx.insertInto('consultation_messages')
      .values({ consultation_id: c.id, author: 'staff', author_id: actor.userId, body: input.answer, created_at: now }).execute();
    await tx.updateTable('consultations').set({
      answer: input.answer, status: 'answered', answered_at: now, staff_id: actor.userId, updated_at: now,
      minutes_spent: input.minutesSpent !== undefined ? (c.minutes_spent ?? 0) + input.minutesSpent : c.minutes_spent,
    }).where('id', '=', c.id).execute();
    await indexConsultation(tx, c.id);
    if (c.asker_user_id) {
      await notifyFromTemplate(deps, tx, {
        userIds: [c.asker_user_id], kind: 'consultation_answered', link: `/my/consultations/${c.id}`, email: true,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'consultation.answer', objectType: 'consultation', objectId: c.id, institutionId: c.institution_id,
      institutionPath: c.institution_path, detail: { online: c.asker_user_id !== null },
    });
  });
}
