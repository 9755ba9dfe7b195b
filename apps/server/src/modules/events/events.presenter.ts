import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { ScreeningFinding } from '../../platform/tables.ts';
import type { ComplaintRow, EventRow } from './events.repository.ts';

/** Rows → API shapes. The complainant's contact data stays in the case (encrypted); only the name is shown here. */
export function presentEvent(r: EventRow, today: string) {
  return {
    id: r.id, institutionId: r.institution_id, institutionName: r.institution_name, name: r.name, kind: r.kind, venue: r.venue,
    startsOn: r.starts_on, endsOn: r.ends_on, organiser: r.organiser, expectedExhibitors: r.expected_exhibitors, preTraining: r.pre_training,
    notes: r.notes, version: r.version, complaintCount: r.complaints,
    phase: today < r.starts_on ? 'before' : today > r.ends_on ? 'after' : 'during',
  };
}

export function presentComplaint(c: ComplaintRow) {
  return {
    id: c.id, caseId: c.case_id, caseNumber: c.case_number, caseState: c.state, track: c.track, booth: c.booth, complainant: c.complainant,
    respondent: c.respondent, ipType: c.ip_type, ipNumber: c.ip_number, takenOn: c.taken_on, due: c.due,
    notice: c.notified_at ? { at: c.notified_at.toISOString(), method: c.notice_method, note: c.notice_note } : null,
    outcome: c.outcome ? { outcome: c.outcome, note: c.outcome_note, at: c.outcome_at?.toISOString() ?? null } : null,
  };
}

export const presentScreening = (s: { id: string; screened_on: string; scope: string; findings: ScreeningFinding[]; conclusion: string; created_at: Date }) => ({
  id: s.id, screenedOn: s.screened_on, scope: s.scope, findings: s.findings, conclusion: s.conclusion, createdAt: s.created_at.toISOString(),
});

export function eventAbilities(actor: Actor, r: EventRow) {
  const own = { institutionPath: r.institution_path };
  return { edit: can(actor, 'event.manage', own), desk: can(actor, 'event.desk', own) };
}
