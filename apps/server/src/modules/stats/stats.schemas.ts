import { caseChannelValues, ipTypeValues, partyKindValues, serviceValues } from '@yuanzhi/contracts';
import { z } from 'zod';
import { dimensions } from './indicators.types.ts';

export const cutQuery = z.object({
  period: z.string().regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/, '统计期格式应为 2026、2026-Q3 或 2026-07 / period like 2026, 2026-Q3, 2026-07'),
  institutionId: z.uuid().optional(),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码为6位数字 / a 6-digit region code').optional(),
  ipType: z.enum(ipTypeValues).optional(),
  channel: z.enum(caseChannelValues).optional(),
  service: z.enum(serviceValues).optional(),
  applicantKind: z.enum(partyKindValues).optional(),
});

export const breakdownQuery = cutQuery.extend({ indicator: z.string().min(1).max(80), by: z.enum(dimensions) });
export const recordsQuery = cutQuery.extend({ indicator: z.string().min(1).max(80) });

const text = z.object({ zh: z.string(), en: z.string() });
export const indicatorOut = z.object({
  id: z.string(), module: z.string(), zh: z.string(), en: z.string(), unit: text, kind: z.enum(['count', 'ratio']),
  definition: text, dims: z.array(z.enum(dimensions)), records: z.boolean(),
});
export const summaryOut = z.object({
  id: z.string(), value: z.number().nullable(), previous: z.number().nullable(), yoy: z.number().nullable(), num: z.number(), den: z.number().nullable(),
});
export const breakdownOut = z.object({ key: z.string().nullable(), label: z.string(), value: z.number().nullable(), previous: z.number().nullable().optional() });
export const recordOut = z.object({
  id: z.string(), caseNumber: z.string().nullable(), state: z.string(), institutionName: z.string(), submittedAt: z.string().nullable(),
});

/** Any table on screen, sent back to be written as .xlsx (the numbers were computed by the server already). */
export const tableBody = z.strictObject({
  title: z.string().trim().min(1, '请填写表格标题 / title required').max(100),
  columns: z.array(z.string().max(60)).min(1).max(30),
  rows: z.array(z.array(z.union([z.string().max(500), z.number(), z.null()])).max(30)).max(5000),
});
