import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the historical import (migration 20261203T0700_history.sql, ADR 0032). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: selected as text (`col::text`), written as 'YYYY-MM-DD'. */
type Day = ColumnType<string, string, string>;
type Json<T = unknown> = ColumnType<T, string | undefined, string>;

export interface HistoryImportsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  created_by: string | null;
  file_name: string | null;
  status: Generated<'queued' | 'checking' | 'writing' | 'done' | 'invalid' | 'failed'>;
  total: Generated<number>;
  processed: Generated<number>;
  imported: Generated<number>;
  errors: Json;
  file: Buffer | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

export interface HistoryRecordsTable {
  id: Generated<string>;
  import_id: string;
  institution_id: string;
  institution_path: string;
  kind: 'case' | 'consultation' | 'training' | 'onsite_service' | 'analysis';
  occurred_on: Day;
  channel: string | null;
  ip_type: string | null;
  applicant_kind: string | null;
  services: ColumnType<string[], string[] | undefined, string[]>;
  overseas: Generated<boolean>;
  sme: Generated<boolean>;
  attendance: number | null;
  purpose: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HistoryTables {
  history_imports: HistoryImportsTable;
  history_records: HistoryRecordsTable;
}
