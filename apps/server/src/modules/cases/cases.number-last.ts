import { formatCaseNumber, toCstDate } from '@yuanzhi/domain';
import { sql, type Updateable } from 'kysely';
import type { Tx } from '../../platform/db.ts';
import type { CasesTable } from '../../platform/tables.ts';
import { auditUnavailable, auditValues, type AuditContext, type AuditEvent } from '../audit/audit.record.ts';
import { caseNumberPrefix } from './cases.numbers.ts';

/**
 * Written into a submission's notices in place of the number it does not have yet; the statement below swaps
 * in the number. Private-use characters: nothing a person types or a template writes contains them.
 */
export const PENDING_CASE_NUMBER = '\u{E000}case-number\u{E000}';

export interface NumberLast {
  caseId: string;
  /** The case's new columns (state, submission time …): written with the number (a CHECK ties the two). */
  set: Updateable<CasesTable>;
  institution: { id: string; case_code: string | null; region_code: string | null; path: string };
  now: Date;
  /** Notices written in this transaction whose texts carry PENDING_CASE_NUMBER. */
  noticeIds: readonly string[];
  /** The submission's audit entry; its detail gets `caseNumber`. */
  audit: { ctx: AuditContext; event: AuditEvent };
}

/**
 * The last statement of a submission (ADR 0043): take the institution's next serial (the number_sequences row
 * lock, held to commit), write the case with its number, put the number into the notices and write the audit
 * entry, in one round trip. Every submission to the institution waits on that row from here to commit, so
 * nothing else may follow this statement in the transaction.
 */
export async function takeNumberLast(tx: Tx, p: NumberLast): Promise<string> {
  const year = Number(toCstDate(p.now).slice(0, 4));
  const prefix = caseNumberPrefix(p.institution);
  const caseNumber = sql<string>`${prefix} || '-' || ${String(year)} || '-' || lpad(n.last::text, 6, '0')`;
  const fill = (column: 'title' | 'body' | 'title_en' | 'body_en') =>
    sql<string>`replace(${sql.ref(`notifications.${column}`)}, ${PENDING_CASE_NUMBER}, (SELECT case_number FROM c))`;
  const audit = auditValues(p.audit.ctx, p.audit.event);
  const q = tx
    .with('n', (db) => db.insertInto('number_sequences')
      .values({ institution_id: p.institution.id, kind: 'case', year, last: 1 })
      .onConflict((oc) => oc.columns(['institution_id', 'kind', 'year']).doUpdateSet({ last: sql`number_sequences.last + 1` }))
      .returning('last'))
    .with('c', (db) => db.updateTable('cases').from('n').set({ ...p.set, case_number: caseNumber })
      .where('cases.id', '=', p.caseId).returning(['cases.case_number', 'n.last']))
    .with('m', (db) => db.updateTable('notifications')
      .set({ title: fill('title'), body: fill('body'), title_en: fill('title_en'), body_en: fill('body_en') })
      .where(sql<boolean>`notifications.id = ANY(${[...p.noticeIds]}::uuid[])`))
    .with('a', (db) => db.insertInto('audit_log').values({
      ...audit,
      detail: sql`${audit.detail ?? '{}'}::jsonb || jsonb_build_object('caseNumber', (SELECT case_number FROM c))`,
    }))
    .selectFrom('c')
    .select(['c.case_number', 'c.last']);
  const r = await q.executeTakeFirst().catch((err: unknown) => {
    const e = err as { code?: string; table?: string; where?: string };
    // The audit entry fails closed as recordAudit does: the whole submission rolls back with a 503.
    if (e.table === 'audit_log' || e.where?.includes('audit')) throw auditUnavailable(e.code ?? 'unknown');
    throw err;
  });
  if (!r?.case_number) throw new Error(`case ${p.caseId} was not numbered`);
  // The domain's format is the definition; the statement's must agree (and a serial past 6 digits rolls back).
  const expected = formatCaseNumber({ prefix, year, serial: Number(r.last) });
  if (r.case_number !== expected) throw new Error(`case number ${r.case_number} is not ${expected}`);
  return r.case_number;
}
