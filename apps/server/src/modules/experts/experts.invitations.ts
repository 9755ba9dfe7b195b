import type { RankedExpert } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { isUuid } from './experts.repository.ts';
import { caseForInvite } from './experts.matching.ts';

/**
 * Invitations (issue 5, item 8). The handler invites from a stored ranking; the expert accepts or declines
 * (with a reason) in the console. A decline, or no reply by `respond_by` (the timeout job), invites the next
 * candidate of the same ranking automatically, unless another invitation of the case is still open or accepted.
 * Accepting attaches the expert's account to the case (case_experts), which is what opens the case to them.
 */
export const RESPOND_HOURS = 72;
export const TIMEOUT_JOB = 'expert-invitation-timeout';

const notFound = () => NotFound('invitation', '邀请');

interface InviteFrom { caseId: string; caseInstitutionId: string; casePath: string; matchId: string; ranked: RankedExpert[] }

async function insertInvitation(tx: Tx, deps: Deps, from: InviteFrom, pick: RankedExpert, by: string | null, auto: boolean, ctx: AuditContext) {
  const now = deps.clock.now();
  const respondBy = new Date(now.getTime() + RESPOND_HOURS * 3600_000);
  const row = await tx.insertInto('expert_invitations').values({
    case_id: from.caseId, expert_id: pick.expertId, match_id: from.matchId, rank: pick.rank, score: pick.score,
    explanation: JSON.stringify(pick.parts), invited_by: by, invited_at: now, respond_by: respondBy, auto,
  }).returning('id').executeTakeFirstOrThrow().catch((e) => {
    if ((e as { constraint?: string }).constraint === 'expert_invitations_once') throw Conflict('already_invited', '已邀请过该专家', 'This expert was already invited to the case', 'expertId');
    throw e;
  });
  await deps.jobs.enqueue(TIMEOUT_JOB, { invitationId: row.id }, { tx, startAfter: respondBy });
  await recordAudit(tx, ctx, {
    action: 'case.expert.invite', objectType: 'case', objectId: from.caseId, institutionId: from.caseInstitutionId, institutionPath: from.casePath,
    detail: { invitationId: row.id, expertId: pick.expertId, rank: pick.rank, score: pick.score, auto },
  });
  return row.id;
}

async function matchOf(tx: Tx | DB, caseId: string, matchId: string) {
  const m = isUuid(matchId) ? await tx.selectFrom('expert_matches').select(['id', 'ranked']).where('id', '=', matchId).where('case_id', '=', caseId).executeTakeFirst() : undefined;
  if (!m) throw new AppError(422, 'match_not_found', '请先为本案匹配专家', 'Rank experts for this case first', 'matchId');
  return { id: m.id, ranked: m.ranked as RankedExpert[] };
}

export async function inviteFromMatch(deps: Deps, actor: Actor, caseId: string, matchId: string, expertId: string, ctx: AuditContext) {
  return deps.db.transaction().execute(async (tx) => {
    const c = await caseForInvite(tx, actor, caseId);
    const m = await matchOf(tx, c.id, matchId);
    const pick = m.ranked.find((r) => r.expertId === expertId);
    if (!pick) throw new AppError(422, 'not_ranked', '只能邀请排序结果中的专家（被回避的专家不能邀请）', 'Only ranked experts may be invited (recused ones may not)', 'expertId');
    return insertInvitation(tx, deps, { caseId: c.id, caseInstitutionId: c.institution_id, casePath: c.institution_path, matchId: m.id, ranked: m.ranked }, pick, actor.userId, false, ctx);
  });
}

