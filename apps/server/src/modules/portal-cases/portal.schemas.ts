import {
  caseFieldValues, enterpriseSizeValues, enterpriseTagValues, ipTypeValues, partyKindValues, serviceValues,
} from '@yuanzhi/contracts';
import { z } from 'zod';

/**
 * The online application (docs/api-cases.md "Portal (applicant)").
 * - `draftBody`: what autosave accepts — any subset, choices checked (they come from selects), free text only
 *   bounded in length, formats (phone, e-mail, codes) left to the submit so nothing typed mid-way is refused.
 * - `applicationSchema`: the whole application as submit requires it, every message in Chinese and English.
 */
const t = (max: number) => z.string().max(max);

export const draftParty = z.strictObject({
  kind: z.enum(partyKindValues).optional(),
  name: t(200).optional(),
  creditCode: t(30).optional(),
  idNumber: t(30).optional(),
  phone: t(30).optional(),
  email: t(100).optional(),
  address: t(300).optional(),
  enterpriseSize: z.enum(enterpriseSizeValues).optional(),
  enterpriseTags: z.array(z.enum(enterpriseTagValues)).max(enterpriseTagValues.length).optional(),
  country: t(2).optional(),
});

export const draftBody = z.strictObject({
  applicant: draftParty.optional(),
  opposingParties: z.array(draftParty).max(10).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  ipNumber: t(100).optional(),
  services: z.array(z.enum(serviceValues)).max(serviceValues.length).optional(),
  overseas: z.boolean().optional(),
  country: t(2).optional(),
  field: z.enum(caseFieldValues).optional(),
  summary: t(5000).optional(),
  request: t(2000).optional(),
  regionCode: t(6).optional(),
  institutionId: z.uuid().nullable().optional(),
});
export type DraftApplication = z.infer<typeof draftBody>;

const msg = (zh: string, en: string) => ({ error: `${zh} / ${en}` });
const required = (zh: string, en: string) => z.string(msg(`请填写${zh}`, `${en} is required`)).trim().min(1, msg(`请填写${zh}`, `${en} is required`));
const country = z.string(msg('请选择国家或地区', 'Choose the country')).regex(/^[A-Z]{2}$/, msg('国家或地区用两位字母代码', 'Use the two-letter country code'));

const applicantSchema = z.object({
  kind: z.enum(partyKindValues, msg('请选择申请人类型', 'Choose who is applying')),
  name: required('申请人名称', "The applicant's name").pipe(z.string().max(200)),
  creditCode: z.string().trim().regex(/^[0-9A-Z]{18}$/, msg('统一社会信用代码为 18 位', 'The credit code has 18 characters')).optional(),
  idNumber: z.string().trim().regex(/^[0-9A-Za-z]{6,30}$/, msg('证件号码格式不正确', 'Invalid ID number')).optional(),
  phone: z.string().trim().regex(/^1\d{10}$|^[0-9+\-\s()]{5,20}$/, msg('电话号码格式不正确', 'Invalid phone number')).optional(),
  email: z.email(msg('电子邮箱格式不正确', 'Invalid e-mail address')).max(100).optional(),
  address: z.string().trim().min(1).max(300).optional(),
  enterpriseSize: z.enum(enterpriseSizeValues).optional(),
  enterpriseTags: z.array(z.enum(enterpriseTagValues)).default([]),
  country: country.optional(),
});

const opposingSchema = z.object({
  kind: z.enum(partyKindValues).optional(),
  name: required('对方当事人名称', "The opposing party's name").pipe(z.string().max(200)),
  country: country.optional(),
});

export const applicationSchema = z.object({
  applicant: applicantSchema,
  opposingParties: z.array(opposingSchema).max(10).default([]),
  ipType: z.enum(ipTypeValues, msg('请选择知识产权类型', 'Choose the type of IP right')),
  ipNumber: z.string().trim().max(100).optional(),
  services: z.array(z.enum(serviceValues)).min(1, msg('请至少选择一项援助服务', 'Choose at least one service')),
  overseas: z.boolean().default(false),
  country: country.optional(),
  field: z.enum(caseFieldValues).optional(),
  summary: required('案情经过', 'What happened').pipe(z.string().max(5000)),
  request: required('援助请求', 'The help asked for').pipe(z.string().max(2000)),
  regionCode: z.string(msg('请选择所在地区', 'Choose the region')).regex(/^\d{6}$/, msg('请选择所在地区', 'Choose the region')),
  institutionId: z.uuid().nullable().optional(),
});
export type Application = z.infer<typeof applicationSchema>;

/**
 * Rules across fields, checked on the draft itself so they are reported together with the per-field ones
 * (a zod refinement would wait until every field is valid).
 */
export function crossFieldIssues(a: DraftApplication): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const p = a.applicant ?? {};
  if (!p.phone && !p.email) out.push({ path: 'applicant.phone', message: '请填写手机号码或电子邮箱，用于通知和查询进度 / Give a phone number or an e-mail address for notices and tracking' });
  if (p.kind === 'legal_person' && !p.enterpriseSize) out.push({ path: 'applicant.enterpriseSize', message: '请选择企业规模 / Choose the size of the company' });
  if (a.overseas && !a.country) out.push({ path: 'country', message: '涉外纠纷请选择国家或地区 / Choose the country of an overseas dispute' });
  const registered = ['patent', 'trademark', 'ic_layout', 'plant_variety', 'geographical_indication'];
  if (a.ipType && registered.includes(a.ipType) && !a.ipNumber) {
    out.push({ path: 'ipNumber', message: '请填写专利号、注册号或登记号 / Give the registration number of the right' });
  }
  return out;
}

/** Blank strings of a draft count as not given (a cleared field), so submit names them as missing. */
export function withoutBlanks<T>(v: T): T {
  if (Array.isArray(v)) return v.map(withoutBlanks) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (!(typeof x === 'string' && x.trim() === '')) out[k] = withoutBlanks(x);
    return out as T;
  }
  return v;
}

export const idParams = z.strictObject({ id: z.uuid() });
export const evidenceParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const proposalQuery = z.strictObject({
  regionCode: z.string().regex(/^\d{6}$/, '请选择所在地区 / choose the region'),
  service: z.enum(serviceValues).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  overseas: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const withdrawBody = z.strictObject({ reason: z.string().trim().max(2000).optional() });
export const trackCodeBody = z.strictObject({ caseNumber: z.string().trim().min(1).max(40), contact: z.string().trim().min(3).max(100) });
export const trackBody = trackCodeBody.extend({ code: z.string().trim().regex(/^\d{6}$/, '验证码为 6 位数字 / the code has 6 digits') });
export const rateParams = z.strictObject({ token: z.string().min(10).max(100) });
export const rateBody = z.strictObject({ score: z.int().min(1).max(5), comment: z.string().trim().max(2000).optional() });
