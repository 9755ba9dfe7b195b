import { caseFields, caseFieldValues, enterpriseSizes, enterpriseSizeValues, enterpriseTags, enterpriseTagValues } from '@yuanzhi/contracts';
import { maskPhone } from '@yuanzhi/domain';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { columnsOf, creditCode, institutionFilter, isoDate, mobile, optText, page, regionCode, text, updateOf, ymd } from '../registries/fields.ts';
import { dupId, type Q, type RegistryDef, type Row } from '../registries/registry.def.ts';
import type { Column } from '../registries/sheet.ts';
import { enterpriseLogs } from './key-enterprises.log-list.ts';

/** 重点企业保护名录: enterprises under protection, their IP liaison officer (a staff user) and the log of contacts. */

const fields = {
  name: text(200),
  creditCode,
  size: z.enum(enterpriseSizeValues).nullish(),
  tags: z.array(z.enum(enterpriseTagValues)).max(5).default([]),
  industry: z.enum(caseFieldValues).nullish(),
  regionCode: regionCode.nullish(),
  liaisonUserId: z.uuid().nullish(),
  contactName: optText(50),
  contactPhone: mobile.nullish(),
  listedOn: isoDate.nullish(),
  notes: optText(2000),
};
const statuses = ['active', 'removed'] as const;

export const keyEnterpriseColumns: Column[] = [
  { key: 'name', zh: '企业名称', width: 30 },
  { key: 'creditCode', zh: '统一社会信用代码', width: 22 },
  { key: 'size', zh: '企业规模', width: 10, list: enterpriseSizes },
  { key: 'tags', zh: '企业标签', width: 24, list: enterpriseTags, multi: true },
  { key: 'industry', zh: '所属行业', width: 14, list: caseFields },
  { key: 'regionCode', zh: '行政区划代码', width: 12 },
  { key: 'liaison', zh: '联络员账号', width: 14, importOnly: true },
  { key: 'liaisonName', zh: '知识产权联络员', width: 14, exportOnly: true },
  { key: 'contactName', zh: '企业联系人', width: 10 },
  { key: 'contactPhone', zh: '企业联系电话', width: 14, importOnly: true },
  { key: 'contactPhoneMasked', zh: '企业联系电话（脱敏）', width: 14, exportOnly: true },
  { key: 'listedOn', zh: '列入名录日期', width: 13, date: true },
  { key: 'notes', zh: '备注', width: 24 },
  { key: 'institutionName', zh: '所属机构', width: 24, exportOnly: true },
];

const columnMap = {
  name: 'name', creditCode: 'credit_code', size: 'size', tags: 'tags', industry: 'industry', regionCode: 'region_code',
  liaisonUserId: 'liaison_user_id', contactName: 'contact_name', listedOn: 'listed_on', notes: 'notes', status: 'status',
};
const has = (col: string, v: string) => sql<boolean>`${v} = ANY(${sql.ref(col)})`;

