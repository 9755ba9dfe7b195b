import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Kysely types of the personal-data lifecycle (issue 9). */
export interface CasePrivacyTable {
  case_id: string;
  /** The privacy notice shown when the applicant submitted; null for cases registered by staff. */
  notice_version: string | null;
  consented_at: Timestamp | null;
  anonymised_at: Timestamp | null;
}
