import type { ColumnType, Generated } from 'kysely';

/** Kysely types of on-site service at events and analysis projects (migration 20261203T0500_events.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: always selected as text (`col::text`), written as 'YYYY-MM-DD'. */
type Day = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

export interface OnsiteEventsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  name: string;
  kind: string;
  venue: string;
  starts_on: Day;
  ends_on: Day;
  organiser: string;
  expected_exhibitors: number | null;
  pre_training: string | null;
  notes: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OnsiteRosterTable {
  id: Generated<string>;
  event_id: string;
  on_date: Day;
  kind: 'institution' | 'staff' | 'expert';
  ref_id: string;
  duty: string | null;
  created_at: Timestamp;
}

export interface OnsiteCommitmentsTable {
  id: Generated<string>;
  event_id: string;
  exhibitor: string;
  booth: string | null;
  method: 'upload' | 'online';
  signer_name: string | null;
  agreed: boolean;
  signed_at: Timestamp;
  attachment_id: string | null;
  created_by: string | null;
}

export interface ScreeningFinding { exhibitor: string; booth?: string | null; ipType: string; level: 'high' | 'medium' | 'low'; note: string }

export interface OnsiteScreeningsTable {
  id: Generated<string>;
  event_id: string;
  screened_on: Day;
  scope: string;
  findings: Json<ScreeningFinding[]>;
  conclusion: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OnsiteComplaintsTable {
  id: Generated<string>;
  event_id: string;
  case_id: string;
  booth: string;
  respondent: string;
  ip_type: string;
  ip_number: string | null;
  taken_on: Day;
  notified_at: Date | null;
  notice_method: 'in_person' | 'phone' | 'written' | null;
  notice_note: string | null;
  outcome: 'withdrawn_from_display' | 'settled' | 'referred_to_enforcement' | null;
  outcome_note: string | null;
  outcome_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OnsiteConsultationsTable {
  id: Generated<string>;
  event_id: string;
  on_date: Day;
  topic: string;
  count: number;
  created_by: string | null;
  created_at: Timestamp;
}

export interface AnalysisProjectsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  title: string;
  commissioner_kind: string;
  commissioner: string;
  subject_kind: string;
  subject: string;
  country: string | null;
  kind: string;
  purpose: string;
  staff_ids: UuidArray;
  expert_ids: UuidArray;
  partner_agency: string | null;
  status: Generated<'in_progress' | 'delivered' | 'closed'>;
  starts_on: Day;
  due_on: Day | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnalysisMilestonesTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  due_on: Day;
  done_on: Day | null;
}

export interface AnalysisReportsTable {
  id: Generated<string>;
  project_id: string;
  version: number;
  attachment_id: string;
  note: string | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface EventsTables {
  onsite_events: OnsiteEventsTable;
  onsite_roster: OnsiteRosterTable;
  onsite_commitments: OnsiteCommitmentsTable;
  onsite_screenings: OnsiteScreeningsTable;
  onsite_complaints: OnsiteComplaintsTable;
  onsite_consultations: OnsiteConsultationsTable;
  analysis_projects: AnalysisProjectsTable;
  analysis_milestones: AnalysisMilestonesTable;
  analysis_reports: AnalysisReportsTable;
}
