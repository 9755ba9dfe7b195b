import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { DB } from '../../platform/db.ts';
import { caseVisibility, caseVisibilityById } from './cases.access.ts';
import type { CaseFilters } from './cases.schemas.ts';

/**
 * The work queues and the case list: the caller's visible cases (never drafts) that pass the filters,
 * sorted by the nearest open deadline by default. `today` is the CST day from the server's clock.
 */
const likeTerm = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(actor: Actor, f: CaseFilters, today: string, visible = caseVisibility(actor)): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [visible, sql<SqlBool>`c.state <> 'draft'`];
  const openDeadline = (cond: Expression<SqlBool>) =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.status = 'running' AND ${cond})`;
  switch (f.queue) {
    case 'mine': c.push(sql<SqlBool>`c.handler_id = ${actor.userId}`); break;
    case 'institution': {
      const own = [...new Set(actor.grants.map((g) => g.institutionId))];
      c.push(own.length ? sql<SqlBool>`(c.institution_id = ANY(${own}::uuid[]) OR c.transfer_to_id = ANY(${own}::uuid[]))` : sql<SqlBool>`false`);
      break;
    }
    case 'unassigned': c.push(sql<SqlBool>`(c.state = 'accepted' AND c.handler_id IS NULL)`); break;
    case 'due_soon': c.push(openDeadline(sql<SqlBool>`d.warn_on <= ${today}::date AND d.due >= ${today}::date`)); break;
    case 'overdue': c.push(openDeadline(sql<SqlBool>`d.due < ${today}::date`)); break;
    case 'awaiting_review': c.push(sql<SqlBool>`c.state = 'under_review'`); break;
    case 'referred': c.push(sql<SqlBool>`c.state = 'referred'`); break;
    case 'follow_up':
      c.push(sql<SqlBool>`EXISTS (SELECT 1 FROM case_follow_ups f WHERE f.case_id = c.id AND f.done_at IS NULL AND f.skipped_at IS NULL)`);
      break;
    default: break;
  }
  if (f.state) c.push(sql<SqlBool>`c.state = ${f.state}`);
  if (f.track) c.push(sql<SqlBool>`c.track = ${f.track}`);
  if (f.ipType) c.push(sql<SqlBool>`c.ip_type = ${f.ipType}`);
  if (f.service) c.push(sql<SqlBool>`c.services @> ARRAY[${f.service}]::text[]`);
  if (f.channel) c.push(sql<SqlBool>`c.channel = ${f.channel}`);
  if (f.handler) c.push(sql<SqlBool>`c.handler_id = ${f.handler}`);
  if (f.institution) c.push(sql<SqlBool>`c.institution_path <@ (SELECT path FROM institutions WHERE id = ${f.institution})`);
  if (f.from) c.push(sql<SqlBool>`c.submitted_at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.to) c.push(sql<SqlBool>`c.submitted_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.q) c.push(sql<SqlBool>`(c.case_number ILIKE ${likeTerm(f.q)} OR c.summary ILIKE ${likeTerm(f.q)})`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}

/** Counting stops here: the console shows "10,000+" rather than reading every visible case for an exact total. */
export const COUNT_CAP = 10_000;

export async function listCases(
  db: DB, actor: Actor, f: CaseFilters, today: string, page = 1, pageSize: number | null = 20, countCap = COUNT_CAP,
) {
  const where = conditions(actor, f, today);
  // The page is chosen on the case rows alone, by `next_due` (kept by the deadline writer, ADR 0038): with the
  // cases_queue_due index that is an ordered index-only walk that stops after the page (so select only its
  // columns here). Names, handler and applicant are joined to the rows of the page only.
  let ids = db
    .selectFrom('cases as c')
    .select(['c.id', 'c.next_due', 'c.submitted_at'])
    .where(where);
  if (f.sort === 'number') ids = ids.orderBy('c.case_number', 'desc');
  else if (f.sort === 'submitted') ids = ids.orderBy('c.submitted_at', 'desc');
  else ids = ids.orderBy('c.next_due', (ob) => ob.asc().nullsLast()).orderBy('c.submitted_at', 'desc');
  ids = ids.orderBy('c.id');
  if (pageSize !== null) ids = ids.limit(pageSize).offset((page - 1) * pageSize);
  let q = db
    .selectFrom(ids.as('pg'))
    .innerJoin('cases as c', 'c.id', 'pg.id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('users as h', 'h.id', 'c.handler_id')
    .leftJoin('case_parties as p', (j) => j.onRef('p.case_id', '=', 'c.id').on('p.role', '=', 'applicant'))
    .select([
      'c.id', 'c.case_number', 'c.state', 'c.track', 'c.channel', 'c.ip_type', 'c.services', 'c.summary', 'c.submitted_at',
      'c.handler_id', 'c.institution_id', 'i.name as institution_name', 'h.display_name as handler_name', 'p.name as applicant_name',
      'p.phone_masked as applicant_phone_masked', sql<string | null>`c.next_due::text`.as('next_due'),
      sql<boolean>`EXISTS (SELECT 1 FROM case_deadlines o WHERE o.case_id = c.id AND o.status = 'running' AND o.due < ${today}::date)`.as('overdue'),
    ]);
  if (f.sort === 'number') q = q.orderBy('c.case_number', 'desc');
  else if (f.sort === 'submitted') q = q.orderBy('pg.submitted_at', 'desc');
  else q = q.orderBy('pg.next_due', (ob) => ob.asc().nullsLast()).orderBy('pg.submitted_at', 'desc');
  q = q.orderBy('pg.id');
  const capped = db.selectFrom('cases as c').select(sql`1`.as('one'))
    .where(conditions(actor, f, today, caseVisibilityById(actor))).limit(countCap + 1);
  const count = db.selectFrom(capped.as('x')).select((eb) => eb.fn.countAll<number>().as('n'));
  if (pageSize === null) {
    const rows = await q.execute();
    return { rows, total: rows.length, totalCapped: false };
  }
  // The count rides on the page's statement (computed once, an InitPlan): one round trip per request, not two.
  const counted = await q.select(sql<string>`(${count})`.as('counted')).execute();
  const rows = counted.map(({ counted: _, ...r }) => r);
  const n = counted.length ? Number(counted[0]!.counted) : Number((await count.executeTakeFirstOrThrow()).n);
  return { rows, total: Math.min(n, countCap), totalCapped: n > countCap };
}
export type QueueRow = Awaited<ReturnType<typeof listCases>>['rows'][number];
