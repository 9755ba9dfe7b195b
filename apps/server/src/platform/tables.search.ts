import type { ColumnType } from 'kysely';

/** Kysely types of the search index (migrations/20261203T0100_search.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type SearchKind = 'article' | 'qa' | 'consultation' | 'case';

export interface SearchEntriesTable {
  kind: SearchKind;
  ref_id: string;
  visibility: 'public' | 'staff';
  institution_id: string;
  institution_path: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  keys: ColumnType<string, string | undefined, string>;
  ip_types: TextArray;
  article_kind: string | null;
  region_code: string | null;
  year: number | null;
  sort_at: Timestamp;
  boost: ColumnType<number, number | undefined, number>;
  /** Written only through SQL (setweight(to_tsvector(...))); never read back. */
  tsv: ColumnType<string, unknown, unknown>;
  updated_at: Timestamp;
}
