import {
  caseFieldValues, expertAvailabilityValues, expertKindValues, expertServiceValues, interestKindValues, ipTypeValues,
} from '@yuanzhi/contracts';
import { isValidCreditCode, isValidIdNumber, isValidMobile } from '@yuanzhi/domain';
import { z } from 'zod';

/** Request bodies of the expert pool; strict, with Chinese / English messages naming the rule. */
const text = (max: number) => z.string().trim().min(1).max(max);
const creditCode = z.string().trim().toUpperCase().refine(isValidCreditCode, '统一社会信用代码校验位不正确 / invalid unified social credit code');
export const ipcCode = z.string().trim().toUpperCase().regex(/^[A-H](\d{2}[A-Z]?)?$/, 'IPC 分类写作部（G）或大类/小类（G06、G06F）/ IPC section or class, e.g. G or G06F');
export const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / six-digit region code');
export const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, '法域用两位字母代码 / two-letter country code');
export const language = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, '语言用 ISO 639 代码，如 en、de / ISO 639 code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD');

export const interestIn = z.strictObject({ kind: z.enum(interestKindValues), name: text(200), creditCode: creditCode.nullish() });
export const qualificationIn = z.strictObject({ name: text(100), number: z.string().trim().max(60).nullish(), expiresOn: isoDate.nullish() });

export const expertFields = {
  name: text(100),
  employer: z.string().trim().max(200).nullish(),
  employerCreditCode: creditCode.nullish(),
  title: z.string().trim().max(100).nullish(),
  idNumber: z.string().trim().toUpperCase().refine(isValidIdNumber, '身份证号码校验位不正确 / invalid ID number').nullish(),
  phone: z.string().trim().refine(isValidMobile, '手机号码格式不正确 / invalid mobile number').nullish(),
  email: z.email('电子邮箱格式不正确 / invalid email').max(200).nullish(),
  kinds: z.array(z.enum(expertKindValues)).min(1, '至少选择一个专家类别 / choose at least one kind').max(6),
  ipc: z.array(ipcCode).max(30).default([]),
  industries: z.array(z.enum(caseFieldValues)).max(11).default([]),
  ipTypes: z.array(z.enum(ipTypeValues)).max(7).default([]),
  services: z.array(z.enum(expertServiceValues)).max(6).default([]),
  regions: z.array(regionCode).max(50).default([]),
  languages: z.array(language).max(10).default([]),
  jurisdictions: z.array(country).max(30).default([]),
  availability: z.enum(expertAvailabilityValues).default('available'),
  maxOpen: z.number().int().min(1).max(50).default(3),
  interests: z.array(interestIn).max(50).default([]),
  qualifications: z.array(qualificationIn).max(20).default([]),
  notes: z.string().trim().max(2000).nullish(),
  userId: z.uuid().nullish(),
};

export const createBody = z.strictObject({ institutionId: z.uuid().optional(), ...expertFields });
export type CreateExpertInput = z.infer<typeof createBody>;

const optionalFields = Object.fromEntries(
  Object.entries(expertFields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.removeDefault() : v).optional()]),
) as unknown as { [K in keyof typeof expertFields]: z.ZodOptional<z.ZodType<z.output<(typeof expertFields)[K]>>> };
export const updateBody = z.strictObject({ ...optionalFields, status: z.enum(['active', 'retired']).optional(), version: z.number().int() });
export type UpdateExpertInput = z.infer<typeof updateBody>;

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(expertKindValues).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  industry: z.enum(caseFieldValues).optional(),
  service: z.enum(expertServiceValues).optional(),
  ipc: z.string().trim().toUpperCase().max(8).optional(),
  region: z.string().regex(/^\d{2,6}$/).optional(),
  availability: z.enum(expertAvailabilityValues).optional(),
  status: z.enum(['active', 'retired']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const idParams = z.strictObject({ id: z.uuid() });
