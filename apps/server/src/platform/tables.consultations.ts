import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the consultation tables (migrations/20261122T1400_consultations.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Ltree = string;

export interface ConsultationsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: Ltree;
  channel: string;
  asker_kind: string;
  enterprise_size: string | null;
  region_code: string | null;
  ip_type: string | null;
  topic: string;
  question: string;
  answer: string | null;
  status: 'open' | 'answered';
  minutes_spent: number | null;
  asker_name: string | null;
  asker_contact_enc: string | null;
  asker_contact_masked: string | null;
  asker_user_id: string | null;
  staff_id: string | null;
  case_id: string | null;
  asked_at: Timestamp;
  answered_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConsultationMessagesTable {
  id: Generated<string>;
  consultation_id: string;
  author: 'asker' | 'staff';
  author_id: string | null;
  body: string;
  created_at: Timestamp;
}

export interface QaProposalsTable {
  id: Generated<string>;
  consultation_id: string;
  institution_path: Ltree;
  question: string;
  answer: string;
  ip_type: string | null;
  topic: string;
  status: Generated<'proposed' | 'approved' | 'returned'>;
  proposed_by: string;
  proposed_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  article_id: string | null;
}

// The case a consultation became: a column this migration adds to `cases`, merged into its type here.
declare module './tables.cases.ts' {
  interface CasesTable {
    consultation_id: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
