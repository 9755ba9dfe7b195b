import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, isWithin, scopeFor } from '../../authz/can.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { attach, type StoredFile } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { getEvent, isUuid, type EventRow } from './events.repository.ts';
import type { CommitmentInput, ConsultationTallyInput, CreateEventInput, RosterInput, ScreeningInput, UpdateEventInput } from './events.schemas.ts';

/** The event register's use cases: one transaction each, the audit entry inside it. */

const cols = (f: Partial<CreateEventInput>) => {
  const map: Record<string, string> = {
    name: 'name', kind: 'kind', venue: 'venue', startsOn: 'starts_on', endsOn: 'ends_on', organiser: 'organiser',
    expectedExhibitors: 'expected_exhibitors', preTraining: 'pre_training', notes: 'notes',
  };
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(map)) {
    const v = (f as Record<string, unknown>)[k];
    if (v !== undefined) out[c] = v === '' ? null : v;
  }
  return out;
};

/** The event in the actor's scope for `permission`, locked for a change; 404 outside it. */
export async function eventFor(tx: Tx, actor: Actor, id: string, permission: 'event.manage' | 'event.desk'): Promise<EventRow> {
  // Lock first, then read: the version compared afterwards is the one this transaction will overwrite.
  if (isUuid(id)) await tx.selectFrom('onsite_events').select('id').where('id', '=', id).forUpdate().execute();
  const e = await getEvent(tx, scopeFor(actor, permission), id);
  if (!e) throw NotFound('event', '活动');
  return e;
}

export async function createEvent(deps: Deps, actor: Actor, input: CreateEventInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const instId = input.institutionId ?? actor.grants.find((g) => can({ ...actor, grants: [g] }, 'event.manage'))?.institutionId;
    const inst = instId && isUuid(instId)
      ? await tx.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path'), 'status']).where('id', '=', instId).executeTakeFirst()
      : undefined;
    if (!inst || !can(actor, 'event.manage', { institutionPath: inst.path })) throw new AppError(404, 'not_found', '机构不存在或无权访问', 'Institution not found', 'institutionId');
    if (inst.status !== 'active') throw new AppError(422, 'institution_closed', '该机构已撤销', 'The institution is closed', 'institutionId');
    const now = deps.clock.now();
    const { institutionId: _, ...fields } = input;
    const row = await tx
      .insertInto('onsite_events')
      .values({ ...cols(fields), institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, created_at: now, updated_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'event.create', objectType: 'event', objectId: row.id, institutionPath: inst.path, detail: { name: input.name } });
    return row.id;
  });
}

export async function updateEvent(deps: Deps, actor: Actor, id: string, input: UpdateEventInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    if (e.version !== input.version) throw Conflict('stale', '活动已被他人修改，请刷新后重试', 'The event was changed by someone else; reload and retry', 'version');
    const { version: _, ...fields } = input;
    const starts = fields.startsOn ?? e.starts_on;
    const ends = fields.endsOn ?? e.ends_on;
    if (ends < starts) throw new AppError(422, 'invalid', '结束日期不能早于开始日期', 'The end date is before the start date', 'endsOn');
    await tx.updateTable('onsite_events').set({ ...cols(fields), version: e.version + 1, updated_at: deps.clock.now() } as never).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'event.update', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { fields: Object.keys(fields) } });
  });
}

