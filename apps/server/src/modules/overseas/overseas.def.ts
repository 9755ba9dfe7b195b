import { caseFields, caseFieldValues, countries, ipTypes, ipTypeValues, overseasKinds, overseasKindValues } from '@yuanzhi/contracts';
import { maskPhone } from '@yuanzhi/domain';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { columnsOf, country, creditCode, email, institutionFilter, isoDate, optText, page, text, updateOf, ymd } from '../registries/fields.ts';
import { dupId, type DupKey, type RegistryDef, type Row } from '../registries/registry.def.ts';
import type { Column } from '../registries/sheet.ts';

/**
 * 海外资源库: foreign laws and regulations, foreign cases, exporting enterprises and overseas lawyers, each by country
 * and industry, in one table with a kind. A lawyer's phone is personal data: encrypted, masked.
 */
const fields = {
  kind: z.enum(overseasKindValues),
  title: text(300),
  country,
  industries: z.array(z.enum(caseFieldValues)).max(11).default([]),
  ipTypes: z.array(z.enum(ipTypeValues)).max(7).default([]),
  datedOn: isoDate.nullish(),
  organisation: optText(200),
  creditCode: creditCode.nullish(),
  languages: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, '语言用 ISO 639 代码，如 en、de / ISO 639 code')).max(10).default([]),
  email: email.nullish(),
  phone: z.string().trim().regex(/^\+?[\d\s-]{6,20}$/, '电话号码格式不正确 / invalid phone number').nullish(),
  sourceUrl: z.url('链接须为 http(s) 网址 / a http(s) link').max(500).refine((u) => /^https?:/i.test(u), '链接须为 http(s) 网址 / a http(s) link').nullish(),
  summary: optText(4000),
};
const statuses = ['active', 'archived'] as const;

export const overseasColumns: Column[] = [
  { key: 'kind', zh: '类别', width: 14, list: overseasKinds },
  { key: 'title', zh: '名称', width: 36 },
  { key: 'country', zh: '国家或地区', width: 10, list: countries, open: true },
  { key: 'industries', zh: '行业领域', width: 18, list: caseFields, multi: true },
  { key: 'ipTypes', zh: '知识产权类型', width: 18, list: ipTypes, multi: true },
  { key: 'datedOn', zh: '日期（施行/裁判）', width: 13, date: true },
  { key: 'organisation', zh: '发布机关/法院/律所', width: 26 },
  { key: 'creditCode', zh: '统一社会信用代码', width: 22 },
  { key: 'languages', zh: '工作语言', width: 10, multi: true },
  { key: 'email', zh: '电子邮箱', width: 22 },
  { key: 'phone', zh: '联系电话', width: 16, importOnly: true },
  { key: 'phoneMasked', zh: '联系电话（脱敏）', width: 16, exportOnly: true },
  { key: 'sourceUrl', zh: '来源链接', width: 30 },
  { key: 'summary', zh: '摘要', width: 40 },
  { key: 'institutionName', zh: '所属机构', width: 24, exportOnly: true },
];

const columnMap = {
  kind: 'kind', title: 'title', country: 'country', industries: 'industries', ipTypes: 'ip_types', datedOn: 'dated_on', organisation: 'organisation',
  creditCode: 'credit_code', languages: 'languages', email: 'email', sourceUrl: 'source_url', summary: 'summary', status: 'status',
};
const has = (col: string, v: string) => sql<boolean>`${v} = ANY(${sql.ref(col)})`;
const sep = '\u0000';

/** What makes two entries the same: an enterprise's credit code; a lawyer's name and firm; a law's or case's title in its country. */
function keysOf(v: Record<string, any>): DupKey[] {
  if (v.kind === 'enterprise') return v.creditCode ? [{ kind: 'credit_code', field: 'creditCode', value: v.creditCode }] : [];
  if (v.kind === 'lawyer') return [{ kind: 'lawyer', field: 'title', value: `${v.title}${sep}${v.organisation ?? ''}` }];
  return [{ kind: v.kind, field: 'title', value: `${v.title}${sep}${v.country}` }];
}

