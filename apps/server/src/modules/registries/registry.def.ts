import type { SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Permission } from '../../authz/roles.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { Secrets } from '../../platform/secrets.ts';
import type { Column, SheetRow } from './sheet.ts';

/**
 * One registry (partners, key enterprises, volunteer teams, volunteers, overseas libraries) described as data: its
 * table, permissions, schemas, workbook columns and duplicate rules. The shared engine (routes, service, import)
 * does list, detail, create, edit, history, .xlsx import and export from this description; a module adds only what is
 * its own (a contact log, service hours).
 */
export type Row = Record<string, any> & { id: string; institution_id: string; institution_path: string; institution_name: string; version: number };
export type Values = Record<string, any>;
export type Q = DB | Tx;

/** A key two records must not share: same credit code, same ID number, same name and employer … */
export interface DupKey { kind: string; field: string; value: string }

export interface RowError { row: number; field: string; message: string; messageEn: string }

/**
 * What an .xlsx import needs of a registry; the expert pool is importable through it too (with its own row check and
 * its own imports table).
 */
export interface ImportableDef {
  /** Audit object type and action prefix ('partner' → partner.create). */
  name: string;
  table: string;
  zh: string;
  en: string;
  perms: { manage: Permission };
  columns: readonly Column[];
  /** The column a header row must hold. */
  required: string;
  createBody: z.ZodObject;
  /** A row check of the registry's own; the engine's (columns → createBody) otherwise. */
  checkRow?(r: SheetRow, errors: RowError[]): Values | null;
  /** Sheet cells beyond the plain columns (e.g. one contact person) → input fields. */
  fromSheet?(cells: Record<string, string>, input: Values): void;
  /** Rules across fields (an agreement ends after it starts) on the merged values; the failing field and message. */
  crossCheck?(values: Values): { field: string; zh: string; en: string } | null;
  /** API fields → columns (personal data encrypted); `current` is the stored row on an edit. */
  toColumns(fields: Values, secrets: Secrets, current?: Row): Values;
  /** Duplicate keys of one record's values (ID numbers hashed by the def). */
  dupKeys(values: Values, secrets: Secrets): DupKey[];
  /** Which of these keys another record (not `exceptId`) already holds, in the registry the record would join. */
  taken(db: Q, at: { institutionId: string }, keys: readonly DupKey[], exceptId?: string): Promise<Set<string>>;
  dupMessage(kind: string, value?: string): { zh: string; en: string };
  /** A column of the table that takes the import's id, so that a whole batch can be undone (historical import). */
  batchColumn?: string;
  /** Resolve names in the import to ids (team name → team, liaison account → user); errors name the row. */
  resolve?(tx: Q, at: { institutionId: string; institutionPath: string }, rows: { row: number; values: Values; cells: Record<string, string> }[], errors: RowError[]): Promise<void>;
}

export interface RegistryDef extends ImportableDef {
  /** Route prefix, e.g. /api/partners. */
  path: string;
  /** Workbook sheet and download name (Chinese), download name (ASCII). */
  fileZh: string;
  fileEn: string;
  perms: { read: Permission; manage: Permission; export: Permission };
  updateBody: z.ZodObject;
  listQuery: z.ZodObject;
  /** Columns searched by `q` (ILIKE). */
  search: readonly string[];
  orderBy: string;
  /** Status a list shows unless the filter names another. */
  defaultStatus: string;
  /** Joins and columns the list and detail add to the row (a liaison's name, a team's name). */
  extend?(q: SelectQueryBuilder<any, any, any>): SelectQueryBuilder<any, any, any>;
  /** Other list filters (status and q are done by the engine). */
  filter(q: SelectQueryBuilder<any, any, any>, f: Values): SelectQueryBuilder<any, any, any>;
  present(row: Row): Values & { id: string };
  /** The institution a new record joins when the body names none (a volunteer joins its team's); default the caller's own. */
  institutionOf?(tx: Q, values: Values): Promise<string | undefined>;
  /** Checks of references on create/update (a team in scope, a liaison who is staff). Throws an AppError. */
  validate?(tx: Q, at: { institutionId: string; institutionPath: string }, values: Values): Promise<void>;
  /** Fields whose values stay out of the change history (personal data): the history names them only. */
  privateFields: readonly string[];
  /** Extra parts of the detail answer (logs, hours). */
  detail?(db: Q, row: Row): Promise<Values>;
}

export const dupId = (k: DupKey) => `${k.kind}\u0000${k.value}`;
