import { analysisKindValues, analysisPurposeValues, analysisStatusValues, analysisSubjectKindValues, commissionerKindValues } from '@yuanzhi/contracts';
import { z } from 'zod';

/** Request bodies of analysis projects (分析预警, docs/api-events.md); strict, messages in Chinese and English. */
const text = (max: number) => z.string().trim().min(1, '不能为空 / required').max(max, `最多 ${max} 字 / at most ${max} characters`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD');
export const idParams = z.strictObject({ id: z.uuid() });
export const subParams = z.strictObject({ id: z.uuid(), subId: z.uuid() });

const fields = {
  title: text(200),
  commissionerKind: z.enum(commissionerKindValues),
  commissioner: text(200),
  subjectKind: z.enum(analysisSubjectKindValues),
  subject: text(200),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, '国家或地区用两位字母代码 / two-letter country code').nullish(),
  kind: z.enum(analysisKindValues),
  purpose: z.enum(analysisPurposeValues),
  staffIds: z.array(z.uuid()).max(20).default([]),
  expertIds: z.array(z.uuid()).max(20).default([]),
  partnerAgency: z.string().trim().max(200).nullish(),
  startsOn: day,
  dueOn: day.nullish(),
};
const countryNeeded = (v: { subjectKind?: string; country?: string | null }) => v.subjectKind !== 'overseas_country' || !!v.country;
const countryMessage = { message: '海外国家或地区课题须填写国家代码 / an overseas-country subject needs the country', path: ['country'] };

export const createBody = z.strictObject({ institutionId: z.uuid().optional(), ...fields }).refine(countryNeeded, countryMessage);
export type CreateProjectInput = z.infer<typeof createBody>;
export const updateBody = z
  .strictObject({
    ...(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.removeDefault() : v).optional()])) as unknown as {
      [K in keyof typeof fields]: z.ZodOptional<z.ZodType<z.output<(typeof fields)[K]>>>
    }),
    status: z.enum(analysisStatusValues).optional(),
    version: z.number().int(),
  })
  .refine((v) => v.subjectKind === undefined || countryNeeded(v), countryMessage);
export type UpdateProjectInput = z.infer<typeof updateBody>;

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(analysisKindValues).optional(),
  purpose: z.enum(analysisPurposeValues).optional(),
  status: z.enum(analysisStatusValues).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ProjectListQuery = z.infer<typeof listQuery>;

export const milestoneBody = z.strictObject({ title: text(200), dueOn: day });
export const milestoneDoneBody = z.strictObject({ doneOn: day });
