import crypto from 'node:crypto';
import { trainingNext, type TrainingAction, type TrainingState } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { promoteWaiting } from './trainings.registration.ts';
import { getTraining, type TrainingRow } from './trainings.repository.ts';
import type { CreateTrainingInput, UpdateTrainingInput } from './trainings.schemas.ts';

/** Trainings in the console: plan, edit, move through the life cycle, record the head count. One transaction each. */

const newToken = () => crypto.randomBytes(18).toString('base64url');

function columns(f: Partial<CreateTrainingInput>): Record<string, unknown> {
  const map: Record<string, string> = {
    title: 'title', summary: 'summary', topics: 'topics', audience: 'audience', mode: 'mode', place: 'place', onlineUrl: 'online_url',
    startsAt: 'starts_at', endsAt: 'ends_at', organiser: 'organiser', coOrganisers: 'co_organisers', capacity: 'capacity',
  };
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(map)) {
    const v = (f as Record<string, unknown>)[k];
    if (v !== undefined) out[col] = Array.isArray(v) ? [...new Set(v)] : v === '' ? null : v;
  }
  return out;
}

async function setSpeakers(tx: Tx, trainingId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length) {
    const found = await tx.selectFrom('experts').select('id').where('id', 'in', unique).where('status', '=', 'active').execute();
    if (found.length !== unique.length) throw new AppError(422, 'unknown_speaker', '所选主讲专家不在专家库中', 'A speaker is not in the expert pool', 'speakerIds');
  }
  await tx.deleteFrom('training_speakers').where('training_id', '=', trainingId).execute();
  if (unique.length) await tx.insertInto('training_speakers').values(unique.map((expert_id, position) => ({ training_id: trainingId, expert_id, position }))).execute();
}

/** The training locked for a change, in the caller's manage scope (else 404, as for any record out of reach). */
export async function lockForManage(tx: Tx, actor: Actor, id: string): Promise<TrainingRow> {
  const row = await getTraining(tx, scopeFor(actor, 'training.read'), id);
  if (!row || !can(actor, 'training.manage', { institutionPath: row.institution_path })) throw NotFound('training', '培训');
  await sql`SELECT 1 FROM trainings WHERE id = ${id} FOR UPDATE`.execute(tx);
  return (await getTraining(tx, scopeFor(actor, 'training.read'), id))!;
}

export async function createTraining(deps: Deps, actor: Actor, input: CreateTrainingInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const inst = await targetInstitution(tx, actor, input.institutionId, 'training.manage');
    const now = deps.clock.now();
    const { institutionId: _, speakerIds, ...fields } = input;
    const row = await tx
      .insertInto('trainings')
      .values({ ...columns(fields), institution_id: inst.id, institution_path: inst.path, checkin_token: newToken(), created_by: actor.userId, created_at: now, updated_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await setSpeakers(tx, row.id, speakerIds);
    await recordAudit(tx, ctx, { action: 'training.create', objectType: 'training', objectId: row.id, institutionId: inst.id, institutionPath: inst.path });
    return row.id;
  });
}

export async function updateTraining(deps: Deps, actor: Actor, id: string, input: UpdateTrainingInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await lockForManage(tx, actor, id);
    if (cur.version !== input.version) throw Conflict('stale_version', '该培训已被他人修改，请刷新后重试', 'Changed by someone else; reload and retry', 'version');
    if (cur.state === 'closed') throw Conflict('training_closed', '已结束的培训不能修改', 'A closed training cannot be changed', 'state');
    const { version: _, speakerIds, ...fields } = input;
    const startsAt = new Date(fields.startsAt ?? cur.starts_at);
    const endsAt = new Date(fields.endsAt ?? cur.ends_at);
    if (endsAt <= startsAt) throw new AppError(422, 'invalid', '结束时间须晚于开始时间', 'The end must come after the start', 'endsAt');
    const place = fields.place === undefined ? cur.place : fields.place;
    if ((fields.mode ?? cur.mode) === 'offline' && !place) throw new AppError(422, 'invalid', '线下活动须填写地点', 'An in-person event needs a place', 'place');
    await tx.updateTable('trainings').set({ ...columns(fields), version: cur.version + 1, updated_at: deps.clock.now() } as never).where('id', '=', id).execute();
    if (speakerIds) await setSpeakers(tx, id, speakerIds);
    // A larger capacity frees places: the waiting list moves up at once.
    if (fields.capacity !== undefined) await promoteWaiting(deps, tx, id);
    await recordAudit(tx, ctx, {
      action: 'training.update', objectType: 'training', objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
      detail: { fields: Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== undefined).concat(speakerIds ? ['speakerIds'] : []) },
    });
  });
}

export async function transitionTraining(deps: Deps, actor: Actor, id: string, action: TrainingAction, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await lockForManage(tx, actor, id);
    const to = trainingNext(cur.state as TrainingState, action);
    if (!to) throw Conflict('not_allowed', '当前状态不能执行此操作', `Cannot ${action} a training that is ${cur.state}`, 'action');
    const now = deps.clock.now();
    if (action === 'hold' && now < cur.starts_at) throw Conflict('not_started', '培训尚未开始，不能标记为已举办', 'The training has not started yet', 'action');
    await tx.updateTable('trainings')
      .set({ state: to, version: cur.version + 1, updated_at: now, ...(action === 'publish' ? { published_at: now } : {}) })
      .where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: `training.${action}`, objectType: 'training', objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
    });
  });
}

/** The head count of a large event where names are not taken: recorded by staff, reported beside the check-ins. */
export async function recordHeadCount(deps: Deps, actor: Actor, id: string, headCount: number, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await lockForManage(tx, actor, id);
    if (cur.state === 'draft') throw Conflict('not_published', '草稿不能记录到场人数', 'A draft has no attendance', 'headCount');
    await tx.updateTable('trainings').set({ head_count: headCount, updated_at: deps.clock.now() }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'training.head_count', objectType: 'training', objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
      detail: { headCount },
    });
  });
}
