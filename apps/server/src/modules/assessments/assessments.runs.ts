import { manualScoreProblem, rankByTotal, totalScore } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { can, inScope, scopeFor } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { attach } from '../../platform/storage/index.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { ASSESSMENT_RUN_JOB, computeRun } from './assessments.compute.ts';
import type { ScoreInput } from './assessments.schemas.ts';
import { sheetInScope } from './assessments.sheets.ts';

/** Runs up to this many institutions are computed in the request; larger ones in the background job. */
export const INLINE_MAX = 50;

export async function startRun(deps: Deps, actor: Actor, input: { sheetId: string; institutionTypes: string[] }, ctx: AuditContext, inlineMax = INLINE_MAX): Promise<string> {
  const { id, total } = await deps.db.transaction().execute(async (tx) => {
    const s = await sheetInScope(tx, actor, input.sheetId, true);
    if (!s) throw NotFound('sheet', '打分表');
    if (!can(actor, 'stats.report', { institutionPath: s.institution_path })) throw Forbidden();
    const targets = await tx.selectFrom('institutions').select(['id', 'path', 'name']).where('status', '=', 'active')
      .where('type', 'in', input.institutionTypes).where(sql<boolean>`path <@ ${s.institution_path}::ltree AND path <> ${s.institution_path}::ltree`)
      .orderBy('path').execute();
    if (targets.length === 0) throw Invalid('institutionTypes', '考核单位下没有所选类型的机构', 'No institution of the chosen types below the assessing institution');
    const now = deps.clock.now();
    if (!s.locked_at) await tx.updateTable('assessment_sheets').set({ locked_at: now }).where('id', '=', s.id).execute();
    const run = await tx.insertInto('assessment_runs').values({
      sheet_id: s.id, institution_id: s.institution_id, institution_path: s.institution_path, year: s.year,
      institution_types: input.institutionTypes, status: 'queued', total: targets.length, created_by: actor.userId, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('assessment_results').values(targets.map((t) => ({ run_id: run.id, institution_id: t.id, institution_path: t.path, institution_name: t.name, computed: null }))).execute();
    await recordAudit(tx, ctx, { action: 'assessment.run', objectType: 'assessment_run', objectId: run.id, institutionId: s.institution_id, institutionPath: s.institution_path, detail: { sheet: s.id, year: s.year, institutions: targets.length } });
    if (targets.length > inlineMax) await deps.jobs.enqueue(ASSESSMENT_RUN_JOB, { runId: run.id }, { tx });
    return { id: run.id, total: targets.length };
  });
  if (total <= inlineMax) await computeRun(deps, id);
  return id;
}

/** A run with its sheet and the assessing institution (no scope applied). */
export function runQuery(db: DB | Tx) {
  return db.selectFrom('assessment_runs as r').innerJoin('assessment_sheets as s', 's.id', 'r.sheet_id').innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.id', 'r.sheet_id', 'r.institution_id', 'r.institution_path', 'r.year', 'r.institution_types', 'r.status', 'r.total', 'r.processed', 'r.created_at', 'r.finished_at',
      's.name as sheet_name', 's.version', 's.items', 'i.name as institution_name']);
}

