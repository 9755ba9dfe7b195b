import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import { inScope, scopeFor, systemScope, type Scope } from '../../authz/can.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { activeNamesTaken, existingRegionCodes } from './institutions.repository.ts';
import { levelFits, mapUniqueName } from './institutions.rules.ts';
import { checkRow, type ImportRowError, type RowValues } from './institutions.import-row.ts';
import { readWorkbook } from './institutions.xlsx.ts';

export type { ImportRowError } from './institutions.import-row.ts';

/** The whole network: what a CLI import with no actor may reach. */
const fullScope = systemScope();
const MAX_ROWS = 20_000;
const CHUNK = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ParentRow { id: string; name: string; level: string; status: string; path: string }
interface Planned { row: number; values: RowValues; parent: { existing: ParentRow } | { fileIndex: number } }

const invalid = (rows: ImportRowError[]) =>
  new AppError(
    422, 'import_invalid',
    `导入失败：${new Set(rows.map((r) => r.row)).size} 行有错误，未导入任何数据`,
    `Import refused: ${new Set(rows.map((r) => r.row)).size} rows have errors; nothing was imported`,
    undefined, { rows: rows.slice(0, 1000) },
  );

/**
 * Import institutions from an .xlsx (the export's columns). Every row is checked first; if any is bad,
 * a 422 `import_invalid` lists them (spreadsheet row numbers) and nothing is written. Otherwise all rows
 * are inserted parent-first in one transaction with multi-row inserts, each with an audit entry.
 * `actor` null (the CLI) means the whole network is in scope.
 */
export async function importInstitutions(
  deps: Pick<Deps, 'db' | 'clock'>, buffer: Buffer, actor: Actor | null, ctx: AuditContext,
): Promise<{ imported: number; ids: string[] }> {
  const sheet = await readWorkbook(buffer);
  if (sheet.length === 0) throw new AppError(422, 'import_invalid', '文件中没有数据行', 'The file holds no data rows', 'file', { rows: [] });
  if (sheet.length > MAX_ROWS) {
    throw new AppError(422, 'import_too_large', `一次最多导入 ${MAX_ROWS} 行`, `At most ${MAX_ROWS} rows per import`, 'file');
  }
  const scope = actor ? scopeFor(actor, 'institution.import') : fullScope;
  return deps.db.transaction().execute(async (tx) => {
    const cells = sheet.map((r) => r.cells);
    const [regions, taken, parents] = await Promise.all([
      existingRegionCodes(tx, [...new Set(cells.map((c) => c.regionCode).filter((c) => /^\d{6}$/.test(c ?? '')))]),
      activeNamesTaken(tx, [...new Set(cells.map((c) => c.name).filter(Boolean))]),
      existingParents(tx, scope, cells),
    ]);
    const errors: ImportRowError[] = [];
    const planned: Planned[] = [];
    const fileKeys = new Map<string, number>(); // id column → index in `planned`
    const fileNames = new Map<string, { row: number; index: number }>();
    for (const { row, cells: c } of sheet) {
      const err = (field: string, message: string, messageEn: string) => errors.push({ row, field, message, messageEn });
      const values = checkRow(c, regions, err);
      if (values) {
        const earlier = fileNames.get(values.name);
        if (earlier) err('name', `机构名称与第 ${earlier.row} 行重复`, `Name repeats row ${earlier.row}`);
        else if (taken.has(values.name)) err('name', `已有同名的运行中机构：${values.name}`, `An active institution is already named ${values.name}`);
      }
      const parent = resolveParent(c, fileKeys, fileNames, parents, err);
      if (values && parent) {
        const parentLevel = 'existing' in parent ? parent.existing.level : planned[parent.fileIndex].values.level;
        if ('existing' in parent && parent.existing.status !== 'active') err('parentId', '上级机构已撤销', 'The parent institution is closed');
        else if (!levelFits(values.level, parentLevel)) {
          err('level', '机构级别不能高于上级机构', `The level may not be higher than the parent's (${parentLevel})`);
        }
      }
      if (!values || !parent) continue;
      const index = planned.push({ row, values, parent }) - 1;
      if (c.id) fileKeys.set(c.id, index);
      fileNames.set(values.name, { row, index });
    }
    if (errors.length > 0 || planned.length !== sheet.length) throw invalid(errors);
    const ids = await insertPlanned(tx, deps.clock.now(), planned);
    await auditMany(tx, ctx, planned.map((p, i) => ({ objectId: ids[i].id, path: ids[i].path, detail: { import: true, row: p.row } })));
    await auditMany(tx, ctx, [{ action: 'institution.import', objectId: null, path: null, detail: { imported: ids.length } }]);
    return { imported: ids.length, ids: ids.map((r) => r.id) };
  });
}

