import { ruleProblem, weightGap } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, scopeFor } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import type { SheetItem } from '../../platform/tables.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { findIndicator } from '../stats/indicators.registry.ts';
import type { ItemInput, SheetInput } from './assessments.schemas.ts';

/** Items checked beyond their shape: a known indicator, a usable rule, weights adding up to 100. Keys follow the order. */
export function checkItems(items: ItemInput[]): SheetItem[] {
  const gap = weightGap(items.map((i) => i.weight));
  if (gap !== 0) throw Invalid('items', `各项权重之和须为100，当前为 ${Math.round((100 - gap) * 10) / 10}`, `Weights must add up to 100; they add up to ${Math.round((100 - gap) * 10) / 10}`);
  return items.map((it, n) => {
    if (it.kind === 'manual') return { key: `i${n + 1}`, title: it.title, weight: it.weight, kind: 'manual', guidance: it.guidance ?? null };
    const ind = findIndicator(it.indicatorId);
    if (!ind) throw Invalid(`items.${n}.indicatorId`, `第${n + 1}项：未知指标 ${it.indicatorId}`, `Item ${n + 1}: unknown indicator ${it.indicatorId}`);
    const bad = ruleProblem(it.rule, it.weight);
    if (bad) throw Invalid(`items.${n}.${bad.field}`, `第${n + 1}项：${bad.zh}`, `Item ${n + 1}: ${bad.en}`);
    return { key: `i${n + 1}`, title: it.title, weight: it.weight, kind: 'computed', indicatorId: it.indicatorId, rule: { ...it.rule, cap: it.rule.cap ?? null, lowerIsBetter: !!it.rule.lowerIsBetter } };
  });
}

export async function sheetInScope(db: DB | Tx, actor: Actor, id: string, lock = false) {
  let q = db.selectFrom('assessment_sheets as s').innerJoin('institutions as i', 'i.id', 's.institution_id')
    .selectAll('s').select('i.name as institution_name').where('s.id', '=', id).where(inScope(scopeFor(actor, 'stats.read'), 's.institution_path'));
  if (lock) q = q.forUpdate('s');
  return q.executeTakeFirst();
}
export type SheetRow = NonNullable<Awaited<ReturnType<typeof sheetInScope>>>;

export function presentSheet(actor: Actor, s: SheetRow) {
  const manage = can(actor, 'stats.report', { institutionPath: s.institution_path });
  return {
    id: s.id, name: s.name, year: s.year, version: s.version, previousId: s.previous_id,
    institution: { id: s.institution_id, name: s.institution_name },
    items: s.items, locked: !!s.locked_at, updatedAt: new Date(s.updated_at).toISOString(),
    abilities: { edit: manage && !s.locked_at, copy: manage, run: manage },
  };
}

async function ownerFor(db: DB | Tx, actor: Actor, institutionId: string) {
  const inst = await db.selectFrom('institutions').select(['id', 'path']).where('id', '=', institutionId)
    .where(inScope(scopeFor(actor, 'stats.read'), 'path')).executeTakeFirst();
  if (!inst) throw NotFound('institution', '机构');
  if (!can(actor, 'stats.report', { institutionPath: inst.path })) throw Forbidden();
  return inst;
}

export async function createSheet(deps: Deps, actor: Actor, input: SheetInput, ctx: AuditContext, previousId: string | null = null, version = 1): Promise<string> {
  const items = checkItems(input.items);
  return deps.db.transaction().execute(async (tx) => {
    const inst = await ownerFor(tx, actor, input.institutionId);
    const row = await tx.insertInto('assessment_sheets').values({
      institution_id: inst.id, institution_path: inst.path, name: input.name, year: input.year, items: JSON.stringify(items),
      version, previous_id: previousId, created_by: actor.userId, updated_at: deps.clock.now(),
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'assessment.sheet.create', objectType: 'assessment_sheet', objectId: row.id, institutionId: inst.id, institutionPath: inst.path, detail: { name: input.name, year: input.year, version } });
    return row.id;
  });
}

export async function updateSheet(deps: Deps, actor: Actor, id: string, input: SheetInput, ctx: AuditContext): Promise<void> {
  const items = checkItems(input.items);
  await deps.db.transaction().execute(async (tx) => {
    const s = await sheetInScope(tx, actor, id, true);
    if (!s) throw NotFound('sheet', '打分表');
    if (!can(actor, 'stats.report', { institutionPath: s.institution_path })) throw Forbidden();
    if (s.locked_at) throw Conflict('sheet_locked', '该打分表已用于考核，已锁定；请复制为新版本后修改', 'The sheet has been used in a run and is locked; copy it into a new version', 'items');
    if (input.institutionId !== s.institution_id) throw Invalid('institutionId', '不能更改打分表的考核单位', 'The owner of a sheet cannot change');
    await tx.updateTable('assessment_sheets').set({ name: input.name, year: input.year, items: JSON.stringify(items), updated_at: deps.clock.now() }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'assessment.sheet.update', objectType: 'assessment_sheet', objectId: id, institutionId: s.institution_id, institutionPath: s.institution_path, detail: { name: input.name, year: input.year } });
  });
}

/** A new, unlocked version of a sheet (the way to change a sheet already used). */
export async function copySheet(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<string> {
  const s = await sheetInScope(deps.db, actor, id);
  if (!s) throw NotFound('sheet', '打分表');
  const items = s.items.map(({ key: _k, ...it }) => (it.kind === 'computed'
    ? { kind: 'computed' as const, title: it.title, weight: it.weight, indicatorId: it.indicatorId!, rule: { floor: it.rule!.floor, target: it.rule!.target, cap: it.rule!.cap ?? null, lowerIsBetter: !!it.rule!.lowerIsBetter } }
    : { kind: 'manual' as const, title: it.title, weight: it.weight, ...(it.guidance ? { guidance: it.guidance } : {}) }));
  return createSheet(deps, actor, { institutionId: s.institution_id, name: s.name, year: s.year, items }, ctx, s.id, s.version + 1);
}

export async function listSheets(db: DB, actor: Actor) {
  const rows = await db.selectFrom('assessment_sheets as s').innerJoin('institutions as i', 'i.id', 's.institution_id')
    .selectAll('s').select('i.name as institution_name').where(inScope(scopeFor(actor, 'stats.read'), 's.institution_path'))
    .orderBy('s.year', 'desc').orderBy('s.created_at', 'desc').limit(500).execute();
  return rows.map((s) => presentSheet(actor, s));
}
