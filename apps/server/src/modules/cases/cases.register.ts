import type { Track } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor, inScope } from '../../authz/can.ts';
import { rolePermissions } from '../../authz/roles.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { attach } from '../../platform/storage/index.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import type { EffectReport } from './cases.effects.ts';
import { claimKey, requestHash, storeAnswer } from './cases.idempotency.ts';
import { partyRow } from './cases.parties.ts';
import { insertCase, insertParties, linkAttachments, lockCase } from './cases.repository.ts';
import type { RegisterInput } from './cases.schemas.ts';
import { transitionLocked } from './cases.transition.ts';

export interface Registered {
  caseId: string;
  /** The answer of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  effects: EffectReport[];
}

/**
 * Staff registration from any channel (walk-in, hotline, e-mail, transfer-in, exhibition …): the case
 * is created as a draft and submitted at once through the state machine, so it gets its number, its
 * `submit` event and its acceptance deadline like an online application. One transaction.
 */
export async function registerCase(
  deps: Deps, actor: Actor, input: RegisterInput, ctx: AuditContext, idempotencyKey?: string,
  options: { track?: Track; tx?: Tx } = {},
): Promise<Registered> {
  const owner = `user:${actor.userId}`;
  const work = async (tx: Tx) => {
    if (idempotencyKey) {
      const earlier = await claimKey(tx, owner, idempotencyKey, requestHash(input));
      if (earlier) return { caseId: earlier.response.caseId, replayed: true, effects: [] as EffectReport[] };
    }
    const inst = await registrationInstitution(tx, actor, input.institutionId);
    const caseId = await insertDraft(tx, deps, inst, input, { applicantUserId: null, createdBy: actor.userId });
    // The fast track is decided at acceptance, or here for a channel that needs it from the start (on-site complaints).
    if (options.track === 'fast') await tx.updateTable('cases').set({ track: 'fast' }).where('id', '=', caseId).execute();
    // The answer is stored before the transition, whose last statement takes the number (ADR 0043).
    if (idempotencyKey) await storeAnswer(tx, owner, idempotencyKey, { statusCode: 201, response: { caseId } });
    const row = (await lockCase(tx, caseId))!;
    const r = await transitionLocked(tx, deps, actor, row, 'submit', {}, ctx);
    return { caseId, replayed: false, effects: r.effects };
  };
  // Inside the caller's transaction when given (a record that the case belongs to is written with it).
  return options.tx ? work(options.tx) : deps.db.transaction().execute(work);
}

/**
 * A case in `draft`: the row, its parties (personal data encrypted) and its evidence. Drafts have no
 * number and are seen only by their applicant; the portal keeps an applicant's draft this way.
 */
export async function insertDraft(
  tx: Tx, deps: Deps, inst: { id: string; path: string }, input: RegisterInput,
  who: { applicantUserId: string | null; createdBy: string | null },
): Promise<string> {
  const now = deps.clock.now();
  const a = input.applicant;
  const caseId = await insertCase(tx, {
    case_number: null, institution_id: inst.id, institution_path: inst.path, transfer_to_id: null, transfer_to_path: null,
    state: 'draft', channel: input.channel, applicant_user_id: who.applicantUserId, handler_id: null, suspended_from: null,
    supplement_from: null, transferred_from: null, referred_from: null, referral_body: null, applicant_kind: a.kind,
    enterprise_size: a.enterpriseSize ?? null, enterprise_tags: a.enterpriseTags ?? [], ip_type: input.ipType,
    ip_number: input.ipNumber ?? null, services: input.services, overseas: input.overseas,
    country: input.overseas ? (input.country ?? null) : null, field: input.field ?? null, region_code: input.regionCode ?? null,
    summary: input.summary, request: input.request, result: null, submitted_at: null, accepted_at: null, concluded_at: null,
    archived_at: null, created_by: who.createdBy, created_at: now, updated_at: now,
  });
  await insertParties(tx, [
    partyRow(deps.secrets, caseId, 'applicant', a, 0),
    ...input.opposingParties.map((p, i) => partyRow(deps.secrets, caseId, 'opposing', p, i + 1)),
    ...(input.agent ? [partyRow(deps.secrets, caseId, 'agent', input.agent, 100)] : []),
  ]);
  if (input.evidenceIds.length > 0) {
    const uploadedBy = who.applicantUserId ?? who.createdBy;
    await attach(tx, input.evidenceIds, { type: 'case', id: caseId, institutionPath: inst.path, uploadedBy });
    await linkAttachments(tx, caseId, input.evidenceIds, 'evidence', uploadedBy);
  }
  return caseId;
}

/** The chosen institution (in the actor's case.submit scope, else 404), or the actor's own intake institution. */
async function registrationInstitution(tx: Tx, actor: Actor, institutionId: string | undefined) {
  const scope = scopeFor(actor, 'case.submit');
  const id = institutionId ?? actor.grants.find((g) => rolePermissions[g.role].includes('case.submit'))?.institutionId;
  const notFound = () => new AppError(404, 'not_found', '机构不存在或无权访问', 'Institution not found', 'institutionId');
  if (!id) throw notFound();
  const inst = await tx
    .selectFrom('institutions')
    .select(['id', 'status', (eb) => eb.cast<string>('path', 'text').as('path')])
    .where('id', '=', id)
    .where(inScope(scope, 'path'))
    .executeTakeFirst();
  if (!inst) throw notFound();
  if (inst.status !== 'active') {
    throw new AppError(422, 'institution_closed', '该机构已撤销，不能登记案件', 'The institution is closed', 'institutionId');
  }
  return inst;
}
