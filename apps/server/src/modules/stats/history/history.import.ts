import { sql } from 'kysely';
import type { Actor } from '../../../authz/actor.ts';
import { can, inScope, scopeFor } from '../../../authz/can.ts';
import type { Deps } from '../../../platform/deps.ts';
import { AppError, NotFound } from '../../../platform/errors.ts';
import { defineJob } from '../../../platform/jobs/define.ts';
import { recordAudit, type AuditContext } from '../../audit/audit.record.ts';
import * as engine from '../../registries/registry.import.ts';
import { csvToXlsx, isCsv } from './history.csv.ts';
import { historyImportable } from './history.def.ts';

/**
 * Past years' records loaded through the registries' import engine into `history_records` (ADR 0032): checked row by
 * row, nothing written unless the whole file is clean, over 1,000 rows as the `history-import` job with progress.
 * A CSV is turned into the same workbook first. An import is undone as a whole batch.
 */
export const HISTORY_IMPORT_JOB = 'history-import';
const STORE = 'history_imports';

export async function startHistoryImport(deps: Deps, actor: Actor, buffer: Buffer, fileName: string, institutionId: string | undefined, ctx: AuditContext) {
  const book = isCsv(buffer, fileName) ? await csvToXlsx(buffer) : buffer;
  const id = await engine.startImport(deps, actor, historyImportable, book, institutionId, ctx, STORE, HISTORY_IMPORT_JOB);
  await deps.db.updateTable('history_imports').set({ file_name: fileName.slice(0, 200) || null }).where('id', '=', id).execute();
  return id;
}

export const historyImportStatus = (deps: Deps, actor: Actor, id: string) => engine.importStatus(deps, actor, historyImportable, id, STORE);

export const historyImportJob = defineJob<{ importId: string; ctx: AuditContext }>(
  HISTORY_IMPORT_JOB, (d, deps) => engine.runImport(deps, d.importId, d.ctx, undefined, historyImportable, STORE),
  { retry: { limit: 0 }, timeoutSeconds: 30 * 60 },
);

export interface ImportListItem {
  id: string; institutionId: string; institutionName: string; createdByName: string | null; fileName: string | null; status: string;
  total: number; imported: number; createdAt: string; finishedAt: string | null; undoneAt: string | null;
  kinds: { kind: string; count: number; first: string; last: string }[];
}

/** The imports into the caller's subtree, newest first, with what each batch holds (by kind and date range). */
export async function listImports(deps: Deps, actor: Actor, page: number, pageSize: number): Promise<{ data: ImportListItem[]; total: number }> {
  const scope = scopeFor(actor, 'stats.history');
  const base = deps.db.selectFrom('history_imports as h').where(inScope(scope, 'h.institution_path'));
  const [{ n }, rows] = await Promise.all([
    base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.innerJoin('institutions as i', 'i.id', 'h.institution_id').leftJoin('users as u', 'u.id', 'h.created_by')
      .select(['h.id', 'h.institution_id', 'i.name', 'u.display_name', 'h.file_name', 'h.status', 'h.total', 'h.imported', 'h.created_at', 'h.finished_at', 'h.undone_at'])
      .orderBy('h.created_at', 'desc').orderBy('h.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const kinds = ids.length === 0 ? [] : (await sql<{ import_id: string; kind: string; count: number; first: string; last: string }>`
    SELECT import_id, kind, count(*)::int AS count, min(occurred_on)::text AS first, max(occurred_on)::text AS last
    FROM history_records WHERE import_id = ANY(${ids}::uuid[]) GROUP BY 1, 2 ORDER BY 1, 2`.execute(deps.db)).rows;
  return {
    total: Number(n),
    data: rows.map((r) => ({
      id: r.id, institutionId: r.institution_id, institutionName: r.name, createdByName: r.display_name ?? null, fileName: r.file_name, status: r.status,
      total: r.total, imported: r.imported, createdAt: new Date(r.created_at).toISOString(), finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      undoneAt: r.undone_at ? new Date(r.undone_at).toISOString() : null,
      kinds: kinds.filter((k) => k.import_id === r.id).map(({ import_id: _i, ...k }) => k),
    })),
  };
}

/** Delete a whole batch: its records leave every figure at once. The import stays listed, marked undone. */
export async function undoImport(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const imp = await tx.selectFrom('history_imports').select(['id', 'status', 'undone_at', 'institution_id', sql<string>`institution_path::text`.as('path')])
      .where('id', '=', id).forUpdate().executeTakeFirst();
    if (!imp || !can(actor, 'stats.history', { institutionPath: imp.path })) throw NotFound('import', '导入批次');
    if (imp.undone_at) throw new AppError(409, 'already_undone', '该批次已撤销', 'This import was undone already', 'id');
    if (imp.status !== 'done') throw new AppError(409, 'not_imported', '该批次未导入任何数据，无需撤销', 'Nothing was imported by this batch', 'id');
    const del = await tx.deleteFrom('history_records').where('import_id', '=', id).executeTakeFirst();
    const rows = Number(del.numDeletedRows);
    await tx.updateTable('history_imports').set({ undone_at: deps.clock.now(), undone_by: actor.userId }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'history.undo', objectType: 'history_import', objectId: id, institutionId: imp.institution_id, institutionPath: imp.path, detail: { rows } });
    return rows;
  });
}
