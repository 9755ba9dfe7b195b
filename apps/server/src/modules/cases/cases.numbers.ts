import { sql } from 'kysely';
import type { Tx } from '../../platform/db.ts';

/**
 * Case numbers: `<code>-<year>-<serial>` (domain formatCaseNumber), one sequence per institution,
 * kind and year in `number_sequences`. The upsert takes the row lock, so concurrent submissions at one
 * institution get consecutive serials and a rolled-back transaction gives its number back.
 * The code is the institution's `case_code` (e.g. WH); without one, its region code and path label
 * (e.g. 420100N8), which is unique but unfriendly: set case_code. A case takes its number in
 * cases.number-last.ts (the last statement of its submission, ADR 0043); documents use nextSerial.
 */
export function caseNumberPrefix(inst: { case_code: string | null; region_code: string | null; path: string }): string {
  if (inst.case_code) return inst.case_code;
  const label = inst.path.split('.').at(-1)!.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `${inst.region_code ?? ''}${label}`.slice(0, 12) || 'YZ';
}

export async function nextSerial(tx: Tx, institutionId: string, kind: string, year: number): Promise<number> {
  const r = await sql<{ last: number }>`
    INSERT INTO number_sequences (institution_id, kind, year, last) VALUES (${institutionId}, ${kind}, ${year}, 1)
    ON CONFLICT (institution_id, kind, year) DO UPDATE SET last = number_sequences.last + 1
    RETURNING last`.execute(tx);
  return Number(r.rows[0].last);
}
