import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { ExpertInterestRow, ExpertQualificationRow } from '../../platform/tables.ts';
import type { ExpertRow } from './experts.repository.ts';

/** Row → API shape. Personal data leaves masked only; the ID number is never sent back. */
export function presentExpert(r: ExpertRow, today: string) {
  const quals = (r.qualifications as ExpertQualificationRow[]).map((q) => ({
    name: q.name, number: q.number ?? null, expiresOn: q.expiresOn ?? null, expired: !!q.expiresOn && q.expiresOn < today,
  }));
  return {
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    userId: r.user_id,
    name: r.name,
    employer: r.employer,
    employerCreditCode: r.employer_credit_code,
    title: r.title,
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    email: r.email,
    kinds: r.kinds,
    ipc: r.ipc,
    industries: r.industries,
    ipTypes: r.ip_types,
    services: r.services,
    regions: r.regions,
    languages: r.languages,
    jurisdictions: r.jurisdictions,
    availability: r.availability,
    maxOpen: r.max_open,
    interests: (r.interests as ExpertInterestRow[]).map((i) => ({ kind: i.kind, name: i.name, creditCode: i.creditCode ?? null })),
    qualifications: quals,
    notes: r.notes,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
export type Expert = ReturnType<typeof presentExpert>;

export function expertAbilities(actor: Actor, r: ExpertRow) {
  const own = { institutionPath: r.institution_path };
  return { edit: can(actor, 'expert.manage', own) };
}
