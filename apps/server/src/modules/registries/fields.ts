import { isValidCreditCode, isValidIdNumber, isValidMobile } from '@yuanzhi/domain';
import { z } from 'zod';

/** Field schemas the registries share; messages are Chinese / English and name the rule. */
export const text = (max: number) => z.string().trim().min(1, '不能为空 / required').max(max, `最多 ${max} 字 / at most ${max} characters`);
export const optText = (max: number) => z.string().trim().max(max, `最多 ${max} 字 / at most ${max} characters`).nullish();
export const creditCode = z.string().trim().toUpperCase().refine(isValidCreditCode, '统一社会信用代码校验位不正确 / invalid unified social credit code');
export const idNumber = z.string().trim().toUpperCase().refine(isValidIdNumber, '身份证号码校验位不正确 / invalid ID number');
export const mobile = z.string().trim().refine(isValidMobile, '手机号码格式不正确 / invalid mobile number');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD');
export const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / six-digit region code');
export const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, '国家或地区用两位字母代码，如 US、DE / two-letter country code');
export const email = z.email('电子邮箱格式不正确 / invalid email').max(200);
export const page = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) };
export const institutionFilter = { institutionId: z.uuid().optional(), q: z.string().trim().max(100).optional() };

/** The update body: every field optional (defaults removed, so an absent field is not reset), plus status and version. */
export function updateOf<T extends z.ZodRawShape>(fields: T, statuses: readonly [string, ...string[]]) {
  const optional = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, ((v instanceof z.ZodDefault ? v.removeDefault() : v) as z.ZodType).optional()]),
  );
  return z.strictObject({ ...optional, status: z.enum(statuses).optional(), version: z.number().int() });
}

/** Values the DB takes: '' → null, lists de-duplicated. */
export function columnsOf(f: Record<string, unknown>, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(map)) {
    const v = f[k];
    if (v !== undefined) out[col] = Array.isArray(v) ? [...new Set(v)] : v === '' ? null : v;
  }
  return out;
}

/** A `date` column as YYYY-MM-DD: node-postgres gives a Date at local midnight, so read it back in local time. */
export function ymd(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (!(v instanceof Date)) return String(v);
  return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
}

/** Today's date in China (UTC+8), whatever the server's zone: a log dated today in Wuhan is not "in the future". */
export const todayInChina = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
