import { sql, type RawBuilder } from 'kysely';

/**
 * The imported past records as the indicators read them (ADR 0032). `history_counted` holds only rows dated before
 * their institution's go-live, so a live record and a historical one never cover the same day.
 */
const CST_MIDNIGHT = sql`(h.occurred_on::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Past accepted cases shaped like the columns the case indicators read; `d` is the day accepted (CST midnight). */
export const historyCases = sql`SELECT h.id, h.institution_id, h.institution_path, 'history'::text AS state, h.ip_type, h.channel, h.services,
  h.applicant_kind, h.overseas, CASE WHEN h.sme THEN 'small' END AS enterprise_size, ${CST_MIDNIGHT} AS d
  FROM history_counted h WHERE h.kind = 'case'`;

/** Past trainings as held sessions with their attendance (the columns the training indicators read). */
export const historyTrainings = sql`SELECT h.institution_id, h.institution_path, 'held'::text AS state, ${CST_MIDNIGHT} AS starts_at,
  h.attendance AS head_count, 0::bigint AS checked_in FROM history_counted h WHERE h.kind = 'training'`;

/** Rows `(d date, institution_id, institution_path, n)` of one kind: on-site services, analysis services (of a purpose). */
export function historyRows(kind: 'onsite_service' | 'analysis' | 'consultation', purpose?: string): RawBuilder<unknown> {
  return sql`SELECT h.occurred_on AS d, h.institution_id, h.institution_path, 1 AS n FROM history_counted h
    WHERE h.kind = ${kind} AND ${purpose ? sql`h.purpose = ${purpose}` : sql`true`}`;
}
