import { caseFieldValues, riskKindValues } from '@yuanzhi/contracts';
import { z } from 'zod';

/** Risk alerts (风险预警提示) and subscriptions; strict bodies, Chinese / English messages naming the rule. */
export const country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, '国家（地区）用两位字母代码，如 US、DE / two-letter country code');

export const createBody = z.strictObject({
  institutionId: z.uuid().optional(),
  title: z.string().trim().min(1, '请填写标题 / title required').max(200),
  countries: z.array(country).max(30).default([]),
  industries: z.array(z.enum(caseFieldValues)).max(11).default([]),
  riskKind: z.enum(riskKindValues),
  body: z.string().trim().min(1, '请填写预警内容 / describe the risk').max(8000),
  advice: z.string().trim().min(1, '请填写应对建议 / say what to do').max(4000),
  source: z.string().trim().max(500).nullish(),
});
export type CreateAlertInput = z.infer<typeof createBody>;

export const subscriptionBody = z
  .strictObject({ countries: z.array(country).max(30), industries: z.array(z.enum(caseFieldValues)).max(11), email: z.boolean().default(true) })
  .refine((v) => v.countries.length + v.industries.length > 0, { message: '请至少选择一个国家（地区）或行业 / choose a country or an industry', path: ['countries'] });

export const listQuery = z.strictObject({
  state: z.enum(['draft', 'published']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const idParams = z.strictObject({ id: z.uuid() });
