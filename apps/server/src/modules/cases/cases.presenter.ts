import { availableEvents, caseEventLabels, caseStateLabels, findTransition, isCaseEvent, maskEmail, type CaseEvent, type CaseState } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { caseActorFor, canOnCase } from './cases.access.ts';
import type { StoredDeadline } from './cases.deadlines.ts';
import type { CaseRow, EventRow, PartyRow } from './cases.repository.ts';
import { snapshotOf } from './cases.transition.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
export const stateOut = (s: string) => ({ value: s, ...pick(caseStateLabels[s as CaseState]) });
const pick = (l: { zh: string; en: string } | undefined) => ({ zh: l?.zh ?? '', en: l?.en ?? '' });

/** A party as lists and the case page show it: personal data masked (revealed only through the audited route). */
export function presentParty(p: PartyRow) {
  return {
    id: p.id, role: p.role, kind: p.kind, name: p.name, creditCode: p.credit_code, idNumberMasked: p.id_number_masked,
    phoneMasked: p.phone_masked, emailMasked: p.email ? maskEmail(p.email) : null, addressMasked: p.address_masked,
    enterpriseSize: p.enterprise_size, enterpriseTags: p.enterprise_tags, country: p.country,
  };
}

export interface CaseNames {
  institution: Map<string, string>;
  user: Map<string, string>;
}

export function presentCase(c: CaseRow, parties: PartyRow[], deadlines: StoredDeadline[], names: CaseNames) {
  const ref = (m: Map<string, string>, id: string | null) => (id ? { id, name: m.get(id) ?? '' } : null);
  return {
    id: c.id, caseNumber: c.case_number, state: stateOut(c.state), track: c.track, channel: c.channel,
    institution: ref(names.institution, c.institution_id)!, transferTo: ref(names.institution, c.transfer_to_id),
    handler: ref(names.user, c.handler_id), applicantUserId: c.applicant_user_id,
    parties: parties.map(presentParty), applicantKind: c.applicant_kind, enterpriseSize: c.enterprise_size,
    enterpriseTags: c.enterprise_tags, ipType: c.ip_type, ipNumber: c.ip_number, services: c.services, overseas: c.overseas,
    country: c.country, field: c.field, regionCode: c.region_code, summary: c.summary, request: c.request, result: c.result,
    referralBody: c.referral_body, opinionSignedOff: c.opinion_signed_off, submittedAt: iso(c.submitted_at),
    acceptedAt: iso(c.accepted_at), concludedAt: iso(c.concluded_at), archivedAt: iso(c.archived_at), version: c.version,
    createdAt: iso(c.created_at)!, updatedAt: iso(c.updated_at)!, deadlines,
  };
}

/**
 * What the caller may do now: the events the table and the caller's permissions allow in this state
 * (guards such as "only the handler" are checked when the event is sent), and the working-file actions.
 */
export function caseAbilities(actor: Actor, c: CaseRow) {
  const snapshot = snapshotOf(c);
  const events = new Set<CaseEvent>();
  for (const e of Object.keys(caseEventLabels)) {
    if (!isCaseEvent(e) || !findTransition(snapshot.state, e)) continue;
    if (availableEvents(snapshot, caseActorFor(actor, c, e), [e]).length > 0) events.add(e);
  }
  const open = c.state !== 'archived';
  return {
    events: [...events],
    note: open && canOnCase(actor, 'case.note', c),
    revealPii: canOnCase(actor, 'case.pii.reveal', c),
  };
}

export function presentEvent(e: EventRow) {
  const label = isCaseEvent(e.event) ? caseEventLabels[e.event] : undefined;
  return {
    seq: e.seq, event: e.event, eventLabel: pick(label), from: e.from_state ? stateOut(e.from_state) : null,
    to: e.to_state ? stateOut(e.to_state) : null, actor: { id: e.actor_id, name: e.actor_name, role: e.actor_role },
    at: iso(e.at)!, reason: e.reason, payload: e.payload,
  };
}