/** Existing institutions that rows name as parents (by id, or by name among active ones), in scope; locked against change. */
async function existingParents(tx: Tx, scope: Scope, cells: Record<string, string>[]) {
  const ids = [...new Set(cells.map((c) => c.parentId).filter((v) => v && UUID.test(v)))];
  const names = [...new Set(cells.map((c) => c.parentName).filter(Boolean))];
  if (ids.length === 0 && names.length === 0) return { byId: new Map<string, ParentRow>(), byName: new Map<string, ParentRow>() };
  const rows = await tx
    .selectFrom('institutions as i')
    .select(['i.id', 'i.name', 'i.level', 'i.status', sql<string>`i.path::text`.as('path')])
    .where(inScope(scope, 'i.path'))
    .where((eb) => eb.or([
      ...(ids.length ? [eb('i.id', 'in', ids)] : []),
      ...(names.length ? [eb.and([eb('i.name', 'in', names), eb('i.status', '=', 'active')])] : []),
    ]))
    .forShare()
    .execute();
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byName: new Map(rows.filter((r) => r.status === 'active').map((r) => [r.name, r])),
  };
}

function resolveParent(
  c: Record<string, string>, fileKeys: Map<string, number>, fileNames: Map<string, { index: number }>,
  parents: Awaited<ReturnType<typeof existingParents>>, err: (f: string, zh: string, en: string) => void,
): Planned['parent'] | null {
  if (c.parentId) {
    if (fileKeys.has(c.parentId)) return { fileIndex: fileKeys.get(c.parentId)! };
    const p = parents.byId.get(c.parentId);
    if (p) return { existing: p };
    err('parentId', `上级机构ID不存在、无权访问或不在前面的行中：${c.parentId}`, `Parent id not found in scope nor in an earlier row: ${c.parentId}`);
    return null;
  }
  if (c.parentName) {
    const inFile = fileNames.get(c.parentName);
    if (inFile) return { fileIndex: inFile.index };
    const p = parents.byName.get(c.parentName);
    if (p) return { existing: p };
    err('parentName', `上级机构不存在、无权访问或不在前面的行中：${c.parentName}`, `Parent not found in scope nor in an earlier row: ${c.parentName}`);
    return null;
  }
  err('parentName', '请填写上级机构名称或上级机构ID', 'Give the parent by name or id');
  return null;
}

/** Ids and ltree labels for every row in one query, paths computed here, then multi-row inserts (rows are parent-first). */
async function insertPlanned(tx: Tx, now: Date, planned: Planned[]): Promise<{ id: string; path: string }[]> {
  const alloc = await sql<{ id: string; label: string }>`
    SELECT uuidv7()::text AS id, 'n' || nextval('institution_label_seq') AS label FROM generate_series(1, ${planned.length}::int)`.execute(tx);
  const out: { id: string; path: string }[] = [];
  const rows = planned.map((p, i) => {
    const parent = 'existing' in p.parent ? p.parent.existing : { id: out[p.parent.fileIndex].id, path: out[p.parent.fileIndex].path };
    const { id, label } = alloc.rows[i];
    out.push({ id, path: `${parent.path}.${label}` });
    return { ...p.values, id, path: `${parent.path}.${label}`, parent_id: parent.id, created_at: now, updated_at: now };
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map(({ name, regionCode, shortName, contactPerson, ipTypes, services, establishedOn, ...r }) => ({
      ...r, name, region_code: regionCode, short_name: shortName, contact_person: contactPerson, ip_types: ipTypes, services,
      established_on: establishedOn,
    }));
    await tx.insertInto('institutions').values(chunk as never).execute().catch((e) => mapUniqueName(e, undefined));
  }
  return out;
}

/** Audit entries in multi-row inserts (the chain trigger runs per row, in order). */
async function auditMany(
  tx: Tx, ctx: AuditContext,
  events: { action?: string; objectId: string | null; path: string | null; detail: Record<string, unknown> }[],
): Promise<void> {
  const rows = events.map((e) => ({
    actor_id: ctx.actorId, actor_name: ctx.actorName,
    institution_id: e.path ? e.objectId : ctx.institutionId, institution_path: e.path ?? ctx.institutionPath,
    action: e.action ?? 'institution.create', object_type: 'institution', object_id: e.objectId, result: 'success' as const,
    ip: ctx.ip, request_id: ctx.requestId, detail: JSON.stringify(e.detail),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insertInto('audit_log').values(rows.slice(i, i + CHUNK)).execute();
}
