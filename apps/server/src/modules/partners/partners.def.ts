import { partnerKinds, partnerKindValues, partnerOffers, partnerOfferValues } from '@yuanzhi/contracts';
import { maskPhone } from '@yuanzhi/domain';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { PartnerContactRow } from '../../platform/tables.ts';
import { columnsOf, creditCode, email, institutionFilter, isoDate, mobile, optText, page, regionCode, text, updateOf, ymd } from '../registries/fields.ts';
import { dupId, type DupKey, type RegistryDef, type Row, type Values } from '../registries/registry.def.ts';
import type { Column } from '../registries/sheet.ts';

/** 合作单位库: partner organisations with their kind, agreement, what they provide and contacts (phones encrypted). */

const contactIn = z.strictObject({ name: text(50), title: optText(50), phone: mobile.nullish(), email: email.nullish() });

const fields = {
  name: text(200),
  kind: z.enum(partnerKindValues),
  creditCode: creditCode.nullish(),
  regionCode: regionCode.nullish(),
  signedOn: isoDate.nullish(),
  validUntil: isoDate.nullish(),
  provides: z.array(z.enum(partnerOfferValues)).max(11).default([]),
  contacts: z.array(contactIn).max(10).default([]),
  notes: optText(2000),
};
const statuses = ['active', 'ended'] as const;

export const partnerColumns: Column[] = [
  { key: 'name', zh: '单位名称', width: 30 },
  { key: 'kind', zh: '单位类别', width: 16, list: partnerKinds },
  { key: 'creditCode', zh: '统一社会信用代码', width: 22 },
  { key: 'regionCode', zh: '行政区划代码', width: 12 },
  { key: 'signedOn', zh: '协议签订日期', width: 13, date: true },
  { key: 'validUntil', zh: '协议有效期至', width: 13, date: true },
  { key: 'provides', zh: '合作内容', width: 28, list: partnerOffers, multi: true },
  { key: 'contactName', zh: '联系人', width: 10 },
  { key: 'contactTitle', zh: '联系人职务', width: 12 },
  { key: 'contactPhone', zh: '联系电话', width: 14, importOnly: true },
  { key: 'contactPhoneMasked', zh: '联系电话（脱敏）', width: 14, exportOnly: true },
  { key: 'contactEmail', zh: '联系邮箱', width: 20 },
  { key: 'notes', zh: '备注', width: 24 },
  { key: 'institutionName', zh: '所属机构', width: 24, exportOnly: true },
];

const columnMap = {
  name: 'name', kind: 'kind', creditCode: 'credit_code', regionCode: 'region_code', signedOn: 'signed_on', validUntil: 'valid_until',
  provides: 'provides', notes: 'notes', status: 'status',
};

/** The first contact, flat, for the list, the workbook and the one-contact form. */
const firstContact = (cs: PartnerContactRow[]) => ({
  contactName: cs[0]?.name ?? null, contactTitle: cs[0]?.title ?? null, contactPhoneMasked: cs[0]?.phoneMasked ?? null, contactEmail: cs[0]?.email ?? null,
});

const has = (col: string, v: string) => sql<boolean>`${v} = ANY(${sql.ref(col)})`;

