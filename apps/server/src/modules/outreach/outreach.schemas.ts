import { outreachChannelValues, outreachKindValues } from '@yuanzhi/contracts';
import { z } from 'zod';

/** Publicity activities (宣传活动): strict bodies, Chinese / English messages naming the rule. */
const count = z.number().int().min(0, '不能为负 / cannot be negative').max(1_000_000_000).nullish();
const fields = {
  name: z.string().trim().min(1, '请填写活动名称 / name required').max(200),
  heldOn: z.iso.date('日期格式为 YYYY-MM-DD / date as YYYY-MM-DD'),
  kind: z.enum(outreachKindValues),
  channel: z.enum(outreachChannelValues),
  reachPeople: count,
  reachViews: count,
  notes: z.string().trim().max(2000).nullish(),
};
export const createBody = z.strictObject({ institutionId: z.uuid().optional(), ...fields });
export type CreateOutreachInput = z.infer<typeof createBody>;
export const updateBody = z.strictObject({
  name: fields.name.optional(), heldOn: fields.heldOn.optional(), kind: fields.kind.optional(), channel: fields.channel.optional(),
  reachPeople: count, reachViews: count, notes: fields.notes,
});
export type UpdateOutreachInput = z.infer<typeof updateBody>;
export const listQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(outreachKindValues).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OutreachFilters = Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>;
export const idParams = z.strictObject({ id: z.uuid() });
