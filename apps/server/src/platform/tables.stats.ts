import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the statistics tables (returns). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface StatReturnsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  period: string;
  period_kind: 'year' | 'quarter' | 'month';
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  figures: Json<Record<string, number | null>>;
  funds_spent: ColumnType<string | null, number | null | undefined, number | null>;
  narrative: Generated<string>;
  practices: Json<{ title: string; text: string }[]>;
  review_comment: string | null;
  due_on: ColumnType<string, string, string>;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface StatReturnEventsTable {
  id: Generated<string>;
  return_id: string;
  action: 'save' | 'submit' | 'return' | 'accept';
  actor_id: string | null;
  actor_name: string;
  comment: string | null;
  at: Timestamp;
}

export interface StatReturnRemindersTable {
  institution_id: string;
  period: string;
  day: ColumnType<string, string, string>;
}
