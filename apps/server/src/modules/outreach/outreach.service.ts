import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { getOutreach } from './outreach.repository.ts';
import type { CreateOutreachInput, UpdateOutreachInput } from './outreach.schemas.ts';

/** Recording publicity activities: one transaction each, audited. */
const map: Record<string, string> = { name: 'name', heldOn: 'held_on', kind: 'kind', channel: 'channel', reachPeople: 'reach_people', reachViews: 'reach_views', notes: 'notes' };
const columns = (f: Partial<CreateOutreachInput>) =>
  Object.fromEntries(Object.entries(map).filter(([k]) => (f as Record<string, unknown>)[k] !== undefined).map(([k, c]) => [c, (f as Record<string, unknown>)[k]]));

export async function createOutreach(deps: Deps, actor: Actor, input: CreateOutreachInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const inst = await targetInstitution(tx, actor, input.institutionId, 'training.manage');
    const now = deps.clock.now();
    const row = await tx.insertInto('outreach_activities')
      .values({ ...columns(input), institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, created_at: now, updated_at: now } as never)
      .returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'outreach.create', objectType: 'outreach', objectId: row.id, institutionId: inst.id, institutionPath: inst.path });
    return row.id;
  });
}

export async function updateOutreach(deps: Deps, actor: Actor, id: string, input: UpdateOutreachInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await getOutreach(tx, scopeFor(actor, 'training.read'), id);
    if (!cur || !can(actor, 'training.manage', { institutionPath: cur.institution_path })) throw NotFound('outreach', '宣传活动');
    await tx.updateTable('outreach_activities').set({ ...columns(input), updated_at: deps.clock.now() } as never).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'outreach.update', objectType: 'outreach', objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
      detail: { fields: Object.keys(input) },
    });
  });
}
