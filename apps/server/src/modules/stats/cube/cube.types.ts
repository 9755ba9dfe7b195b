import type { RawBuilder } from 'kysely';

/** The case dimensions the leaf grain keeps (service, an array, is left to the live query). */
export const cubeDims = ['ipType', 'channel', 'applicantKind', 'overseas'] as const;
export type CubeDim = (typeof cubeDims)[number];

/**
 * How an indicator fills the cube: a query returning `(month date, institution_id, ip_type, channel, applicant_kind,
 * overseas, num, den, cnt)` for the records dated in [from, to) (CST month starts, `YYYY-MM-DD`), grouped by month,
 * the institution holding them and the dimensions; `cnt` counts the records, so a group the live query would
 * return with num 0 is kept.
 */
export interface CubeSource {
  dims: readonly CubeDim[];
  /** Whether the live query labels institution rows with the institution's name. */
  labels: boolean;
  rows(from: string, to: string, institutionIds?: readonly string[]): RawBuilder<unknown>;
}
