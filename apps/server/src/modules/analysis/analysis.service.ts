import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, isWithin, scopeFor } from '../../authz/can.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import { attach, type StoredFile } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { getProject, isUuid, type ProjectRow } from './analysis.repository.ts';
import type { CreateProjectInput, UpdateProjectInput } from './analysis.schemas.ts';

/** Analysis project use cases (分析预警): one transaction each, the audit entry inside it. */

const cols = (f: Partial<CreateProjectInput> & { status?: string }) => {
  const map: Record<string, string> = {
    title: 'title', commissionerKind: 'commissioner_kind', commissioner: 'commissioner', subjectKind: 'subject_kind', subject: 'subject',
    country: 'country', kind: 'kind', purpose: 'purpose', staffIds: 'staff_ids', expertIds: 'expert_ids', partnerAgency: 'partner_agency',
    startsOn: 'starts_on', dueOn: 'due_on', status: 'status',
  };
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(map)) {
    const v = (f as Record<string, unknown>)[k];
    if (v !== undefined) out[c] = Array.isArray(v) ? [...new Set(v)] : v === '' ? null : v;
  }
  return out;
};

/** The team must be people of the institution's network the actor manages: staff with a role there, active experts. */
async function checkTeam(tx: Tx, actor: Actor, staffIds: string[] | undefined, expertIds: string[] | undefined) {
  const paths = scopeFor(actor, 'analysis.manage').paths;
  const inside = (p: string) => paths.some((a) => isWithin(p, a));
  for (const id of new Set(staffIds ?? [])) {
    const g = await tx.selectFrom('role_assignments as g').innerJoin('institutions as i', 'i.id', 'g.institution_id')
      .select(sql<string>`i.path::text`.as('path')).where('g.user_id', '=', id).execute();
    if (!g.some((x) => inside(x.path))) throw new AppError(404, 'not_found', '所选工作人员不存在或无权访问', 'Staff member not found', 'staffIds');
  }
  for (const id of new Set(expertIds ?? [])) {
    const x = await tx.selectFrom('experts').select(sql<string>`institution_path::text`.as('path')).where('id', '=', id).executeTakeFirst();
    if (!x || !inside(x.path)) throw new AppError(404, 'not_found', '所选专家不存在或无权访问', 'Expert not found', 'expertIds');
  }
}

export async function projectFor(tx: Tx, actor: Actor, id: string): Promise<ProjectRow> {
  // Lock first, then read: the version and report count compared afterwards are current.
  if (isUuid(id)) await tx.selectFrom('analysis_projects').select('id').where('id', '=', id).forUpdate().execute();
  const p = await getProject(tx, scopeFor(actor, 'analysis.manage'), id);
  if (!p) throw NotFound('analysis project', '分析预警项目');
  return p;
}

export async function createProject(deps: Deps, actor: Actor, input: CreateProjectInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const instId = input.institutionId ?? actor.grants.find((g) => can({ ...actor, grants: [g] }, 'analysis.manage'))?.institutionId;
    const inst = instId && isUuid(instId)
      ? await tx.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path'), 'status']).where('id', '=', instId).executeTakeFirst()
      : undefined;
    if (!inst || !can(actor, 'analysis.manage', { institutionPath: inst.path })) throw new AppError(404, 'not_found', '机构不存在或无权访问', 'Institution not found', 'institutionId');
    if (inst.status !== 'active') throw new AppError(422, 'institution_closed', '该机构已撤销', 'The institution is closed', 'institutionId');
    await checkTeam(tx, actor, input.staffIds, input.expertIds);
    const now = deps.clock.now();
    const { institutionId: _, ...fields } = input;
    const row = await tx
      .insertInto('analysis_projects')
      .values({ ...cols(fields), institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, created_at: now, updated_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'analysis.create', objectType: 'analysis_project', objectId: row.id, institutionPath: inst.path, detail: { title: input.title } });
    return row.id;
  });
}

export async function updateProject(deps: Deps, actor: Actor, id: string, input: UpdateProjectInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const p = await projectFor(tx, actor, id);
    if (p.version !== input.version) throw Conflict('stale', '项目已被他人修改，请刷新后重试', 'The project was changed by someone else; reload and retry', 'version');
    const { version: _, ...fields } = input;
    const subjectKind = fields.subjectKind ?? p.subject_kind;
    const country = fields.country === undefined ? p.country : fields.country;
    if (subjectKind === 'overseas_country' && !country) throw new AppError(422, 'invalid', '海外国家或地区课题须填写国家代码', 'An overseas-country subject needs the country', 'country');
    await checkTeam(tx, actor, fields.staffIds, fields.expertIds);
    await tx.updateTable('analysis_projects').set({ ...cols(fields), version: p.version + 1, updated_at: deps.clock.now() } as never).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'analysis.update', objectType: 'analysis_project', objectId: id, institutionPath: p.institution_path, detail: { fields: Object.keys(fields) } });
  });
}

export async function addMilestone(deps: Deps, actor: Actor, id: string, m: { title: string; dueOn: string }, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const p = await projectFor(tx, actor, id);
    await tx.insertInto('analysis_milestones').values({ project_id: id, title: m.title, due_on: m.dueOn, done_on: null }).execute();
    await recordAudit(tx, ctx, { action: 'analysis.milestone', objectType: 'analysis_project', objectId: id, institutionPath: p.institution_path, detail: { title: m.title } });
  });
}

export async function completeMilestone(deps: Deps, actor: Actor, id: string, milestoneId: string, doneOn: string, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const p = await projectFor(tx, actor, id);
    const hit = await tx.updateTable('analysis_milestones').set({ done_on: doneOn }).where('id', '=', milestoneId).where('project_id', '=', id).returning('id').executeTakeFirst();
    if (!hit) throw NotFound('milestone', '里程碑');
    await recordAudit(tx, ctx, { action: 'analysis.milestone.done', objectType: 'analysis_project', objectId: id, institutionPath: p.institution_path, detail: { milestoneId, doneOn } });
  });
}

/** A new version of the deliverable report; earlier versions are kept. */
export async function addReport(deps: Deps, actor: Actor, id: string, file: StoredFile, note: string | null, ctx: AuditContext): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const p = await projectFor(tx, actor, id);
    await attach(tx, [file.id], { type: 'analysis_project', id, institutionPath: p.institution_path, uploadedBy: actor.userId });
    const version = p.report_version + 1;
    await tx.insertInto('analysis_reports').values({ project_id: id, version, attachment_id: file.id, note, uploaded_by: actor.userId }).execute();
    await recordAudit(tx, ctx, { action: 'analysis.report', objectType: 'analysis_project', objectId: id, institutionPath: p.institution_path, detail: { version, file: file.id } });
    return version;
  });
}
