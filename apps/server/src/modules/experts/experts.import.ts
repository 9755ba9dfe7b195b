import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import type { AuditContext } from '../audit/audit.record.ts';
import { dupId, type DupKey, type ImportableDef } from '../registries/registry.def.ts';
import * as engine from '../registries/registry.import.ts';
import { checkRow, dupKey } from './experts.import-row.ts';
import { createBody } from './experts.schemas.ts';
import { toColumns } from './experts.service.ts';
import { expertColumns } from './experts.xlsx.ts';

/**
 * .xlsx import of experts on the registries' import engine (modules/registries/registry.import.ts): every row checked
 * first (values, check digits, dates, merged cells, duplicates in the file and against the pool), nothing written unless
 * the file is clean, files over 1,000 rows as the `expert-import` job with progress. The pool keeps its own row check
 * (interests, qualifications) and its own imports table.
 */
export const IMPORT_JOB = 'expert-import';
export const INLINE_MAX = engine.INLINE_MAX;

export const expertImportable: ImportableDef = {
  name: 'expert',
  table: 'experts',
  zh: '专家',
  en: 'expert',
  perms: { manage: 'expert.import' },
  columns: expertColumns,
  required: 'name',
  createBody,
  checkRow,
  toColumns: (values, secrets) => toColumns(values, secrets),
  dupKeys(v, secrets) {
    const keys: DupKey[] = [];
    if (v.idNumber) keys.push({ kind: 'id_number', field: 'idNumber', value: secrets.hmac(String(v.idNumber).toUpperCase()) });
    if (v.employer) keys.push({ kind: 'name_employer', field: 'name', value: dupKey(v.name, v.employer) });
    return keys;
  },
  async taken(db, _at, keys) {
    const ids = keys.filter((k) => k.kind === 'id_number').map((k) => k.value);
    const names = keys.filter((k) => k.kind === 'name_employer').map((k) => k.value.split('\u0000')[0]);
    const [byId, byName] = await Promise.all([
      ids.length ? db.selectFrom('experts').select('id_number_hmac').where('id_number_hmac', 'in', ids).execute() : [],
      names.length ? db.selectFrom('experts').select(['name', 'employer']).where('status', '=', 'active').where('name', 'in', names).execute() : [],
    ]);
    const out = new Set<string>();
    for (const r of byId) out.add(dupId({ kind: 'id_number', field: 'idNumber', value: r.id_number_hmac! }));
    for (const r of byName) if (r.employer) out.add(dupId({ kind: 'name_employer', field: 'name', value: dupKey(r.name, r.employer) }));
    return out;
  },
  dupMessage: (kind, value) => kind === 'id_number'
    ? { zh: '已有相同身份证号码的专家', en: 'An expert with this ID number exists' }
    : { zh: `已有同名同单位的专家：${value?.replace('\u0000', '（')}）`, en: 'An expert with this name and employer exists' },
};

export const startImport = (deps: Deps, actor: Actor, buffer: Buffer, institutionId: string | undefined, ctx: AuditContext) =>
  engine.startImport(deps, actor, expertImportable, buffer, institutionId, ctx, 'expert_imports', IMPORT_JOB);

export const importStatus = (deps: Deps, actor: Actor, id: string) => engine.importStatus(deps, actor, expertImportable, id, 'expert_imports');

export const expertImportJob = defineJob<{ importId: string; ctx: AuditContext }>(
  IMPORT_JOB, (d, deps) => engine.runImport(deps, d.importId, d.ctx, undefined, expertImportable, 'expert_imports'),
  { retry: { limit: 0 }, timeoutSeconds: 30 * 60 },
);
