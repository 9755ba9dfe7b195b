/** Shapes of the applicant-side API (docs/api-cases.md, "Portal (applicant)"). */
export interface Bi {
  zh: string;
  en: string;
}

export interface RateInfo {
  caseNumber: string;
  institution: { id?: string; name: string } | string | null;
  concludedAt: string | null;
  rated: boolean;
  score: number | null;
  expiresAt: string | null;
}

export interface Deadline {
  kind: string;
  status: string;
  explanation?: string | Bi | null;
}

export interface PortalNext extends Bi {
  due: string | null;
  deadline: Deadline | null;
}

export interface PortalCaseRow {
  id: string;
  caseNumber: string;
  state: { value: string } & Bi;
  /** The list sends the institution's name; the case view sends `{ id, name }`. */
  institution: { id: string; name: string } | string | null;
  ipType: string | null;
  services: string[];
  submittedAt: string | null;
}

export interface PortalMessage {
  seq: number;
  at: string;
  event: string;
  label: string | Bi;
  to?: string | null;
  text?: string | null;
  kind: 'event' | 'supplement_request';
}

export interface PortalDocument {
  /** The issued document (both formats download from it). */
  id: string;
  kind: string;
  docNumber: string;
  name: string;
  issuedAt: string | null;
}

export interface PortalEvidence {
  id: string;
  name: string;
  sizeBytes: number;
  sha256: string;
  purpose: string;
  addedAt: string;
}

export interface PortalCase extends Omit<PortalCaseRow, 'institution'> {
  institution: { id: string; name: string };
  next: PortalNext | null;
  channel: string;
  transferTo?: { id: string; name: string } | null;
  ipType: string | null;
  ipNumber: string | null;
  services: string[];
  overseas: boolean;
  country: string | null;
  field: string | null;
  regionCode: string | null;
  summary: string | null;
  request: string | null;
  result: string | null;
  acceptedAt: string | null;
  concludedAt: string | null;
  supplementRequest: { at: string; text: string } | null;
  messages: PortalMessage[];
  documents: PortalDocument[];
  evidence: PortalEvidence[];
  rated: boolean;
  abilities: { withdraw: boolean; supplement: boolean };
}

export const instName = (i: { name: string } | string | null | undefined) => (typeof i === 'string' ? i : i?.name ?? '—');
