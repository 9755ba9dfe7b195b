import fs from 'node:fs';
import type { Deps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import type { AuditContext } from '../modules/audit/audit.record.ts';
import { CliError, cliContext } from './commands.ts';

/** The institutions module's importer, written alongside this CLI; loaded at run time so the CLI works without it. */
export type Importer = (deps: Deps, file: Buffer, actor: null, ctx: AuditContext) => Promise<unknown>;

export const IMPORTER_URL = new URL('../modules/institutions/institutions.import.ts', import.meta.url).href;

export interface RowError {
  row: number;
  field?: string;
  message: string;
  messageEn?: string;
}

export type ImportOutcome = { ok: true; imported: number | null } | { ok: false; rows: RowError[]; message: string };

export async function loadImporter(url = IMPORTER_URL): Promise<Importer> {
  let mod: { importInstitutions?: Importer };
  try {
    mod = await import(url);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(String(e));
    if (!missing) throw e;
    mod = {};
  }
  if (typeof mod.importInstitutions !== 'function') {
    throw new CliError(
      '此版本尚未包含机构导入功能（modules/institutions/institutions.import.ts）',
      'This build does not include the institution import yet (modules/institutions/institutions.import.ts)',
    );
  }
  return mod.importInstitutions;
}

function rowsOf(v: unknown): RowError[] | null {
  const rows = (v as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as RowError[]) : null;
}

/** Import the institutions in an .xlsx file (the export's columns); all or nothing. */
export async function importInstitutionsFile(deps: Deps, file: string, load: () => Promise<Importer> = loadImporter): Promise<ImportOutcome> {
  if (!file) throw new CliError('请指定 .xlsx 文件', 'Name the .xlsx file to import');
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch {
    throw new CliError(`无法读取文件 ${file}`, `Cannot read ${file}`);
  }
  const importInstitutions = await load();
  try {
    const r = await importInstitutions(deps, buffer, null, cliContext());
    const rows = rowsOf(r);
    if (rows?.length) return { ok: false, rows, message: '文件有误，未导入任何机构 / The file has errors; nothing was imported' };
    const imported = (r as { imported?: unknown } | null)?.imported;
    return { ok: true, imported: typeof imported === 'number' ? imported : null };
  } catch (e) {
    if (e instanceof AppError) {
      const rows = rowsOf(e.extra) ?? [];
      return { ok: false, rows, message: `${e.messageZh} / ${e.messageEn}` };
    }
    throw e;
  }
}

export function formatRowErrors(rows: RowError[]): string[] {
  return rows.map((r) => {
    const en = r.messageEn && r.messageEn !== r.message ? ` / ${r.messageEn}` : '';
    return `  第 ${r.row} 行 row ${r.row}${r.field ? ` [${r.field}]` : ''}: ${r.message}${en}`;
  });
}
