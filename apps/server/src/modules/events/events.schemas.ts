import {
  complaintOutcomeValues, eventKindValues, ipTypeValues, noticeMethodValues, partyKindValues, riskLevelValues, rosterKindValues,
} from '@yuanzhi/contracts';
import { isValidMobile } from '@yuanzhi/domain';
import { z } from 'zod';

/** Request bodies of on-site service at events (docs/api-events.md); strict, messages in Chinese and English. */
const text = (max: number) => z.string().trim().min(1, '不能为空 / required').max(max, `最多 ${max} 字 / at most ${max} characters`);
const optText = (max: number) => z.string().trim().max(max, `最多 ${max} 字 / at most ${max} characters`).nullish();
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / date as YYYY-MM-DD');
export const idParams = z.strictObject({ id: z.uuid() });
export const subParams = z.strictObject({ id: z.uuid(), subId: z.uuid() });

const eventFields = {
  name: text(200),
  kind: z.enum(eventKindValues),
  venue: text(200),
  startsOn: day,
  endsOn: day,
  organiser: text(200),
  expectedExhibitors: z.number().int().min(0).max(100000).nullish(),
  preTraining: optText(2000),
  notes: optText(2000),
};
const datesInOrder = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const datesMessage = { message: '结束日期不能早于开始日期 / the end date is before the start date', path: ['endsOn'] };

export const createEventBody = z.strictObject({ institutionId: z.uuid().optional(), ...eventFields }).refine(datesInOrder, datesMessage);
export type CreateEventInput = z.infer<typeof createEventBody>;
export const updateEventBody = z
  .strictObject({ ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]> }, version: z.number().int() })
  .refine(datesInOrder, datesMessage);
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const listQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(eventKindValues).optional(),
  from: day.optional(),
  to: day.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type EventListQuery = z.infer<typeof listQuery>;

export const rosterBody = z.strictObject({ onDate: day, kind: z.enum(rosterKindValues), refId: z.uuid(), duty: optText(100) });
export type RosterInput = z.infer<typeof rosterBody>;

export const commitmentBody = z.strictObject({
  exhibitor: text(200),
  booth: optText(40),
  signerName: text(100),
  agreed: z.literal(true, '请勾选同意承诺 / tick the box to agree'),
});
export type CommitmentInput = z.infer<typeof commitmentBody>;
/** The text fields sent with an uploaded commitment (multipart). */
export const commitmentUploadFields = z.strictObject({ exhibitor: text(200), booth: optText(40) });

export const findingIn = z.strictObject({
  exhibitor: text(200), booth: optText(40), ipType: z.enum(ipTypeValues), level: z.enum(riskLevelValues), note: text(1000),
});
export const screeningBody = z.strictObject({ screenedOn: day, scope: text(2000), findings: z.array(findingIn).max(200).default([]), conclusion: text(4000) });
export type ScreeningInput = z.infer<typeof screeningBody>;

export const consultationTallyBody = z.strictObject({ onDate: day.optional(), topic: text(200), count: z.number().int().min(1).max(10000).default(1) });
export type ConsultationTallyInput = z.infer<typeof consultationTallyBody>;

/** The on-site complaint: what the desk can take in under two minutes. Photos are uploaded first (POST …/photos). */
export const complaintBody = z.strictObject({
  complainant: z.strictObject({
    kind: z.enum(partyKindValues).default('legal_person'),
    name: text(200),
    phone: z.string().trim().refine(isValidMobile, '手机号码格式不正确 / invalid mobile number').optional(),
  }),
  booth: text(40),
  respondent: text(200),
  ipType: z.enum(ipTypeValues),
  ipNumber: optText(100),
  summary: text(2000),
  photoIds: z.array(z.uuid()).max(10).default([]),
});
export type ComplaintInput = z.infer<typeof complaintBody>;

export const noticeBody = z.strictObject({ method: z.enum(noticeMethodValues), note: optText(1000) });
export const outcomeBody = z.strictObject({ outcome: z.enum(complaintOutcomeValues), note: optText(2000) });
