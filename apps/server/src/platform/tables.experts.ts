import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the expert pool, its rankings and invitations (migration 20261122T1500_experts.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export interface ExpertInterestRow { kind: string; name: string; creditCode?: string | null }
export interface ExpertQualificationRow { name: string; number?: string | null; expiresOn?: string | null }

export interface ExpertsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  user_id: string | null;
  name: string;
  employer: string | null;
  employer_credit_code: string | null;
  title: string | null;
  id_number_enc: string | null;
  id_number_hmac: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email: string | null;
  kinds: TextArray;
  ipc: TextArray;
  industries: TextArray;
  ip_types: TextArray;
  services: TextArray;
  regions: TextArray;
  languages: TextArray;
  jurisdictions: TextArray;
  availability: Generated<string>;
  max_open: Generated<number>;
  interests: Json<ExpertInterestRow[]>;
  qualifications: Json<ExpertQualificationRow[]>;
  notes: string | null;
  status: Generated<'active' | 'retired'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExpertMatchesTable {
  id: Generated<string>;
  case_id: string;
  criteria: Json;
  ranked: Json;
  excluded: Json;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ExpertInvitationsTable {
  id: Generated<string>;
  case_id: string;
  expert_id: string;
  match_id: string | null;
  rank: number | null;
  score: ColumnType<string | null, number | null | undefined, number | null>;
  explanation: Json;
  status: Generated<'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'>;
  reason: string | null;
  invited_by: string | null;
  invited_at: Timestamp;
  respond_by: Timestamp;
  responded_at: Timestamp | null;
  rating: number | null;
  rating_note: string | null;
  auto: Generated<boolean>;
}

export interface ExpertImportsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  created_by: string | null;
  status: Generated<'queued' | 'checking' | 'writing' | 'done' | 'invalid' | 'failed'>;
  total: Generated<number>;
  processed: Generated<number>;
  imported: Generated<number>;
  errors: Json;
  file: Buffer | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}
