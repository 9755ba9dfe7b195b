import type { ColumnType, Generated } from 'kysely';
import type {
  CasesTable,
  CasePartiesTable,
  CaseEventsTable,
  CaseDeadlinesTable,
  NumberSequencesTable,
  IdempotencyKeysTable,
  CaseNotesTable,
  CaseAttachmentsTable,
  NotificationsTable,
  RemindersSentTable,
  WorkCalendarYearsTable,
  CaseFollowUpsTable,
  PortalDraftsTable,
  PortalTrackTokensTable,
  PortalRatingsTable,
  CaseDocumentsTable,
  CaseOutcomesTable,
  CaseExpertsTable,
} from './tables.cases.ts';
import type { CasePrivacyTable } from './tables.reliability.ts';
export type * from './tables.cases.ts';
import type { ArticlesTable, ArticleVersionsTable, PageVisitsTable } from './tables.articles.ts';
export type * from './tables.articles.ts';
export type * from './tables.experts.ts';
import type { ExpertsTable, ExpertMatchesTable, ExpertInvitationsTable, ExpertImportsTable } from './tables.experts.ts';
export type * from './tables.reliability.ts';
export type * from './tables.consultations.ts';
import type { ConsultationsTable, ConsultationMessagesTable, QaProposalsTable } from './tables.consultations.ts';
import type { StatReturnsTable, StatReturnEventsTable, StatReturnRemindersTable } from './tables.stats.ts';
export type * from './tables.stats.ts';
import type { SearchEntriesTable } from './tables.search.ts';
export type * from './tables.search.ts';
export type * from './tables.registries.ts';
import type {
  PartnersTable, KeyEnterprisesTable, KeyEnterpriseLogsTable, VolunteerTeamsTable, VolunteersTable, VolunteerHoursTable, OverseasEntriesTable, RegistryImportsTable,
} from './tables.registries.ts';
export type * from './tables.trainings.ts';
import type {
  TrainingsTable, TrainingSpeakersTable, TrainingRegistrationsTable, TrainingFeedbackTable, OutreachActivitiesTable, RiskAlertsTable,
  AlertSubscriptionsTable, RiskAlertDeliveriesTable, RiskAlertEnterprisesTable,
} from './tables.trainings.ts';
import type { EventsTables } from './tables.events.ts';
import type { AssessmentTables } from './tables.assessments.ts';
export type * from './tables.assessments.ts';
export type * from './tables.events.ts';
import type { HistoryTables } from './tables.history.ts';
export type * from './tables.history.ts';

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

export interface Database extends EventsTables, AssessmentTables, HistoryTables {
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
  articles: ArticlesTable;
  article_versions: ArticleVersionsTable;
  page_visits: PageVisitsTable;
  experts: ExpertsTable;
  expert_matches: ExpertMatchesTable;
  expert_invitations: ExpertInvitationsTable;
  expert_imports: ExpertImportsTable;
  case_privacy: CasePrivacyTable;
  consultations: ConsultationsTable;
  consultation_messages: ConsultationMessagesTable;
  qa_proposals: QaProposalsTable;
  stat_returns: StatReturnsTable;
  stat_return_events: StatReturnEventsTable;
  stat_return_reminders: StatReturnRemindersTable;
  search_entries: SearchEntriesTable;
  partners: PartnersTable;
  key_enterprises: KeyEnterprisesTable;
  key_enterprise_logs: KeyEnterpriseLogsTable;
  volunteer_teams: VolunteerTeamsTable;
  volunteers: VolunteersTable;
  volunteer_hours: VolunteerHoursTable;
  overseas_entries: OverseasEntriesTable;
  registry_imports: RegistryImportsTable;
  trainings: TrainingsTable;
  training_speakers: TrainingSpeakersTable;
  training_registrations: TrainingRegistrationsTable;
  training_feedback: TrainingFeedbackTable;
  outreach_activities: OutreachActivitiesTable;
  risk_alerts: RiskAlertsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  risk_alert_deliveries: RiskAlertDeliveriesTable;
  risk_alert_enterprises: RiskAlertEnterprisesTable;
}
