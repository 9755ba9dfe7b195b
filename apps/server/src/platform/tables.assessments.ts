import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the assessment tables (考核). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface SheetItem {
  key: string;
  title: string;
  weight: number;
  kind: 'computed' | 'manual';
  indicatorId?: string | null;
  rule?: { floor: number; target: number; cap?: number | null; lowerIsBetter?: boolean } | null;
  guidance?: string | null;
}

export interface ComputedFigure { value: number | null; num: number; den: number | null; score: number }

export interface AssessmentSheetsTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  name: string;
  year: number;
  items: Json<SheetItem[]>;
  version: Generated<number>;
  previous_id: string | null;
  locked_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AssessmentRunsTable {
  id: Generated<string>;
  sheet_id: string;
  institution_id: string;
  institution_path: string;
  year: number;
  institution_types: string[];
  status: 'queued' | 'computing' | 'done' | 'failed';
  total: Generated<number>;
  processed: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface AssessmentResultsTable {
  run_id: string;
  institution_id: string;
  institution_path: string;
  institution_name: string;
  computed: Json<Record<string, ComputedFigure>> | null;
}

export interface AssessmentScoresTable {
  id: Generated<string>;
  run_id: string;
  institution_id: string;
  item_key: string;
  score: ColumnType<string, number, number>;
  evidence: string;
  scored_by: string | null;
  scored_by_name: string;
  scored_at: Timestamp;
}

export interface AssessmentTables {
  assessment_sheets: AssessmentSheetsTable;
  assessment_runs: AssessmentRunsTable;
  assessment_results: AssessmentResultsTable;
  assessment_scores: AssessmentScoresTable;
}
