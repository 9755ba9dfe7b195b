import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { checkRow, dupKey, type ImportRowError } from './experts.import-row.ts';
import { mapUnique, targetInstitution, toColumns } from './experts.service.ts';
import { readExpertSheet } from './experts.xlsx.ts';

/**
 * .xlsx import of experts. Every row is checked first (values, check digits, dates, merged cells, duplicates in the
 * file and against the pool); any error and nothing is written, the rows are listed by number. A clean file is
 * written in one transaction. Files over INLINE_MAX rows run as a job; the console polls the import's progress.
 */
export const IMPORT_JOB = 'expert-import';
export const INLINE_MAX = 1000;
const MAX_ROWS = 20_000;
const CHUNK = 500;

export async function startImport(deps: Deps, actor: Actor, buffer: Buffer, institutionId: string | undefined, ctx: AuditContext) {
  const inst = await deps.db.transaction().execute((tx) => targetInstitution(tx, actor, institutionId, 'expert.import'));
  const sheet = await readExpertSheet(buffer);
  if (sheet.length === 0) throw new AppError(422, 'import_invalid', '文件中没有数据行', 'The file holds no data rows', 'file', { rows: [] });
  if (sheet.length > MAX_ROWS) throw new AppError(422, 'import_too_large', `一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per import`, 'file');
  const large = sheet.length > INLINE_MAX;
  const row = await deps.db.insertInto('expert_imports').values({
    institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, total: sheet.length, errors: '[]',
    file: large ? buffer : null, created_at: deps.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  if (large) await deps.jobs.enqueue(IMPORT_JOB, { importId: row.id, ctx });
  else await runImport(deps, row.id, ctx, buffer);
  return row.id;
}

async function progress(deps: Deps, id: string, set: Record<string, unknown>) {
  await deps.db.updateTable('expert_imports').set(set).where('id', '=', id).execute();
}

export async function runImport(deps: Deps, importId: string, ctx: AuditContext, given?: Buffer): Promise<void> {
  const job = await deps.db.selectFrom('expert_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!job || (job.status !== 'queued')) return;
  const buffer = given ?? job.file;
  if (!buffer) return progress(deps, importId, { status: 'failed', finished_at: deps.clock.now() });
  await progress(deps, importId, { status: 'checking' });
  try {
    const sheet = await readExpertSheet(buffer);
    const errors: ImportRowError[] = [];
    const good: { row: number; values: NonNullable<ReturnType<typeof checkRow>> }[] = [];
    const ids = new Map<string, number>();
    const pairs = new Map<string, number>();
    for (const r of sheet) {
      const v = checkRow(r, errors);
      if (!v) continue;
      const id = v.idNumber ? deps.secrets.hmac(v.idNumber.toUpperCase()) : null;
      if (id && ids.has(id)) { errors.push({ row: r.row, field: 'idNumber', message: `身份证号码与第 ${ids.get(id)} 行重复`, messageEn: `ID number repeats row ${ids.get(id)}` }); continue; }
      const pair = v.employer ? dupKey(v.name, v.employer) : null;
      if (pair && pairs.has(pair)) { errors.push({ row: r.row, field: 'name', message: `姓名和工作单位与第 ${pairs.get(pair)} 行重复`, messageEn: `Name and employer repeat row ${pairs.get(pair)}` }); continue; }
      if (id) ids.set(id, r.row);
      if (pair) pairs.set(pair, r.row);
      good.push({ row: r.row, values: v });
    }
    const [takenIds, takenPairs] = await Promise.all([
      ids.size ? deps.db.selectFrom('experts').select('id_number_hmac').where('id_number_hmac', 'in', [...ids.keys()]).execute() : [],
      pairs.size ? deps.db.selectFrom('experts').select(['name', 'employer']).where('status', '=', 'active').where('name', 'in', [...new Set(good.map((g) => g.values.name))]).execute() : [],
    ]);
    for (const t of takenIds) errors.push({ row: ids.get(t.id_number_hmac!)!, field: 'idNumber', message: '库中已有相同身份证号码的专家', messageEn: 'An expert with this ID number is already in the pool' });
    for (const t of takenPairs) {
      const row = pairs.get(dupKey(t.name, t.employer));
      if (row) errors.push({ row, field: 'name', message: `库中已有同名同单位的专家：${t.name}（${t.employer}）`, messageEn: 'An expert with this name and employer is already in the pool' });
    }
    await progress(deps, importId, { processed: sheet.length });
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      return progress(deps, importId, { status: 'invalid', errors: JSON.stringify(errors.slice(0, 2000)), file: null, finished_at: deps.clock.now() });
    }
    await progress(deps, importId, { status: 'writing', processed: 0 });
    await deps.db.transaction().execute(async (tx) => {
      const now = deps.clock.now();
      for (let i = 0; i < good.length; i += CHUNK) {
        const chunk = good.slice(i, i + CHUNK);
        const rows = await tx.insertInto('experts').values(chunk.map((g) => ({
          ...toColumns(g.values, deps.secrets), institution_id: job.institution_id, institution_path: job.institution_path, created_at: now, updated_at: now,
        })) as never).returning('id').execute().catch(mapUnique);
        await tx.insertInto('audit_log').values(rows.map((r, k) => ({
          actor_id: ctx.actorId, actor_name: ctx.actorName, institution_id: job.institution_id, institution_path: job.institution_path,
          action: 'expert.create', object_type: 'expert', object_id: r.id, result: 'success' as const, ip: ctx.ip, request_id: ctx.requestId,
          detail: JSON.stringify({ import: importId, row: chunk[k].row }),
        }))).execute();
        await progress(deps, importId, { processed: Math.min(i + CHUNK, good.length) });
      }
    });
    await progress(deps, importId, { status: 'done', imported: good.length, processed: good.length, file: null, finished_at: deps.clock.now() });
  } catch (e) {
    const rows = e instanceof AppError ? ((e.extra?.rows as ImportRowError[]) ?? [{ row: 1, field: e.field ?? 'file', message: e.messageZh, messageEn: e.messageEn }]) : [];
    await progress(deps, importId, { status: e instanceof AppError ? 'invalid' : 'failed', errors: JSON.stringify(rows), file: null, finished_at: deps.clock.now() });
    if (!(e instanceof AppError)) throw e;
  }
}

export const expertImportJob = defineJob<{ importId: string; ctx: AuditContext }>(IMPORT_JOB, (d, deps) => runImport(deps, d.importId, d.ctx), {
  retry: { limit: 0 }, timeoutSeconds: 30 * 60,
});

export async function importStatus(deps: Deps, actor: Actor, id: string) {
  const r = await deps.db.selectFrom('expert_imports').select(['id', 'status', 'total', 'processed', 'imported', 'errors', 'created_by', 'created_at', 'finished_at'])
    .where('id', '=', id).executeTakeFirst();
  if (!r || r.created_by !== actor.userId) return null;
  return {
    id: r.id, status: r.status, total: r.total, processed: r.processed, imported: r.imported, errors: r.errors as ImportRowError[],
    createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
