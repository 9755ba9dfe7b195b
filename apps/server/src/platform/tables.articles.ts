import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export interface ArticlesTable {
  id: Generated<string>;
  institution_id: string;
  institution_path: string;
  kind: string;
  state: Generated<'draft' | 'in_review' | 'published' | 'withdrawn'>;
  title: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  body_text: Generated<string>;
  tags: TextArray;
  ip_types: TextArray;
  region_code: string | null;
  meta: Json<Record<string, unknown>>;
  source_case_id: string | null;
  version: Generated<number>;
  author_id: string | null;
  reviewer_id: string | null;
  review_note: string | null;
  replacements: Json<unknown[] | null>;
  views: Generated<number>;
  published_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  summary: string;
  body_html: string;
  body_text: string;
  tags: TextArray;
  ip_types: TextArray;
  region_code: string | null;
  meta: Json<Record<string, unknown>>;
  saved_by: string | null;
  saved_at: Timestamp;
}

export interface PageVisitsTable {
  day: ColumnType<string, string, string>;
  module: string;
  count: Generated<number>;
}