export const overseasDef: RegistryDef = {
  name: 'overseas',
  table: 'overseas_entries',
  path: '/api/overseas',
  zh: '海外资源库条目',
  en: 'overseas library entry',
  fileZh: '海外资源库',
  fileEn: 'overseas',
  perms: { read: 'overseas.read', manage: 'overseas.manage', export: 'overseas.export' },
  columns: overseasColumns,
  required: 'title',
  createBody: z.strictObject({ institutionId: z.uuid().optional(), ...fields }),
  updateBody: updateOf(fields, statuses),
  listQuery: z.strictObject({
    ...institutionFilter,
    kind: z.enum(overseasKindValues).optional(),
    country: country.optional(),
    industry: z.enum(caseFieldValues).optional(),
    ipType: z.enum(ipTypeValues).optional(),
    status: z.enum(statuses).optional(),
    ...page,
  }),
  search: ['title', 'organisation', 'summary'],
  orderBy: 'title',
  defaultStatus: 'active',
  filter(q, f) {
    if (f.kind) q = q.where('r.kind', '=', f.kind);
    if (f.country) q = q.where('r.country', '=', f.country);
    if (f.industry) q = q.where(has('r.industries', f.industry));
    if (f.ipType) q = q.where(has('r.ip_types', f.ipType));
    return q;
  },
  toColumns(f, secrets) {
    const out = columnsOf(f, columnMap);
    if (f.phone !== undefined) Object.assign(out, { phone_enc: f.phone ? secrets.encrypt(f.phone) : null, phone_masked: f.phone ? maskPhone(f.phone.replace(/[\s-]/g, '')) : null });
    return out;
  },
  present: (r: Row) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    kind: r.kind,
    title: r.title,
    country: r.country,
    industries: r.industries,
    ipTypes: r.ip_types,
    datedOn: ymd(r.dated_on),
    organisation: r.organisation,
    creditCode: r.credit_code,
    languages: r.languages,
    email: r.email,
    phoneMasked: r.phone_masked,
    sourceUrl: r.source_url,
    summary: r.summary,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }),
  crossCheck: (v) => (v.kind === 'enterprise' && !v.creditCode
    ? { field: 'creditCode', zh: '出口企业须填写统一社会信用代码', en: 'An exporting enterprise needs its credit code' } : null),
  dupKeys: (v) => keysOf(v),
  async taken(db, at, keys, exceptId) {
    let q = (db as unknown as Kysely<any>).selectFrom('overseas_entries').select(['kind', 'title', 'country', 'organisation', 'credit_code'])
      .where('institution_id', '=', at.institutionId)
      .where((eb) => eb.or([
        eb('credit_code', 'in', keys.filter((k) => k.kind === 'credit_code').map((k) => k.value).concat([''])),
        eb('title', 'in', keys.filter((k) => k.kind !== 'credit_code').map((k) => k.value.split(sep)[0]).concat([''])),
      ]));
    if (exceptId) q = q.where('id', '!=', exceptId);
    const out = new Set<string>();
    for (const r of await q.execute()) {
      for (const k of keysOf({ kind: r.kind, title: r.title, country: r.country, organisation: r.organisation, creditCode: r.credit_code })) out.add(dupId(k));
    }
    return out;
  },
  dupMessage: (kind, value) => {
    const [a, b] = (value ?? '').split(sep);
    if (kind === 'credit_code') return { zh: `统一社会信用代码 ${a} 已在出口企业库中`, en: `Credit code ${a} is already in the enterprise library` };
    if (kind === 'lawyer') return { zh: `已有同名同律所的海外律师：${a}（${b}）`, en: 'An overseas lawyer with this name and firm exists' };
    return { zh: `该国家或地区已有同名条目：${a}（${b}）`, en: `An entry with this title exists for ${b}` };
  },
  privateFields: ['phone', 'email'],
};