export async function runInScope(db: DB | Tx, actor: Actor, id: string) {
  return runQuery(db).where('r.id', '=', id).where(inScope(scopeFor(actor, 'stats.read'), 'r.institution_path')).executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof runInScope>>>;

export async function requireRun(db: DB | Tx, actor: Actor, id: string): Promise<RunRow> {
  const r = await runInScope(db, actor, id);
  if (!r) throw NotFound('run', '考核');
  return r;
}

/** The ranked table: per institution every item's score (computed or by hand, null when not yet scored), total, rank. */
export async function rankedTable(db: DB, run: RunRow) {
  const results = await db.selectFrom('assessment_results').select(['institution_id', 'institution_name', 'institution_path', 'computed']).where('run_id', '=', run.id).execute();
  const scores = await db.selectFrom('assessment_scores').select(['institution_id', 'item_key', 'score']).where('run_id', '=', run.id).execute();
  const manual = new Map(scores.map((s) => [`${s.institution_id}/${s.item_key}`, Number(s.score)]));
  const rows = results.map((r) => {
    const items: Record<string, number | null> = {};
    for (const it of run.items) items[it.key] = it.kind === 'computed' ? (r.computed?.[it.key]?.score ?? null) : (manual.get(`${r.institution_id}/${it.key}`) ?? null);
    const missing = run.items.filter((it) => items[it.key] === null).length;
    return { institutionId: r.institution_id, institutionName: r.institution_name, items, total: totalScore(Object.values(items)), missing };
  });
  return rankByTotal(rows);
}

export function presentRun(actor: Actor, r: RunRow) {
  return {
    id: r.id, sheetId: r.sheet_id, sheetName: r.sheet_name, sheetVersion: r.version, year: r.year, institutionTypes: r.institution_types,
    institution: { id: r.institution_id, name: r.institution_name }, status: r.status, total: r.total, processed: r.processed,
    createdAt: new Date(r.created_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    items: r.items, abilities: { score: can(actor, 'stats.report', { institutionPath: r.institution_path }) && r.status === 'done' },
  };
}

export async function listRuns(db: DB, actor: Actor, sheetId?: string) {
  let q = db.selectFrom('assessment_runs as r').innerJoin('assessment_sheets as s', 's.id', 'r.sheet_id').innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.id', 'r.sheet_id', 'r.year', 'r.status', 'r.total', 'r.processed', 'r.created_at', 's.name as sheet_name', 's.version', 'i.name as institution_name'])
    .where(inScope(scopeFor(actor, 'stats.read'), 'r.institution_path'));
  if (sheetId) q = q.where('r.sheet_id', '=', sheetId);
  const rows = await q.orderBy('r.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id, sheetId: r.sheet_id, sheetName: r.sheet_name, sheetVersion: r.version, year: r.year, status: r.status, total: r.total, processed: r.processed,
    institutionName: r.institution_name, createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** A hand score with its evidence; scoring again replaces it (the audit log keeps every score given). */
export async function scoreManual(deps: Deps, actor: Actor, runId: string, input: ScoreInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const run = await requireRun(tx, actor, runId);
    if (!can(actor, 'stats.report', { institutionPath: run.institution_path })) throw Forbidden();
    if (run.status !== 'done') throw Invalid('status', '考核尚未计算完成，暂不能评分', 'The run is still being computed');
    const item = run.items.find((i) => i.key === input.itemKey);
    if (!item || item.kind !== 'manual') throw Invalid('itemKey', '该项不是人工评分项', 'This item is not scored by hand');
    const bad = manualScoreProblem(input.score, item.weight);
    if (bad) throw Invalid('score', bad.zh, bad.en);
    const target = await tx.selectFrom('assessment_results').select('institution_path').where('run_id', '=', runId).where('institution_id', '=', input.institutionId).executeTakeFirst();
    if (!target) throw NotFound('institution', '被考核机构');
    const row = await tx.insertInto('assessment_scores').values({
      run_id: runId, institution_id: input.institutionId, item_key: input.itemKey, score: input.score, evidence: input.evidence,
      scored_by: actor.userId, scored_by_name: actor.displayName, scored_at: deps.clock.now(),
    }).onConflict((oc) => oc.columns(['run_id', 'institution_id', 'item_key']).doUpdateSet((eb) => ({
      score: eb.ref('excluded.score'), evidence: eb.ref('excluded.evidence'), scored_by: eb.ref('excluded.scored_by'),
      scored_by_name: eb.ref('excluded.scored_by_name'), scored_at: eb.ref('excluded.scored_at'),
    }))).returning('id').executeTakeFirstOrThrow();
    if (input.fileIds?.length) await attach(tx, input.fileIds, { type: 'assessment_score', id: row.id, institutionPath: run.institution_path, uploadedBy: actor.userId });
    await recordAudit(tx, ctx, {
      action: 'assessment.score', objectType: 'assessment_run', objectId: runId, institutionId: input.institutionId, institutionPath: target.institution_path,
      detail: { item: input.itemKey, score: input.score, files: input.fileIds ?? [] },
    });
  });
}
