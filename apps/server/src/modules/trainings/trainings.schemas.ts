import { trainingModeValues, trainingStateValues, trainingTopicValues } from '@yuanzhi/contracts';
import { isValidMobile } from '@yuanzhi/domain';
import { z } from 'zod';

/** Request bodies of trainings; strict, with Chinese / English messages naming the rule. */
const text = (max: number) => z.string().trim().min(1, '不能为空 / required').max(max);
const optText = (max: number) => z.string().trim().max(max).nullish();
const instant = z.iso.datetime({ offset: true, message: '时间格式为 ISO 8601 / date-time as ISO 8601' });

const fields = {
  title: text(200),
  summary: optText(4000),
  topics: z.array(z.enum(trainingTopicValues)).min(1, '至少选择一个主题 / choose at least one topic').max(10),
  audience: optText(200),
  mode: z.enum(trainingModeValues),
  place: optText(300),
  onlineUrl: z.url('线上地址格式不正确 / invalid URL').max(500).nullish(),
  startsAt: instant,
  endsAt: instant,
  organiser: text(200),
  coOrganisers: z.array(text(200)).max(20).default([]),
  capacity: z.number().int().min(1, '名额至少为 1 / capacity at least 1').max(100000).nullish(),
  speakerIds: z.array(z.uuid()).max(20).default([]),
};

const timesInOrder = (v: { startsAt?: string; endsAt?: string }) => !v.startsAt || !v.endsAt || new Date(v.endsAt) > new Date(v.startsAt);
const timesMessage = { message: '结束时间须晚于开始时间 / the end must come after the start', path: ['endsAt'] };
const placeGiven = (v: { mode?: string; place?: string | null }) => v.mode !== 'offline' || !!v.place;
const placeMessage = { message: '线下活动须填写地点 / an in-person event needs a place', path: ['place'] };

export const createBody = z.strictObject({ institutionId: z.uuid().optional(), ...fields }).refine(timesInOrder, timesMessage).refine(placeGiven, placeMessage);
export type CreateTrainingInput = z.infer<typeof createBody>;

export const updateBody = z
  .strictObject({
    title: fields.title.optional(), summary: fields.summary, topics: fields.topics.optional(), audience: fields.audience, mode: fields.mode.optional(),
    place: fields.place, onlineUrl: fields.onlineUrl, startsAt: instant.optional(), endsAt: instant.optional(), organiser: fields.organiser.optional(),
    coOrganisers: z.array(text(200)).max(20).optional(), capacity: fields.capacity, speakerIds: z.array(z.uuid()).max(20).optional(),
    version: z.number().int(),
  })
  .refine(timesInOrder, timesMessage);
export type UpdateTrainingInput = z.infer<typeof updateBody>;

export const transitionBody = z.strictObject({ action: z.enum(['publish', 'hold', 'close']) });
export const headCountBody = z.strictObject({ headCount: z.number().int().min(0, '人数不能为负 / cannot be negative').max(1000000) });

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  state: z.enum(trainingStateValues).optional(),
  topic: z.enum(trainingTopicValues).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TrainingListQuery = z.infer<typeof listQuery>;

export const idParams = z.strictObject({ id: z.uuid() });
export const registrationParams = z.strictObject({ id: z.uuid(), registrationId: z.uuid() });
export const fileParams = z.strictObject({ id: z.uuid(), attachmentId: z.string().max(40) });
export const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '签到码无效 / invalid check-in link') });

const mobile = z.string().trim().refine(isValidMobile, '手机号码格式不正确 / invalid mobile number');
const regCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/, '报名码为 6 位字母或数字 / the registration code has 6 letters or digits');

export const registerBody = z.strictObject({ name: text(100), phone: mobile, organisation: optText(200) });
export const cancelBody = z.strictObject({ code: regCode, phone: mobile });
export const checkinBody = z
  .strictObject({ phone: mobile.optional(), code: regCode.optional() })
  .refine((v) => !!v.phone || !!v.code, { message: '请填写手机号或报名码 / enter a phone number or a registration code', path: ['phone'] });
export const feedbackBody = z.strictObject({
  code: regCode,
  score: z.number().int().min(1, '评分为 1–5 / score 1 to 5').max(5, '评分为 1–5 / score 1 to 5'),
  comment: optText(1000),
});
