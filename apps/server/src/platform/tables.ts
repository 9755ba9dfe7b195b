import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the schema. Each module's migration adds its tables here. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Ltree = string;

export interface RegionsTable {
  code: string;
  name: string;
  full_name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

export interface InstitutionsTable {
  id: Generated<string>;
  path: Ltree;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  type: string;
  level: string;
  host: string | null;
  region_code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  hours: string | null;
  contact_person: string | null;
  ip_types: ColumnType<string[], string[] | undefined, string[]>;
  services: ColumnType<string[], string[] | undefined, string[]>;
  description: string | null;
  established_on: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<'active' | 'closed'>;
  closed_at: Timestamp | null;
  closed_reason: string | null;
  case_code: ColumnType<string | null, string | null | undefined, string | null>;
  doc_prefix: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  kind: 'staff' | 'expert' | 'volunteer' | 'applicant';
  username: string | null;
  display_name: string;
  email: string | null;
  phone_enc: string | null;
  phone_hmac: string | null;
  phone_masked: string | null;
  party_kind: string | null;
  org_name: string | null;
  credit_code: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  totp_required: Generated<boolean>;
  status: Generated<'active' | 'disabled'>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  institution_id: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_passed: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  subject: string;
  at: Timestamp;
}

export interface LoginLocksTable {
  subject: string;
  locked_until: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface VerificationCodesTable {
  id: Generated<string>;
  purpose: string;
  target_hmac: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  channel: 'email' | 'sms';
  recipient_enc: string;
  recipient_masked: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'kept'>;
  error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  institution_id: string | null;
  institution_path: Ltree | null;
  action: string;
  object_type: string;
  object_id: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string | null;
  request_id: string | null;
  detail: ColumnType<unknown, string | null, never>;
  prev_hash: Generated<string>;
  hash: Generated<string>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  storage_key: string;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  owner_type: string;
  owner_id: string | null;
  institution_path: Ltree | null;
  uploaded_by: string | null;
  status: Generated<'pending' | 'attached' | 'deleted'>;
  created_at: Generated<Date>;
  attached_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

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
}

export interface Database {
  regions: RegionsTable;
  institutions: InstitutionsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  login_locks: LoginLocksTable;
  rate_limits: RateLimitsTable;
  verification_codes: VerificationCodesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  attachments: AttachmentsTable;
  cases: CasesTable;
  case_parties: CasePartiesTable;
  case_events: CaseEventsTable;
  case_deadlines: CaseDeadlinesTable;
  number_sequences: NumberSequencesTable;
  idempotency_keys: IdempotencyKeysTable;
  case_notes: CaseNotesTable;
  case_attachments: CaseAttachmentsTable;
  notifications: NotificationsTable;
  reminders_sent: RemindersSentTable;
  work_calendar_years: WorkCalendarYearsTable;
  case_follow_ups: CaseFollowUpsTable;
  portal_drafts: PortalDraftsTable;
  portal_track_tokens: PortalTrackTokensTable;
  portal_ratings: PortalRatingsTable;
  case_documents: CaseDocumentsTable;
  case_outcomes: CaseOutcomesTable;
  case_experts: CaseExpertsTable;
}
