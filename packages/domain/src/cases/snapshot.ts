import type { CasePermission } from './permissions.ts';
import type { CaseState } from './states.ts';

export type Track = 'fast' | 'standard';

/** What the rules need to know about a case: the server loads it from the case row. */
export interface CaseSnapshot {
  readonly state: CaseState;
  readonly institutionId: string;
  /** The applicant's user id; null for a case registered at the desk for someone without an account. */
  readonly applicantId: string | null;
  readonly handlerId: string | null;
  /** Service codes (contracts `services`): 'consultation', 'infringement_opinion', … */
  readonly services: readonly string[];
  readonly track: Track;
  /** An infringement assessment opinion has been signed off by a reviewer (reset by rework or reopen). */
  readonly opinionSignedOff: boolean;
  /** Set while suspended: the state `resume` returns to. */
  readonly suspendedFrom: CaseState | null;
  readonly supplementFrom: CaseState | null;
  readonly transferredFrom: CaseState | null;
  readonly referredFrom: CaseState | null;
  /** Set while transferred: the receiving institution. */
  readonly transferTo: string | null;
}

export function newCaseSnapshot(init: {
  institutionId: string;
  applicantId: string | null;
  services?: readonly string[];
  track?: Track;
  state?: CaseState;
}): CaseSnapshot {
  return {
    state: init.state ?? 'draft',
    institutionId: init.institutionId,
    applicantId: init.applicantId,
    handlerId: null,
    services: init.services ?? [],
    track: init.track ?? 'standard',
    opinionSignedOff: false,
    suspendedFrom: null,
    supplementFrom: null,
    transferredFrom: null,
    referredFrom: null,
    transferTo: null,
  };
}

/**
 * Who acts. `permissions` are the case permissions the server found the actor to hold for this
 * action: over the case's institution, or, for the events the table marks `at: 'transferTarget'`,
 * over the receiving institution.
 */
export interface CaseActor {
  readonly userId: string;
  readonly kind: 'applicant' | 'staff';
  readonly permissions: readonly CasePermission[];
}

/** Outside bodies a case can be referred to (转办). */
export const referralBodies = [
  { value: 'administrative_enforcement', zh: '行政执法部门', en: 'Administrative enforcement' },
  { value: 'administrative_adjudication', zh: '行政裁决', en: 'Administrative adjudication' },
  { value: 'court', zh: '人民法院', en: 'Court' },
  { value: 'arbitration', zh: '仲裁机构', en: 'Arbitration' },
  { value: 'mediation_committee', zh: '人民调解委员会', en: 'Mediation committee' },
  { value: 'hotline_12315', zh: '12315 热线', en: '12315 hotline' },
  { value: 'ecommerce_platform', zh: '电商平台', en: 'E-commerce platform' },
] as const;
export type ReferralBody = (typeof referralBodies)[number]['value'];

/** What an event carries; each guard names the fields it needs. */
export interface CasePayload {
  readonly reason?: string;
  readonly handlerId?: string;
  readonly track?: Track;
  readonly toInstitutionId?: string;
  readonly result?: string;
  readonly comments?: string;
  readonly body?: string;
  readonly feedback?: string;
  readonly note?: string;
  readonly attachmentCount?: number;
}
