import { trainingActions, type TrainingState } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { Attendance, TrainingRow } from './trainings.repository.ts';

const none: Attendance = { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0 };

/** Row → the fields both the console and the portal show. */
export function presentTraining(r: TrainingRow, a: Attendance | undefined) {
  const att = a ?? none;
  return {
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    title: r.title,
    summary: r.summary,
    topics: r.topics,
    audience: r.audience,
    mode: r.mode,
    place: r.place,
    onlineUrl: r.online_url,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    organiser: r.organiser,
    coOrganisers: r.co_organisers,
    capacity: r.capacity,
    state: r.state,
    placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - att.confirmed),
    attendance: { registered: att.confirmed, waitlisted: att.waitlisted, checkedIn: att.checkedIn, headCount: r.head_count },
  };
}

/** Console only: the version for edits, the check-in link, and what the caller may do. */
export function presentStaffTraining(actor: Actor, r: TrainingRow, a: Attendance | undefined) {
  const manage = can(actor, 'training.manage', { institutionPath: r.institution_path });
  return {
    data: { ...presentTraining(r, a), version: r.version, checkinPath: `/trainings/checkin/${r.checkin_token}`, publishedAt: r.published_at?.toISOString() ?? null },
    abilities: {
      edit: manage && r.state !== 'closed',
      transitions: manage ? trainingActions(r.state as TrainingState) : [],
      checkIn: manage && (r.state === 'published' || r.state === 'held'),
      headCount: manage && r.state !== 'draft',
      materials: manage,
    },
  };
}