/** After a decline or silence: invite the best-ranked candidate of the same ranking not yet asked. */
async function inviteNext(tx: Tx, deps: Deps, caseId: string, matchId: string | null, ctx: AuditContext): Promise<string | null> {
  if (!matchId) return null;
  const c = await tx.selectFrom('cases').select(['id', 'institution_id', 'institution_path', 'state']).where('id', '=', caseId).executeTakeFirstOrThrow();
  if (['concluded', 'archived', 'withdrawn', 'declined'].includes(c.state)) return null;
  const invs = await tx.selectFrom('expert_invitations').select(['expert_id', 'status']).where('case_id', '=', caseId).execute();
  if (invs.some((v) => v.status === 'pending' || v.status === 'accepted')) return null;
  const asked = new Set(invs.map((v) => v.expert_id));
  const m = await matchOf(tx, caseId, matchId);
  const busy = await tx.selectFrom('experts').select('id').where('id', 'in', m.ranked.map((r) => r.expertId).concat(['00000000-0000-0000-0000-000000000000']))
    .where((eb) => eb.or([eb('status', '!=', 'active'), eb('availability', '=', 'unavailable')])).execute();
  const skip = new Set([...asked, ...busy.map((b) => b.id)]);
  const next = m.ranked.find((r) => !skip.has(r.expertId));
  if (!next) return null;
  return insertInvitation(tx, deps, { caseId, caseInstitutionId: c.institution_id, casePath: c.institution_path, matchId: m.id, ranked: m.ranked }, next, null, true, ctx);
}

/** The invitation addressed to the signed-in expert, locked; 404 for anyone else's. */
async function ownInvitation(tx: Tx, actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound();
  const v = await tx.selectFrom('expert_invitations as v').innerJoin('experts as e', 'e.id', 'v.expert_id')
    .innerJoin('cases as c', 'c.id', 'v.case_id')
    .select(['v.id', 'v.case_id', 'v.status', 'v.match_id', 'v.invited_by', 'e.user_id', 'e.id as expert_id', 'c.institution_id', 'c.institution_path'])
    .where('v.id', '=', id).forUpdate('v').executeTakeFirst();
  if (!v || !v.user_id || v.user_id !== actor.userId) throw notFound();
  if (v.status !== 'pending') throw Conflict('invitation_closed', '该邀请已答复或已失效', 'The invitation was already answered or has lapsed');
  return v;
}

export async function respond(deps: Deps, actor: Actor, id: string, answer: 'accept' | 'decline', reason: string | undefined, ctx: AuditContext) {
  return deps.db.transaction().execute(async (tx) => {
    const v = await ownInvitation(tx, actor, id);
    const now = deps.clock.now();
    await tx.updateTable('expert_invitations').set({ status: answer === 'accept' ? 'accepted' : 'declined', reason: reason ?? null, responded_at: now }).where('id', '=', v.id).execute();
    if (answer === 'accept') {
      await tx.insertInto('case_experts').values({ case_id: v.case_id, user_id: actor.userId, invited_by: v.invited_by, opinion: null, opinion_at: null })
        .onConflict((oc) => oc.doNothing()).execute();
    }
    await recordAudit(tx, ctx, {
      action: answer === 'accept' ? 'case.expert.accept' : 'case.expert.decline', objectType: 'case', objectId: v.case_id,
      institutionId: v.institution_id, institutionPath: v.institution_path, detail: { invitationId: v.id, expertId: v.expert_id },
    });
    const next = answer === 'decline' ? await inviteNext(tx, deps, v.case_id, v.match_id, ctx) : null;
    return { status: answer === 'accept' ? 'accepted' : 'declined', nextInvitationId: next };
  });
}

const systemCtx: AuditContext = { actorId: null, actorName: 'system', institutionId: null, institutionPath: null, ip: null, requestId: 'job' };

