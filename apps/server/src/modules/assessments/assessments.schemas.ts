import { institutionTypes } from '@yuanzhi/contracts';
import { z } from 'zod';

const num = (zh: string, en: string) => z.number({ error: `${zh}须为数字 / ${en} must be a number` }).min(-1e12).max(1e12);
const weight = z.number({ error: '权重须为数字 / weight must be a number' })
  .gt(0, '权重须大于0 / weight must be above 0').max(100, '权重不超过100 / weight at most 100')
  .refine((w) => Math.abs(w * 10 - Math.round(w * 10)) < 1e-9, '权重最多一位小数 / weight with at most one decimal');
const title = z.string().trim().min(1, '请填写考核项名称 / item title required').max(100, '考核项名称不超过100字 / title at most 100 characters');

export const ruleSchema = z.strictObject({
  floor: num('起评值', 'floor'),
  target: num('目标值', 'target'),
  cap: z.number().gt(0, '封顶分须大于0 / cap must be above 0').max(200).nullable().optional(),
  lowerIsBetter: z.boolean().optional(),
});

export const itemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('computed'), title, weight, indicatorId: z.string().min(1, '请选择指标 / choose an indicator').max(80), rule: ruleSchema }),
  z.strictObject({
    kind: z.literal('manual'), title, weight,
    guidance: z.string().trim().max(500, '评分说明不超过500字 / guidance at most 500 characters').optional(),
  }),
]);
export type ItemInput = z.infer<typeof itemSchema>;

export const sheetBody = z.strictObject({
  institutionId: z.uuid('请选择考核单位 / choose the assessing institution'),
  name: z.string().trim().min(1, '请填写打分表名称 / sheet name required').max(100, '名称不超过100字 / name at most 100 characters'),
  year: z.number().int().min(2000, '年度不早于2000年 / year from 2000').max(2100, '年度不晚于2100年 / year up to 2100'),
  items: z.array(itemSchema).min(1, '至少一个考核项 / at least one item').max(30, '最多30个考核项 / at most 30 items'),
});
export type SheetInput = z.infer<typeof sheetBody>;

const assessable = institutionTypes.map((t) => t.value).filter((t) => t !== 'authority') as [string, ...string[]];
export const runBody = z.strictObject({
  sheetId: z.uuid(),
  institutionTypes: z.array(z.enum(assessable, { error: '机构类型无效 / unknown institution type' })).min(1, '至少选择一种机构类型 / choose at least one type'),
});

export const scoreBody = z.strictObject({
  institutionId: z.uuid(),
  itemKey: z.string().regex(/^i\d{1,2}$/, '考核项无效 / unknown item'),
  score: z.number({ error: '请填写分数 / score required' }),
  evidence: z.string().trim().min(1, '请填写评分依据 / evidence required').max(2000, '评分依据不超过2000字 / evidence at most 2,000 characters'),
  fileIds: z.array(z.uuid()).max(3, '最多3个附件 / at most 3 files').optional(),
});
export type ScoreInput = z.infer<typeof scoreBody>;

export const idParams = z.strictObject({ id: z.uuid() });