export const partnerDef: RegistryDef = {
  name: 'partner',
  table: 'partners',
  path: '/api/partners',
  zh: '合作单位',
  en: 'partner organisation',
  fileZh: '合作单位库',
  fileEn: 'partners',
  perms: { read: 'partner.read', manage: 'partner.manage', export: 'partner.export' },
  columns: partnerColumns,
  required: 'name',
  createBody: z.strictObject({ institutionId: z.uuid().optional(), ...fields }),
  updateBody: updateOf(fields, statuses),
  listQuery: z.strictObject({
    ...institutionFilter,
    kind: z.enum(partnerKindValues).optional(),
    provides: z.enum(partnerOfferValues).optional(),
    /** valid: agreement in force on `on`; expired: ended before it; none: no agreement recorded. */
    agreement: z.enum(['valid', 'expired', 'none']).optional(),
    on: isoDate.optional(),
    status: z.enum(statuses).optional(),
    ...page,
  }),
  search: ['name', 'credit_code'],
  orderBy: 'name',
  defaultStatus: 'active',
  filter(q, f) {
    if (f.kind) q = q.where('r.kind', '=', f.kind);
    if (f.provides) q = q.where(has('r.provides', f.provides));
    const on = f.on ?? new Date().toISOString().slice(0, 10);
    if (f.agreement === 'valid') q = q.where(sql<boolean>`r.signed_on <= ${on}::date AND (r.valid_until IS NULL OR r.valid_until >= ${on}::date)`);
    if (f.agreement === 'expired') q = q.where(sql<boolean>`r.valid_until < ${on}::date`);
    if (f.agreement === 'none') q = q.where('r.signed_on', 'is', null);
    return q;
  },
  toColumns(f, secrets, current) {
    const out = columnsOf(f, columnMap);
    if (f.contacts !== undefined) {
      // A contact sent without a phone keeps the stored phone of the contact at the same place (it never leaves the server).
      const stored = (current?.contacts ?? []) as PartnerContactRow[];
      out.contacts = JSON.stringify((f.contacts as Values[]).map((c, i): PartnerContactRow => ({
        name: c.name, title: c.title ?? null, email: c.email ?? null,
        ...(c.phone === undefined && stored[i]
          ? { phoneEnc: stored[i].phoneEnc ?? null, phoneMasked: stored[i].phoneMasked ?? null }
          : { phoneEnc: c.phone ? secrets.encrypt(c.phone) : null, phoneMasked: c.phone ? maskPhone(c.phone) : null }),
      })));
    }
    return out;
  },
  present: (r: Row) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    name: r.name,
    kind: r.kind,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    signedOn: ymd(r.signed_on),
    validUntil: ymd(r.valid_until),
    provides: r.provides,
    contacts: (r.contacts as PartnerContactRow[]).map((c) => ({ name: c.name, title: c.title ?? null, phoneMasked: c.phoneMasked ?? null, email: c.email ?? null })),
    ...firstContact(r.contacts as PartnerContactRow[]),
    notes: r.notes,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }),
  fromSheet(cells, input) {
    for (const k of ['contactName', 'contactTitle', 'contactPhone', 'contactEmail']) delete input[k];
    if (cells.contactName || cells.contactPhone || cells.contactEmail || cells.contactTitle) {
      input.contacts = [{ name: cells.contactName ?? '', title: cells.contactTitle || null, phone: cells.contactPhone || null, email: cells.contactEmail || null }];
    }
  },
  crossCheck: (v) => (v.signedOn && v.validUntil && v.validUntil < v.signedOn
    ? { field: 'validUntil', zh: '协议有效期不能早于签订日期', en: 'The agreement cannot end before it is signed' } : null),
  dupKeys(v) {
    const keys: DupKey[] = [{ kind: 'name', field: 'name', value: String(v.name).trim() }];
    if (v.creditCode) keys.push({ kind: 'credit_code', field: 'creditCode', value: v.creditCode });
    return keys;
  },
  async taken(db, at, keys, exceptId) {
    const codes = keys.filter((k) => k.kind === 'credit_code').map((k) => k.value);
    const names = keys.filter((k) => k.kind === 'name').map((k) => k.value);
    let q = (db as unknown as Kysely<any>).selectFrom('partners').select(['name', 'credit_code']).where('institution_id', '=', at.institutionId)
      .where((eb) => eb.or([eb('name', 'in', names.length ? names : ['']), eb('credit_code', 'in', codes.length ? codes : [''])]));
    if (exceptId) q = q.where('id', '!=', exceptId);
    const out = new Set<string>();
    for (const r of await q.execute()) {
      if (names.includes(r.name)) out.add(dupId({ kind: 'name', field: 'name', value: r.name }));
      if (r.credit_code && codes.includes(r.credit_code)) out.add(dupId({ kind: 'credit_code', field: 'creditCode', value: r.credit_code }));
    }
    return out;
  },
  dupMessage: (kind, value) => kind === 'credit_code'
    ? { zh: `统一社会信用代码 ${value} 已登记为合作单位`, en: `Credit code ${value} is already a partner` }
    : { zh: `已有同名合作单位：${value}`, en: `A partner named ${value} exists` },
  privateFields: ['contacts'],
};