/** Add someone on duty for a day of the event: an institution, a staff member or an expert in the actor's scope. */
export async function addRoster(deps: Deps, actor: Actor, id: string, input: RosterInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    if (input.onDate < e.starts_on || input.onDate > e.ends_on) {
      throw new AppError(422, 'invalid', `值班日期须在活动期间（${e.starts_on} 至 ${e.ends_on}）`, `The day must fall within the event (${e.starts_on} to ${e.ends_on})`, 'onDate');
    }
    if (!(await rosterRefInScope(tx, actor, input))) throw new AppError(404, 'not_found', '所选机构、人员或专家不存在或无权访问', 'Institution, staff member or expert not found', 'refId');
    const r = await tx
      .insertInto('onsite_roster')
      .values({ event_id: id, on_date: input.onDate, kind: input.kind, ref_id: input.refId, duty: input.duty ?? null })
      .onConflict((oc) => oc.columns(['event_id', 'on_date', 'kind', 'ref_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) throw Conflict('duplicate_roster', '该日已排此值班', 'Already on duty that day', 'refId');
    await recordAudit(tx, ctx, { action: 'event.roster.add', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { onDate: input.onDate, kind: input.kind, refId: input.refId } });
  });
}

async function rosterRefInScope(tx: Tx, actor: Actor, input: RosterInput): Promise<boolean> {
  const scope = scopeFor(actor, 'event.manage');
  const inside = (path: string) => scope.paths.some((p) => isWithin(path, p));
  if (input.kind === 'institution') {
    const i = await tx.selectFrom('institutions').select(sql<string>`path::text`.as('path')).where('id', '=', input.refId).executeTakeFirst();
    return !!i && inside(i.path);
  }
  if (input.kind === 'expert') {
    const x = await tx.selectFrom('experts').select(sql<string>`institution_path::text`.as('path')).where('id', '=', input.refId).where('status', '=', 'active').executeTakeFirst();
    return !!x && inside(x.path);
  }
  const grants = await tx
    .selectFrom('role_assignments as g')
    .innerJoin('institutions as i', 'i.id', 'g.institution_id')
    .select(sql<string>`i.path::text`.as('path'))
    .where('g.user_id', '=', input.refId)
    .execute();
  return grants.some((g) => inside(g.path));
}

export async function removeRoster(deps: Deps, actor: Actor, id: string, entryId: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    const gone = await tx.deleteFrom('onsite_roster').where('id', '=', entryId).where('event_id', '=', id).returning('id').executeTakeFirst();
    if (!gone) throw NotFound('roster entry', '值班安排');
    await recordAudit(tx, ctx, { action: 'event.roster.remove', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { entryId } });
  });
}

/** An exhibitor's IP commitment signed online: the box ticked, the signer's name, the server's time. */
export async function signCommitment(deps: Deps, actor: Actor, id: string, input: CommitmentInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    const row = await tx
      .insertInto('onsite_commitments')
      .values({
        event_id: id, exhibitor: input.exhibitor, booth: input.booth ?? null, method: 'online', signer_name: input.signerName, agreed: true,
        signed_at: deps.clock.now(), attachment_id: null, created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'event.commitment', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { commitment: row.id, method: 'online' } });
    return row.id;
  });
}

/** A signed commitment uploaded as a file (scan or photo). */
export async function uploadCommitment(deps: Deps, actor: Actor, id: string, f: { exhibitor: string; booth?: string | null }, file: StoredFile, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    await attach(tx, [file.id], { type: 'event', id, institutionPath: e.institution_path, uploadedBy: actor.userId });
    const row = await tx
      .insertInto('onsite_commitments')
      .values({
        event_id: id, exhibitor: f.exhibitor, booth: f.booth ?? null, method: 'upload', signer_name: null, agreed: false,
        signed_at: deps.clock.now(), attachment_id: file.id, created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'event.commitment', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { commitment: row.id, method: 'upload' } });
    return row.id;
  });
}

export async function addScreening(deps: Deps, actor: Actor, id: string, input: ScreeningInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.manage');
    const row = await tx
      .insertInto('onsite_screenings')
      .values({ event_id: id, screened_on: input.screenedOn, scope: input.scope, findings: JSON.stringify(input.findings), conclusion: input.conclusion, created_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'event.screening', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { screening: row.id, findings: input.findings.length } });
    return row.id;
  });
}

/** Consultations answered at the desk, counted (today unless a day of the event is given). */
export async function tallyConsultations(deps: Deps, actor: Actor, id: string, input: ConsultationTallyInput, today: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const e = await eventFor(tx, actor, id, 'event.desk');
    const onDate = input.onDate ?? today;
    await tx.insertInto('onsite_consultations').values({ event_id: id, on_date: onDate, topic: input.topic, count: input.count, created_by: actor.userId }).execute();
    await recordAudit(tx, ctx, { action: 'event.consultations', objectType: 'event', objectId: id, institutionPath: e.institution_path, detail: { onDate, count: input.count } });
  });
}
