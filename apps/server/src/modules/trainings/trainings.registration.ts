import crypto from 'node:crypto';
import { checkinOpen, maskPhone, placeFor, promotions } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { enqueueNotice } from './trainings.notices.ts';
import { lockForManage } from './trainings.service.ts';

/**
 * Public registration, the waiting list, check-in and feedback. The training row is locked (FOR UPDATE) for every
 * change of places, so two people cannot take the last place at once and a promotion happens exactly once.
 */

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(crypto.randomBytes(6), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

async function lockPublic(tx: Tx, id: string) {
  const r = await sql<{ id: string; state: string; capacity: number | null; starts_at: Date; ends_at: Date; institution_id: string; institution_path: string }>`
    SELECT id, state, capacity, starts_at, ends_at, institution_id, institution_path::text AS institution_path
    FROM trainings WHERE id = ${id} AND state <> 'draft' FOR UPDATE`.execute(tx);
  const t = r.rows[0];
  if (!t) throw NotFound('training', '培训');
  return t;
}

async function confirmedCount(tx: Tx, id: string): Promise<number> {
  const r = await tx.selectFrom('training_registrations').select(sql<number>`count(*)::int`.as('n')).where('training_id', '=', id).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
  return r.n;
}

export interface RegistrationResult { id: string; code: string; status: 'confirmed' | 'waitlisted'; position: number | null }

export async function register(deps: Deps, trainingId: string, input: { name: string; phone: string; organisation?: string | null }, ctx: AuditContext): Promise<RegistrationResult> {
  return deps.db.transaction().execute(async (tx) => {
    const t = await lockPublic(tx, trainingId);
    const now = deps.clock.now();
    if (t.state !== 'published' || now >= t.starts_at) throw Conflict('registration_closed', '报名已截止', 'Registration is closed', 'trainingId');
    const hmac = deps.secrets.hmac(input.phone);
    const dup = await tx.selectFrom('training_registrations').select('id').where('training_id', '=', trainingId).where('phone_hmac', '=', hmac).where('status', '<>', 'cancelled').executeTakeFirst();
    if (dup) throw Conflict('already_registered', '该手机号已报名本场培训', 'This phone number is already registered for this training', 'phone');
    const status = placeFor(t.capacity, await confirmedCount(tx, trainingId));
    let code = newCode();
    for (let i = 0; i < 5 && (await tx.selectFrom('training_registrations').select('id').where('training_id', '=', trainingId).where('code', '=', code).executeTakeFirst()); i++) code = newCode();
    const row = await tx.insertInto('training_registrations').values({
      training_id: trainingId, name: input.name, phone_enc: deps.secrets.encrypt(input.phone), phone_hmac: hmac, phone_masked: maskPhone(input.phone),
      organisation: input.organisation || null, code, status, checked_in_at: null, checked_in_via: null, reminded_at: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await enqueueNotice(deps, tx, row.id, status);
    await recordAudit(tx, ctx, {
      action: 'training.register', objectType: 'training', objectId: trainingId, institutionId: t.institution_id, institutionPath: t.institution_path, detail: { status },
    });
    const position = status === 'waitlisted' ? await waitingPosition(tx, trainingId, row.id) : null;
    return { id: row.id, code, status, position };
  });
}

async function waitingPosition(tx: Tx, trainingId: string, registrationId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM training_registrations w, training_registrations me
    WHERE me.id = ${registrationId} AND w.training_id = ${trainingId} AND w.status = 'waitlisted'
      AND (w.created_at, w.id) <= (me.created_at, me.id)`.execute(tx);
  return r.rows[0]!.n;
}

/** Move the first of the waiting list up while places are free; each promoted registrant is told. The caller holds the lock. */
export async function promoteWaiting(deps: Deps, tx: Tx, trainingId: string): Promise<number> {
  const t = await tx.selectFrom('trainings').select(['capacity', 'state']).where('id', '=', trainingId).executeTakeFirstOrThrow();
  if (t.state !== 'published') return 0;
  const waiting = await tx.selectFrom('training_registrations').select('id').where('training_id', '=', trainingId).where('status', '=', 'waitlisted').orderBy('created_at').orderBy('id').execute();
  const n = promotions(t.capacity, await confirmedCount(tx, trainingId), waiting.length);
  const up = waiting.slice(0, n).map((w) => w.id);
  if (up.length === 0) return 0;
  await tx.updateTable('training_registrations').set({ status: 'confirmed', updated_at: deps.clock.now() }).where('id', 'in', up).execute();
  for (const id of up) await enqueueNotice(deps, tx, id, 'promoted');
  return up.length;
}

async function cancel(deps: Deps, tx: Tx, trainingId: string, registrationId: string) {
  const hit = await tx.updateTable('training_registrations').set({ status: 'cancelled', updated_at: deps.clock.now() })
    .where('id', '=', registrationId).where('training_id', '=', trainingId).where('status', '<>', 'cancelled').where('checked_in_at', 'is', null)
    .returning('id').executeTakeFirst();
  if (!hit) throw Conflict('not_cancellable', '该报名已取消或已签到', 'The registration is already cancelled or checked in', 'code');
  await promoteWaiting(deps, tx, trainingId);
}

/** The registrant cancels with the code from the confirmation and the phone number used. */
export async function cancelByCode(deps: Deps, trainingId: string, code: string, phone: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await lockPublic(tx, trainingId);
    const reg = await tx.selectFrom('training_registrations').select('id')
      .where('training_id', '=', trainingId).where('code', '=', code).where('phone_hmac', '=', deps.secrets.hmac(phone)).executeTakeFirst();
    if (!reg) throw NotFound('registration', '报名记录');
    await cancel(deps, tx, trainingId, reg.id);
    await recordAudit(tx, ctx, { action: 'training.cancel_registration', objectType: 'training', objectId: trainingId, institutionId: t.institution_id, institutionPath: t.institution_path });
  });
}

export async function cancelByStaff(deps: Deps, actor: Actor, trainingId: string, registrationId: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await lockForManage(tx, actor, trainingId);
    await cancel(deps, tx, trainingId, registrationId);
    await recordAudit(tx, ctx, {
      action: 'training.cancel_registration', objectType: 'training', objectId: trainingId, institutionId: t.institution_id, institutionPath: t.institution_path,
      detail: { registrationId },
    });
  });
}

export interface CheckinResult { name: string; already: boolean; checkedInAt: string }

/** Mark one confirmed registration present. A second scan answers `already: true` and keeps the first time. */
async function markPresent(tx: Tx, now: Date, trainingId: string, registrationId: string, via: 'qr' | 'staff'): Promise<CheckinResult> {
  const reg = await tx.selectFrom('training_registrations').select(['id', 'name', 'status', 'checked_in_at'])
    .where('id', '=', registrationId).where('training_id', '=', trainingId).forUpdate().executeTakeFirst();
  if (!reg) throw NotFound('registration', '报名记录');
  if (reg.status !== 'confirmed') {
    throw Conflict('not_confirmed', reg.status === 'waitlisted' ? '您仍在候补名单中，请联系工作人员' : '该报名已取消', reg.status === 'waitlisted' ? 'Still on the waiting list; please see the staff' : 'The registration was cancelled', 'code');
  }
  if (reg.checked_in_at) return { name: reg.name, already: true, checkedInAt: new Date(reg.checked_in_at).toISOString() };
  await tx.updateTable('training_registrations').set({ checked_in_at: now, checked_in_via: via, updated_at: now }).where('id', '=', reg.id).execute();
  return { name: reg.name, already: false, checkedInAt: now.toISOString() };
}

/** What the mobile check-in page shows before anyone types: the training the door's QR code belongs to. */
export async function trainingForToken(deps: Deps, token: string) {
  const t = await deps.db.selectFrom('trainings').select(['id', 'title', 'starts_at', 'ends_at', 'place', 'state'])
    .where('checkin_token', '=', token).where('state', 'in', ['published', 'held']).executeTakeFirst();
  if (!t) throw NotFound('training', '培训');
  const now = deps.clock.now();
  return { id: t.id, title: t.title, startsAt: t.starts_at.toISOString(), endsAt: t.ends_at.toISOString(), place: t.place, open: checkinOpen(now, t.starts_at, t.ends_at) };
}

export async function checkInByToken(deps: Deps, token: string, who: { phone?: string; code?: string }): Promise<CheckinResult> {
  return deps.db.transaction().execute(async (tx) => {
    const t = await tx.selectFrom('trainings').select(['id', 'starts_at', 'ends_at']).where('checkin_token', '=', token).where('state', 'in', ['published', 'held']).executeTakeFirst();
    if (!t) throw NotFound('training', '培训');
    const now = deps.clock.now();
    if (!checkinOpen(now, t.starts_at, t.ends_at)) throw Conflict('checkin_closed', '签到尚未开始或已结束', 'Check-in is not open now', 'phone');
    let q = tx.selectFrom('training_registrations').select('id').where('training_id', '=', t.id).where('status', '<>', 'cancelled');
    q = who.code ? q.where('code', '=', who.code) : q.where('phone_hmac', '=', deps.secrets.hmac(who.phone!));
    const reg = await q.executeTakeFirst();
    if (!reg) throw new AppError(404, 'not_registered', '未找到报名记录，请核对手机号或报名码', 'No registration found for this phone number or code', who.code ? 'code' : 'phone');
    return markPresent(tx, now, t.id, reg.id, 'qr');
  });
}

export async function checkInByStaff(deps: Deps, actor: Actor, trainingId: string, registrationId: string, ctx: AuditContext): Promise<CheckinResult> {
  return deps.db.transaction().execute(async (tx) => {
    const t = await lockForManage(tx, actor, trainingId);
    if (t.state !== 'published' && t.state !== 'held') throw Conflict('not_open', '该培训当前不能签到', 'Check-in is not open for this training', 'state');
    const r = await markPresent(tx, deps.clock.now(), trainingId, registrationId, 'staff');
    if (!r.already) {
      await recordAudit(tx, ctx, {
        action: 'training.check_in', objectType: 'training', objectId: trainingId, institutionId: t.institution_id, institutionPath: t.institution_path, detail: { registrationId },
      });
    }
    return r;
  });
}

/** After the event: one short feedback per registration, given with its code. */
export async function giveFeedback(deps: Deps, trainingId: string, input: { code: string; score: number; comment?: string | null }): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await lockPublic(tx, trainingId);
    if (t.state !== 'held' && t.state !== 'closed' && deps.clock.now() < t.ends_at) {
      throw Conflict('not_held', '培训结束后才能评价', 'Feedback opens after the training', 'score');
    }
    const reg = await tx.selectFrom('training_registrations').select('id').where('training_id', '=', trainingId).where('code', '=', input.code).where('status', '=', 'confirmed').executeTakeFirst();
    if (!reg) throw new AppError(404, 'not_registered', '报名码不正确', 'Unknown registration code', 'code');
    const r = await tx.insertInto('training_feedback')
      .values({ training_id: trainingId, registration_id: reg.id, score: input.score, comment: input.comment || null, created_at: deps.clock.now() })
      .onConflict((oc) => oc.column('registration_id').doNothing()).returning('id').executeTakeFirst();
    if (!r) throw Conflict('feedback_given', '您已提交过评价，谢谢', 'Feedback was already given for this registration', 'code');
  });
}
