import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { consultationFor } from './consultations.access.ts';
import { threadOf, type ListRow } from './consultations.repository.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function presentListRow(r: ListRow) {
  return {
    id: r.id, channel: r.channel, askerKind: r.asker_kind, enterpriseSize: r.enterprise_size,
    region: r.region_code ? { code: r.region_code, name: r.region_name ?? '' } : null, ipType: r.ip_type, topic: r.topic,
    question: r.question, answer: r.answer, status: r.status, minutesSpent: r.minutes_spent, askerName: r.asker_name,
    askerContactMasked: r.asker_contact_masked, online: r.online, institution: { id: r.institution_id, name: r.institution_name },
    staffName: r.staff_name, case: r.case_id ? { id: r.case_id, caseNumber: r.case_number } : null,
    askedAt: iso(r.asked_at)!, answeredAt: iso(r.answered_at),
  };
}

/** One consultation for staff: the facts, the masked contact, the thread, and what the caller may do. */
export async function consultationView(deps: Deps, actor: Actor, id: string) {
  const c = await consultationFor(deps.db, actor, id, 'consultation.read');
  const [inst, staff, kase, thread, pending] = await Promise.all([
    deps.db.selectFrom('institutions').select('name').where('id', '=', c.institution_id).executeTakeFirstOrThrow(),
    c.staff_id ? deps.db.selectFrom('users').select('display_name').where('id', '=', c.staff_id).executeTakeFirst() : undefined,
    c.case_id ? deps.db.selectFrom('cases').select('case_number').where('id', '=', c.case_id).executeTakeFirst() : undefined,
    threadOf(deps.db, c.id),
    deps.db.selectFrom('qa_proposals').select(['id', 'status']).where('consultation_id', '=', c.id).orderBy('proposed_at', 'desc').executeTakeFirst(),
  ]);
  const at = { institutionPath: c.institution_path };
  return {
    data: {
      id: c.id, channel: c.channel, askerKind: c.asker_kind, enterpriseSize: c.enterprise_size, regionCode: c.region_code,
      ipType: c.ip_type, topic: c.topic, question: c.question, answer: c.answer, status: c.status, minutesSpent: c.minutes_spent,
      askerName: c.asker_name, askerContactMasked: c.asker_contact_masked, online: c.asker_user_id !== null,
      institution: { id: c.institution_id, name: inst.name }, staffName: staff?.display_name ?? null,
      case: c.case_id ? { id: c.case_id, caseNumber: kase?.case_number ?? null } : null,
      qaProposal: pending ? { id: pending.id, status: pending.status } : null,
      askedAt: iso(c.asked_at)!, answeredAt: iso(c.answered_at),
      messages: thread.map((m) => ({ id: m.id, author: m.author, authorName: m.author === 'staff' ? m.author_name : null, body: m.body, at: iso(m.created_at)! })),
    },
    abilities: {
      answer: can(actor, 'consultation.record', at),
      toCase: c.case_id === null && can(actor, 'case.submit', at),
      propose: c.status === 'answered' && pending?.status !== 'proposed' && can(actor, 'consultation.record', at),
    },
  };
}