/** Staff who may be the liaison: an active staff account holding a role at the institution, above it or below it. */
async function liaisonsAt(db: Q, institutionPath: string, where: { ids?: string[]; usernames?: string[] }) {
  let q = db.selectFrom('users as u').innerJoin('role_assignments as ra', 'ra.user_id', 'u.id').innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .select(['u.id', 'u.username']).distinct()
    .where('u.kind', '=', 'staff').where('u.status', '=', 'active')
    .where(sql<boolean>`(i.path <@ ${institutionPath}::ltree OR i.path @> ${institutionPath}::ltree)`);
  if (where.ids) q = q.where('u.id', 'in', where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']);
  if (where.usernames) q = q.where('u.username', 'in', where.usernames.length ? where.usernames : ['']);
  return q.execute();
}

export const keyEnterpriseDef: RegistryDef = {
  name: 'key_enterprise',
  table: 'key_enterprises',
  path: '/api/key-enterprises',
  zh: '重点企业',
  en: 'key enterprise',
  fileZh: '重点企业保护名录',
  fileEn: 'key-enterprises',
  perms: { read: 'key_enterprise.read', manage: 'key_enterprise.manage', export: 'key_enterprise.export' },
  columns: keyEnterpriseColumns,
  required: 'creditCode',
  createBody: z.strictObject({ institutionId: z.uuid().optional(), ...fields }),
  updateBody: updateOf(fields, statuses),
  listQuery: z.strictObject({
    ...institutionFilter,
    size: z.enum(enterpriseSizeValues).optional(),
    tag: z.enum(enterpriseTagValues).optional(),
    industry: z.enum(caseFieldValues).optional(),
    /** mine: enterprises whose liaison is the caller; none: no liaison assigned. */
    liaison: z.enum(['mine', 'none']).optional(),
    status: z.enum(statuses).optional(),
    ...page,
  }),
  search: ['name', 'credit_code'],
  orderBy: 'name',
  defaultStatus: 'active',
  extend: (q) => q.leftJoin('users as lu', 'lu.id', 'r.liaison_user_id').select('lu.display_name as liaison_name'),
  filter(q, f) {
    if (f.size) q = q.where('r.size', '=', f.size);
    if (f.tag) q = q.where(has('r.tags', f.tag));
    if (f.industry) q = q.where('r.industry', '=', f.industry);
    if (f.liaison === 'mine') q = q.where('r.liaison_user_id', '=', f.actorId);
    if (f.liaison === 'none') q = q.where('r.liaison_user_id', 'is', null);
    return q;
  },
  toColumns(f, secrets) {
    const out = columnsOf(f, columnMap);
    if (f.contactPhone !== undefined) {
      Object.assign(out, { contact_phone_enc: f.contactPhone ? secrets.encrypt(f.contactPhone) : null, contact_phone_masked: f.contactPhone ? maskPhone(f.contactPhone) : null });
    }
    return out;
  },
  present: (r: Row) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    name: r.name,
    creditCode: r.credit_code,
    size: r.size,
    tags: r.tags,
    industry: r.industry,
    regionCode: r.region_code,
    liaisonUserId: r.liaison_user_id,
    liaisonName: r.liaison_name ?? null,
    contactName: r.contact_name,
    contactPhoneMasked: r.contact_phone_masked,
    listedOn: ymd(r.listed_on),
    notes: r.notes,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }),
  fromSheet(_cells, input) {
    // The sheet names the liaison by account; resolve() turns it into liaisonUserId.
    delete input.liaison;
  },
  async resolve(db, at, rows, errors) {
    const named = rows.filter((r) => r.cells.liaison);
    if (!named.length) return;
    const found = await liaisonsAt(db, at.institutionPath, { usernames: [...new Set(named.map((r) => r.cells.liaison))] });
    const byName = new Map(found.map((u) => [u.username, u.id]));
    for (const r of named) {
      const id = byName.get(r.cells.liaison);
      if (id) r.values.liaisonUserId = id;
      else errors.push({ row: r.row, field: 'liaison', message: `联络员账号“${r.cells.liaison}”不存在或不在本机构及上下级机构`, messageEn: `No staff account ${r.cells.liaison} at this institution, above or below it` });
    }
  },
  async validate(db, at, values) {
    if (!values.liaisonUserId) return;
    const found = await liaisonsAt(db, at.institutionPath, { ids: [values.liaisonUserId] });
    if (!found.length) throw new AppError(422, 'invalid_liaison', '联络员须为本机构或上下级机构的在岗工作人员', 'The liaison must be an active staff member of this institution, above or below it', 'liaisonUserId');
  },
  dupKeys: (v) => [{ kind: 'credit_code', field: 'creditCode', value: v.creditCode }],
  async taken(db, at, keys, exceptId) {
    let q = (db as unknown as Kysely<any>).selectFrom('key_enterprises').select('credit_code').where('institution_id', '=', at.institutionId)
      .where('credit_code', 'in', keys.map((k) => k.value));
    if (exceptId) q = q.where('id', '!=', exceptId);
    return new Set((await q.execute()).map((r) => dupId({ kind: 'credit_code', field: 'creditCode', value: r.credit_code })));
  },
  dupMessage: (_kind, value) => ({ zh: `统一社会信用代码 ${value} 已在重点企业名录中`, en: `Credit code ${value} is already on the key-enterprise list` }),
  privateFields: ['contactName', 'contactPhone'],
  detail: async (db, row) => ({ logs: await enterpriseLogs(db, row.id) }),
};

export { liaisonsAt };
