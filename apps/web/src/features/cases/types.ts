import type { CaseEvent, CaseState } from '@yuanzhi/domain';

/** Shapes of the Cases API (docs/api-cases.md). */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface StateOut extends Bilingual {
  value: CaseState;
}

export interface Ref {
  id: string;
  name: string;
}

export interface CaseListItem {
  id: string;
  caseNumber: string;
  state: StateOut;
  track: 'fast' | 'standard';
  channel: string;
  institution: Ref;
  applicantName: string;
  applicantPhoneMasked: string | null;
  ipType: string;
  services: string[];
  handler: Ref | null;
  submittedAt: string | null;
  nextDue: string | null;
  overdue: boolean;
  summary: string;
}

export interface CaseDeadline {
  kind: string;
  due: string;
  warnOn: string;
  startedOn: string;
  workingDays: number;
  pausedWorkingDays: number;
  status: 'running' | 'paused' | 'met';
  metOn: string | null;
  late: boolean;
  provisional: boolean;
  rule: { id: string } & Bilingual;
  explanation: Bilingual;
}

export interface CaseParty {
  id: string;
  role: 'applicant' | 'opposing' | 'agent';
  kind: string;
  name: string;
  creditCode: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  emailMasked: string | null;
  addressMasked: string | null;
  enterpriseSize: string | null;
  enterpriseTags: string[];
  country: string | null;
}

export interface Case {
  id: string;
  caseNumber: string;
  state: StateOut;
  track: 'fast' | 'standard';
  channel: string;
  institution: Ref;
  transferTo: Ref | null;
  handler: Ref | null;
  parties: CaseParty[];
  ipType: string;
  ipNumber: string | null;
  services: string[];
  overseas: boolean;
  country: string | null;
  field: string | null;
  regionCode: string | null;
  summary: string;
  request: string;
  result: string | null;
  referralBody: string | null;
  opinionSignedOff: boolean;
  submittedAt: string | null;
  acceptedAt: string | null;
  concludedAt: string | null;
  archivedAt: string | null;
  version: number;
  deadlines: CaseDeadline[];
}

export interface CaseAbilities {
  events: CaseEvent[];
  note: boolean;
  revealPii: boolean;
}

export interface TimelineEvent {
  seq: number;
  event: string;
  eventLabel: Bilingual;
  from: StateOut | null;
  to: StateOut | null;
  actor: { id: string | null; name: string; role: string | null };
  at: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

export interface CaseNote {
  id: string;
  kind: 'note' | 'task' | 'contact';
  body: string;
  dueOn: string | null;
  done: boolean;
  doneAt: string | null;
  contactMethod: string | null;
  contactedAt: string | null;
  author: { id: string; name: string };
  createdAt: string;
}

export type NoteInput =
  | { kind: 'note'; body: string }
  | { kind: 'task'; body: string; dueOn?: string }
  | { kind: 'contact'; body: string; contactMethod: string; contactedAt?: string };

export interface CaseFilters {
  state?: string;
  track?: string;
  ipType?: string;
  service?: string;
  channel?: string;
  from?: string;
  to?: string;
  q?: string;
}

export type RevealField = 'phone' | 'idNumber' | 'address' | 'email';