/** No reply in time: the invitation lapses and the next candidate is asked. Idempotent (a later run finds it closed). */
export async function expireInvitation(deps: Deps, invitationId: string): Promise<{ expired: boolean; next: string | null }> {
  return deps.db.transaction().execute(async (tx) => {
    const v = isUuid(invitationId)
      ? await tx.selectFrom('expert_invitations as v').innerJoin('cases as c', 'c.id', 'v.case_id')
        .select(['v.id', 'v.case_id', 'v.status', 'v.respond_by', 'v.match_id', 'v.expert_id', 'c.institution_id', 'c.institution_path'])
        .where('v.id', '=', invitationId).forUpdate('v').executeTakeFirst()
      : undefined;
    if (!v || v.status !== 'pending' || v.respond_by > deps.clock.now()) return { expired: false, next: null };
    await tx.updateTable('expert_invitations').set({ status: 'expired', reason: '超时未答复', responded_at: deps.clock.now() }).where('id', '=', v.id).execute();
    await recordAudit(tx, systemCtx, {
      action: 'case.expert.expire', objectType: 'case', objectId: v.case_id, institutionId: v.institution_id, institutionPath: v.institution_path,
      detail: { invitationId: v.id, expertId: v.expert_id },
    });
    return { expired: true, next: await inviteNext(tx, deps, v.case_id, v.match_id, systemCtx) };
  });
}

export const invitationTimeoutJob = defineJob<{ invitationId: string }>(TIMEOUT_JOB, (data, deps) => expireInvitation(deps, data.invitationId));

/** The handler rates an accepted expert's work on the case; the ratings feed later rankings. */
export async function rateInvitation(deps: Deps, actor: Actor, id: string, rating: number, note: string | undefined, ctx: AuditContext) {
  await deps.db.transaction().execute(async (tx) => {
    const v = isUuid(id) ? await tx.selectFrom('expert_invitations').select(['id', 'case_id', 'status', 'expert_id']).where('id', '=', id).executeTakeFirst() : undefined;
    if (!v) throw notFound();
    const c = await caseForInvite(tx, actor, v.case_id).catch(() => { throw notFound(); });
    if (v.status !== 'accepted') throw Conflict('not_accepted', '只能评价已接受邀请的专家', 'Only an accepted invitation can be rated', 'rating');
    await tx.updateTable('expert_invitations').set({ rating, rating_note: note ?? null }).where('id', '=', v.id).execute();
    await recordAudit(tx, ctx, {
      action: 'expert.rate', objectType: 'expert', objectId: v.expert_id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { invitationId: v.id, caseId: c.id, rating },
    });
  });
}

export async function caseInvitations(db: DB, caseId: string) {
  const rows = await db.selectFrom('expert_invitations as v').innerJoin('experts as e', 'e.id', 'v.expert_id')
    .select(['v.id', 'v.expert_id', 'e.name', 'e.employer', 'v.rank', 'v.score', 'v.explanation', 'v.status', 'v.reason', 'v.invited_at', 'v.respond_by',
      'v.responded_at', 'v.rating', 'v.auto'])
    .where('v.case_id', '=', caseId).orderBy('v.invited_at').execute();
  return rows.map(presentInvitation);
}

export async function myInvitations(db: DB, userId: string) {
  const rows = await db.selectFrom('expert_invitations as v').innerJoin('experts as e', 'e.id', 'v.expert_id').innerJoin('cases as c', 'c.id', 'v.case_id')
    .select(['v.id', 'v.expert_id', 'e.name', 'e.employer', 'v.rank', 'v.score', 'v.explanation', 'v.status', 'v.reason', 'v.invited_at', 'v.respond_by',
      'v.responded_at', 'v.rating', 'v.auto', 'c.id as case_id', 'c.case_number', 'c.summary', 'c.ip_type', 'c.field'])
    .where('e.user_id', '=', userId).orderBy('v.invited_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...presentInvitation(r), caseId: r.case_id, caseNumber: r.case_number, summary: r.summary, ipType: r.ip_type, field: r.field }));
}

function presentInvitation(r: {
  id: string; expert_id: string; name: string; employer: string | null; rank: number | null; score: string | null; explanation: unknown; status: string;
  reason: string | null; invited_at: Date; respond_by: Date; responded_at: Date | null; rating: number | null; auto: boolean;
}) {
  return {
    id: r.id, expertId: r.expert_id, name: r.name, employer: r.employer, rank: r.rank, score: r.score === null ? null : Number(r.score),
    explanation: r.explanation, status: r.status, reason: r.reason, invitedAt: r.invited_at.toISOString(), respondBy: r.respond_by.toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null, rating: r.rating, auto: r.auto,
  };
}
