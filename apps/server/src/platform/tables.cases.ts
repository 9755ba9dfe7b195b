import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the case tables (cases, documents, notifications, portal, calendar). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Ltree = string;

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type DateText = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface CasesTable {
  id: Generated<string>;
  case_number: string | null;
  institution_id: string;
  institution_path: Ltree;
  transfer_to_id: string | null;
  transfer_to_path: Ltree | null;
  state: string;
  track: Generated<'fast' | 'standard'>;
  channel: string;
  applicant_user_id: string | null;
  handler_id: string | null;
  opinion_signed_off: Generated<boolean>;
  suspended_from: string | null;
  supplement_from: string | null;
  transferred_from: string | null;
  referred_from: string | null;
  referral_body: string | null;
  applicant_kind: string | null;
  enterprise_size: string | null;
  enterprise_tags: TextArray;
  ip_type: string | null;
  ip_number: string | null;
  services: TextArray;
  overseas: Generated<boolean>;
  country: string | null;
  field: string | null;
  region_code: string | null;
  summary: Generated<string>;
  request: Generated<string>;
  result: string | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  concluded_at: Timestamp | null;
  archived_at: Timestamp | null;
  /** Nearest due day of the deadlines not yet met (kept by storeDeadlines; ADR 0038). */
  next_due: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CasePartiesTable {
  id: Generated<string>;
  case_id: string;
  role: 'applicant' | 'opposing' | 'agent';
  kind: string | null;
  name: string;
  credit_code: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_hmac: string | null;
  phone_masked: string | null;
  email: string | null;
  address_enc: string | null;
  address_masked: string | null;
  enterprise_size: string | null;
  enterprise_tags: TextArray;
  country: string | null;
  position: Generated<number>;
  created_at: Generated<Date>;
}

export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  event: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  at: Timestamp;
  reason: string | null;
  payload: Json<Record<string, unknown>>;
}

export interface CaseDeadlinesTable {
  case_id: string;
  kind: string;
  due: DateText;
  warn_on: DateText;
  started_on: DateText;
  working_days: number;
  paused_working_days: number;
  status: 'running' | 'paused' | 'met';
  met_on: ColumnType<string | null, string | null, string | null>;
  late: boolean;
  provisional: boolean;
  rule: Json<{ id: string; zh: string; en: string }>;
  explanation: Json<{ zh: string; en: string }>;
  computed_at: Timestamp;
}

export interface NumberSequencesTable {
  institution_id: string;
  kind: string;
  year: number;
  last: number;
}

export interface IdempotencyKeysTable {
  owner: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}

export interface CaseNotesTable {
  id: Generated<string>;
  case_id: string;
  kind: 'note' | 'task' | 'contact';
  body: string;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: Timestamp | null;
  contact_method: string | null;
  contacted_at: Timestamp | null;
  author_id: string | null;
  author_name: string;
  created_at: Timestamp;
}

export interface CaseAttachmentsTable {
  case_id: string;
  attachment_id: string;
  purpose: 'evidence' | 'supplement' | 'document';
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<string>;
  /** Null for a notice to an applicant party without an account (`party_id` set instead; never listed in-app). */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  party_id: ColumnType<string | null, string | null | undefined, string | null>;
  kind: string;
  title: string;
  body: string;
  title_en: Generated<string>;
  body_en: Generated<string>;
  link: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface RemindersSentTable {
  case_id: string;
  deadline_kind: string;
  day: ColumnType<Date, string, string>;
  reminder: 'due_soon' | 'overdue' | 'chase';
  sent_at: Timestamp;
}

export interface WorkCalendarYearsTable {
  year: number;
  holidays: ColumnType<string[], string[], string[]>;
  workdays: ColumnType<string[], string[], string[]>;
  names: ColumnType<Record<string, { zh: string; en: string }>, string, string>;
  source: string;
  updated_at: Timestamp;
}

export interface CaseFollowUpsTable {
  id: Generated<string>;
  case_id: string;
  due_on: ColumnType<string, string, string>;
  done_at: Timestamp | null;
  method: string | null;
  satisfaction: number | null;
  notes: string | null;
  done_by: string | null;
  done_by_name: string | null;
  skipped_at: Timestamp | null;
  skipped_reason: string | null;
  created_at: Generated<Date>;
}

export interface PortalDraftsTable {
  case_id: string;
  application_enc: string;
  institution_chosen: Generated<boolean>;
  updated_at: Timestamp;
}

export interface PortalTrackTokensTable {
  token_hash: string;
  case_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface PortalRatingsTable {
  case_id: string;
  token_hash: string;
  expires_at: Timestamp;
  score: number | null;
  comment: string | null;
  rated_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  institution_id: string;
  year: number;
  serial: number;
  doc_number: string;
  event_seq: number | null;
  status: Generated<'draft' | 'issued'>;
  data: Json;
  docx_attachment_id: string | null;
  pdf_attachment_id: string | null;
  error: string | null;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  issued_at: Timestamp | null;
  issued_by: string | null;
}

export interface CaseOutcomesTable {
  case_id: string;
  service: string;
  data: Json;
  updated_by: string | null;
  updated_at: Timestamp;
  signed_off_at: Timestamp | null;
  signed_off_by: string | null;
}

export interface CaseExpertsTable {
  case_id: string;
  user_id: string;
  invited_by: string | null;
  invited_at: Generated<Date>;
  opinion: string | null;
  opinion_at: Timestamp | null;
  opinion_data: Json | null;
}
