import { rankExperts, type MatchCase, type MatchExpert, type Ranking } from '@yuanzhi/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, NotFound } from '../../platform/errors.ts';
import type { ExpertInterestRow } from '../../platform/tables.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { findCase, type CaseRow } from '../cases/cases.repository.ts';
import { openLoads } from './experts.repository.ts';
import { ipcCode, language } from './experts.schemas.ts';

/**
 * Ranking experts for a case on the server: load the case's parties and the candidate pool, call the pure
 * ranking (packages/domain), store the result with the case. The pool is the experts of the case's institution,
 * of the institutions above it (a province's experts serve its cities) and of those below it.
 */
export const matchBody = z.strictObject({ ipc: z.array(ipcCode).max(10).optional(), language: language.optional() });
export type MatchInput = z.infer<typeof matchBody>;

const OPEN = ['accepted', 'assigned', 'in_progress', 'under_review', 'awaiting_supplement', 'suspended', 'referred', 'submitted'];
const RANK_LIMIT = 20;
/** Capacity and availability exclusions stored at most this many (recusals are always all stored). */
const KEEP_OTHER_EXCLUSIONS = 50;

/** The case for a caller who may rank and invite experts on it; 404 otherwise (never leaks another subtree). */
export async function caseForInvite(db: DB | Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const c = await findCase(db, caseId);
  if (!c || c.state === 'draft' || !can(actor, 'expert.invite', { institutionPath: c.institution_path })) throw NotFound('case', '案件');
  return c;
}

export async function candidatePool(db: DB | Tx, c: CaseRow): Promise<MatchExpert[]> {
  const rows = await db
    .selectFrom('experts as e')
    .select(['e.id', 'e.name', 'e.employer', 'e.employer_credit_code', 'e.kinds', 'e.ipc', 'e.industries', 'e.ip_types', 'e.services', 'e.regions',
      'e.languages', 'e.jurisdictions', 'e.availability', 'e.max_open', 'e.interests'])
    .where('e.status', '=', 'active')
    .where(sql<boolean>`(e.institution_path @> ${c.institution_path}::ltree OR e.institution_path <@ ${c.institution_path}::ltree)`)
    .execute();
  const ids = rows.map((r) => r.id);
  const [loads, past, ratings] = await Promise.all([
    openLoads(db, ids),
    db.selectFrom('expert_invitations as v')
      .innerJoin('case_parties as p', 'p.case_id', 'v.case_id')
      .select(['v.expert_id', 'p.name', 'p.credit_code'])
      .where('v.status', '=', 'accepted').where('v.case_id', '!=', c.id).where('p.role', 'in', ['applicant', 'opposing'])
      .execute(),
    db.selectFrom('expert_invitations').select(['expert_id', sql<string>`avg(rating)`.as('avg'), sql<number>`count(rating)::int`.as('n')])
      .where('rating', 'is not', null).groupBy('expert_id').execute(),
  ]);
  const pastBy = new Map<string, { name: string; creditCode: string | null }[]>();
  for (const p of past) pastBy.set(p.expert_id, [...(pastBy.get(p.expert_id) ?? []), { name: p.name, creditCode: p.credit_code }]);
  const rateBy = new Map(ratings.map((r) => [r.expert_id, r]));
  return rows.map((r) => ({
    id: r.id, name: r.name, employer: r.employer, employerCreditCode: r.employer_credit_code, kinds: r.kinds, ipc: r.ipc, industries: r.industries,
    ipTypes: r.ip_types, services: r.services, regions: r.regions, languages: r.languages, jurisdictions: r.jurisdictions,
    availability: r.availability, maxOpen: r.max_open, openLoad: loads.get(r.id) ?? 0,
    ratingAvg: rateBy.has(r.id) ? Number(rateBy.get(r.id)!.avg) : null, ratingCount: rateBy.get(r.id)?.n ?? 0,
    interests: (r.interests as ExpertInterestRow[]).map((i) => ({ kind: i.kind, name: i.name, creditCode: i.creditCode ?? null })),
    pastParties: pastBy.get(r.id) ?? [],
  }));
}

export async function matchCase(db: DB | Tx, c: CaseRow, input: MatchInput): Promise<{ criteria: MatchCase; ranking: Ranking }> {
  const parties = await db.selectFrom('case_parties').select(['role', 'name', 'credit_code']).where('case_id', '=', c.id)
    .where('role', 'in', ['applicant', 'opposing']).execute();
  const criteria: MatchCase = {
    ipType: c.ip_type, field: c.field, ipc: input.ipc ?? [], services: c.services, regionCode: c.region_code, overseas: c.overseas,
    country: c.country, language: input.language ?? null,
    parties: parties.map((p) => ({ role: p.role as 'applicant' | 'opposing', name: p.name, creditCode: p.credit_code })),
  };
  return { criteria, ranking: rankExperts(criteria, await candidatePool(db, c), RANK_LIMIT) };
}

/** Rank and store: the ranking is kept with the case so the choice made from it can be explained later. */
export async function createMatch(deps: Deps, actor: Actor, caseId: string, input: MatchInput, ctx: AuditContext) {
  const c = await caseForInvite(deps.db, actor, caseId);
  if (!OPEN.includes(c.state)) throw new AppError(409, 'case_closed', '案件已结束，不能再匹配专家', 'The case is closed; experts can no longer be matched');
  const { criteria, ranking } = await matchCase(deps.db, c, input);
  const recusals = ranking.excluded.filter((x) => x.reasons.some((r) => r.code !== 'unavailable' && r.code !== 'at_capacity'));
  const others = ranking.excluded.filter((x) => !recusals.includes(x)).slice(0, KEEP_OTHER_EXCLUSIONS);
  // Party names stay out of the stored criteria: they live (encrypted where personal) on the case.
  const { parties: _, ...stored } = criteria;
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('expert_matches').values({
      case_id: c.id, criteria: JSON.stringify(stored), ranked: JSON.stringify(ranking.ranked), excluded: JSON.stringify([...recusals, ...others]),
      created_by: actor.userId, created_at: deps.clock.now(),
    }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'case.expert.match', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { matchId: row.id, ranked: ranking.ranked.length, recused: recusals.length },
    });
    return { id: row.id, createdAt: row.created_at.toISOString(), criteria: stored, ranked: ranking.ranked, excluded: [...recusals, ...others] };
  });
}

export async function latestMatch(db: DB, caseId: string) {
  const m = await db.selectFrom('expert_matches').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return m ? { id: m.id, createdAt: m.created_at.toISOString(), criteria: m.criteria, ranked: m.ranked as Ranking['ranked'], excluded: m.excluded as Ranking['excluded'] } : null;
}
