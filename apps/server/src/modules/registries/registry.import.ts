import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { dupId, type ImportableDef, type RowError, type Values } from './registry.def.ts';
import { registryByName } from './catalog.ts';
import { checkRow } from './registry.rows.ts';
import { mapUnique } from './registry.service.ts';
import { readSheet } from './sheet.ts';

/**
 * .xlsx import into any registry. Every row is checked first (values, check digits, dates, merged cells, references,
 * duplicates in the file and against the registry); any error and nothing is written, the rows are listed by number.
 * A clean file is written in one transaction. Files over INLINE_MAX rows run as a job whose progress the console polls.
 */
export const REGISTRY_IMPORT_JOB = 'registry-import';
export const INLINE_MAX = 1000;
const MAX_ROWS = 20_000;
const CHUNK = 500;

/** Where imports and their progress are kept: the registries share one table; the expert pool keeps its own. */
export type ImportsTable = 'registry_imports' | 'expert_imports' | 'history_imports';
const db = (deps: Deps) => deps.db as unknown as Kysely<any>;

export async function startImport(deps: Deps, actor: Actor, def: ImportableDef, buffer: Buffer, institutionId: string | undefined, ctx: AuditContext,
  store: ImportsTable = 'registry_imports', job = REGISTRY_IMPORT_JOB) {
  const inst = await deps.db.transaction().execute((tx) => targetInstitution(tx, actor, institutionId, def.perms.manage));
  const sheet = await readSheet(buffer, def.columns, def.required);
  if (sheet.length === 0) throw new AppError(422, 'import_invalid', '文件中没有数据行', 'The file holds no data rows', 'file', { rows: [] });
  if (sheet.length > MAX_ROWS) throw new AppError(422, 'import_too_large', `一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per import`, 'file');
  const large = sheet.length > INLINE_MAX;
  const row = await db(deps).insertInto(store).values({
    ...(store === 'registry_imports' ? { registry: def.name } : {}), institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, total: sheet.length, errors: '[]',
    file: large ? buffer : null, created_at: deps.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  if (large) await deps.jobs.enqueue(job, { importId: row.id, ctx });
  else await runImport(deps, row.id, ctx, buffer, def, store);
  return row.id as string;
}

async function progress(deps: Deps, store: ImportsTable, id: string, set: Record<string, unknown>) {
  await db(deps).updateTable(store).set(set).where('id', '=', id).execute();
}

/** Values checked, references resolved, duplicates found: the rows to write, or the errors. */
async function checkAll(deps: Deps, def: ImportableDef, at: { institutionId: string; institutionPath: string }, buffer: Buffer) {
  const sheet = await readSheet(buffer, def.columns, def.required);
  const errors: RowError[] = [];
  const good: { row: number; values: Values; cells: Record<string, string> }[] = [];
  for (const r of sheet) {
    const v = checkRow(def, r, errors);
    if (v) good.push({ row: r.row, values: v, cells: r.cells });
  }
  await def.resolve?.(deps.db, at, good, errors);
  const bad = new Set(errors.map((e) => e.row));
  const checked = good.filter((g) => !bad.has(g.row));
  const seen = new Map<string, number>();
  const keyed: { row: number; key: ReturnType<ImportableDef['dupKeys']>[number] }[] = [];
  for (const g of checked) {
    for (const k of def.dupKeys(g.values, deps.secrets)) {
      const first = seen.get(dupId(k));
      if (first !== undefined) {
        const m = def.dupMessage(k.kind, k.kind === 'id_number' ? undefined : k.value);
        errors.push({ row: g.row, field: k.field, message: `${m.zh}（与第 ${first} 行重复）`, messageEn: `${m.en} (repeats row ${first})` });
      } else { seen.set(dupId(k), g.row); keyed.push({ row: g.row, key: k }); }
    }
  }
  if (keyed.length) {
    const taken = await def.taken(deps.db, at, keyed.map((k) => k.key));
    for (const k of keyed) {
      if (!taken.has(dupId(k.key))) continue;
      const m = def.dupMessage(k.key.kind, k.key.kind === 'id_number' ? undefined : k.key.value);
      errors.push({ row: k.row, field: k.key.field, message: `${m.zh}（库中已有）`, messageEn: `${m.en} (already in the registry)` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { total: sheet.length, good: checked, errors };
}

export async function runImport(deps: Deps, importId: string, ctx: AuditContext, given?: Buffer, known?: ImportableDef, store: ImportsTable = 'registry_imports'): Promise<void> {
  const job = await db(deps).selectFrom(store).selectAll().where('id', '=', importId).executeTakeFirst();
  if (!job || job.status !== 'queued') return;
  const def = known ?? registryByName(job.registry);
  const buffer = given ?? job.file;
  if (!buffer || !def) return progress(deps, store, importId, { status: 'failed', file: null, finished_at: deps.clock.now() });
  await progress(deps, store, importId, { status: 'checking' });
  try {
    const at = { institutionId: job.institution_id, institutionPath: job.institution_path };
    const { total, good, errors } = await checkAll(deps, def, at, buffer);
    await progress(deps, store, importId, { processed: total });
    if (errors.length) return progress(deps, store, importId, { status: 'invalid', errors: JSON.stringify(errors.slice(0, 2000)), file: null, finished_at: deps.clock.now() });
    await progress(deps, store, importId, { status: 'writing', processed: 0 });
    await deps.db.transaction().execute(async (tx) => {
      const now = deps.clock.now();
      for (let i = 0; i < good.length; i += CHUNK) {
        const chunk = good.slice(i, i + CHUNK);
        const rows = await (tx as unknown as Kysely<any>).insertInto(def.table).values(chunk.map((g) => ({
          ...def.toColumns(g.values, deps.secrets), ...(def.batchColumn ? { [def.batchColumn]: importId } : {}), institution_id: job.institution_id, institution_path: job.institution_path, created_at: now, updated_at: now,
        }))).returning('id').execute().catch(mapUnique(def));
        await tx.insertInto('audit_log').values(rows.map((r, k) => ({
          actor_id: ctx.actorId, actor_name: ctx.actorName, institution_id: job.institution_id, institution_path: job.institution_path,
          action: `${def.name}.create`, object_type: def.name, object_id: r.id as string, result: 'success' as const, ip: ctx.ip, request_id: ctx.requestId,
          detail: JSON.stringify({ import: importId, row: chunk[k].row }),
        }))).execute();
        await progress(deps, store, importId, { processed: Math.min(i + CHUNK, good.length) });
      }
    });
    await progress(deps, store, importId, { status: 'done', imported: good.length, processed: good.length, file: null, finished_at: deps.clock.now() });
  } catch (e) {
    const rows = e instanceof AppError ? ((e.extra?.rows as RowError[]) ?? [{ row: 1, field: e.field ?? 'file', message: e.messageZh, messageEn: e.messageEn }]) : [];
    await progress(deps, store, importId, { status: e instanceof AppError ? 'invalid' : 'failed', errors: JSON.stringify(rows), file: null, finished_at: deps.clock.now() });
    if (!(e instanceof AppError)) throw e;
  }
}

export const registryImportJob = defineJob<{ importId: string; ctx: AuditContext }>(REGISTRY_IMPORT_JOB, (d, deps) => runImport(deps, d.importId, d.ctx), {
  retry: { limit: 0 }, timeoutSeconds: 30 * 60,
});

export async function importStatus(deps: Deps, actor: Actor, def: ImportableDef, id: string, store: ImportsTable = 'registry_imports') {
  const r = await db(deps).selectFrom(store).selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || r.created_by !== actor.userId || (store === 'registry_imports' && r.registry !== def.name)) return null;
  return {
    id: r.id as string, status: r.status as string, total: r.total as number, processed: r.processed as number, imported: r.imported as number,
    errors: r.errors as RowError[], createdAt: (r.created_at as Date).toISOString(), finishedAt: (r.finished_at as Date | null)?.toISOString() ?? null,
  };
}
