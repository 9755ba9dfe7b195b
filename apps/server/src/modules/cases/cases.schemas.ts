import {
  caseChannelValues, caseFieldValues, caseNoteKindValues, caseQueueValues, contactMethodValues, enterpriseSizeValues,
  enterpriseTagValues, ipTypeValues, partyKindValues, serviceValues,
} from '@yuanzhi/contracts';
import { caseStates, referralBodies } from '@yuanzhi/domain';
import { z } from 'zod';

/** zod schemas of the Cases API (docs/api-cases.md). */
export const id = z.uuid();
export const idParams = z.strictObject({ id });
const text = (max: number) => z.string().trim().max(max);
const phone = z.string().trim().regex(/^[0-9+\-\s()]{5,20}$/, '电话号码格式不正确 / invalid phone number');
const idNumber = z.string().trim().regex(/^[0-9A-Za-z]{6,30}$/, '证件号码格式不正确 / invalid ID number');
const country = z.string().regex(/^[A-Z]{2}$/, '国家或地区用两位字母代码 / use the two-letter country code');

export const partyIn = z.strictObject({
  kind: z.enum(partyKindValues),
  name: text(200).min(1),
  creditCode: text(18).regex(/^[0-9A-Z]{18}$/, '统一社会信用代码为 18 位 / the credit code has 18 characters').optional(),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
  email: z.email().max(100).optional(),
  address: text(300).min(1).optional(),
  enterpriseSize: z.enum(enterpriseSizeValues).optional(),
  enterpriseTags: z.array(z.enum(enterpriseTagValues)).max(enterpriseTagValues.length).default([]),
  country: country.optional(),
});
export type PartyIn = z.infer<typeof partyIn>;

export const registerBody = z.strictObject({
  institutionId: id.optional(),
  channel: z.enum(caseChannelValues),
  applicant: partyIn,
  opposingParties: z.array(partyIn).max(10).default([]),
  agent: partyIn.optional(),
  ipType: z.enum(ipTypeValues),
  ipNumber: text(100).optional(),
  services: z.array(z.enum(serviceValues)).min(1).max(serviceValues.length),
  overseas: z.boolean().default(false),
  country: country.optional(),
  field: z.enum(caseFieldValues).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  summary: text(5000).min(1),
  request: text(2000).default(''),
  evidenceIds: z.array(id).max(50).default([]),
});
export type RegisterInput = z.infer<typeof registerBody>;

const reason = text(2000).optional();
const ev = <E extends string, S extends z.ZodRawShape>(event: E, payload: S) =>
  z.strictObject({ event: z.literal(event), payload: z.strictObject(payload).default({} as never), expectedVersion: z.int().min(1).optional() });

/** One strict payload per event; texts are optional here so the domain's guard names the missing field (422). */
export const transitionBody = z.discriminatedUnion('event', [
  ev('submit', {}),
  ev('requestSupplement', { reason }),
  ev('supplement', { note: reason, attachmentIds: z.array(id).max(50).optional() }),
  ev('accept', { track: z.enum(['fast', 'standard']).optional(), note: reason }),
  ev('decline', { reason }),
  ev('assign', { handlerId: z.string().optional() }),
  ev('reassign', { handlerId: z.string().optional(), reason }),
  ev('start', {}),
  ev('submitForReview', { note: reason }),
  ev('returnForRework', { comments: reason }),
  ev('signOff', { comments: reason }),
  ev('conclude', { result: text(5000).optional() }),
  ev('reopen', { reason }),
  ev('archive', {}),
  ev('transfer', { toInstitutionId: z.string().optional(), reason }),
  ev('acceptTransfer', {}),
  ev('returnTransfer', { reason }),
  ev('refer', { body: z.enum(referralBodies.map((b) => b.value) as [string, ...string[]]).optional(), reason }),
  ev('recordReferralFeedback', { feedback: reason }),
  ev('withdraw', { reason }),
  ev('suspend', { reason }),
  ev('resume', {}),
]);
export type TransitionBody = z.infer<typeof transitionBody>;

export const noteBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), body: text(5000).min(1) }),
  z.strictObject({ kind: z.literal('task'), body: text(2000).min(1), dueOn: z.iso.date().optional() }),
  z.strictObject({
    kind: z.literal('contact'), body: text(5000).min(1), contactMethod: z.enum(contactMethodValues), contactedAt: z.iso.datetime({ offset: true }).optional(),
  }),
]);
export type NoteInput = z.infer<typeof noteBody>;
export const noteKind = z.enum(caseNoteKindValues);

export const revealBody = z.strictObject({ field: z.enum(['phone', 'idNumber', 'address', 'email']) });
export const partyParams = z.strictObject({ id, partyId: id });
export const noteParams = z.strictObject({ id, noteId: id });

export const listFilters = {
  queue: z.enum(caseQueueValues).optional(),
  state: z.enum(caseStates).optional(),
  track: z.enum(['fast', 'standard']).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  service: z.enum(serviceValues).optional(),
  channel: z.enum(caseChannelValues).optional(),
  handler: id.optional(),
  institution: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: text(100).min(1).optional(),
  sort: z.enum(['deadline', 'submitted', 'number']).default('deadline'),
};
export const listQuery = z.strictObject({
  ...listFilters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const exportQuery = z.strictObject(listFilters);
export type CaseFilters = z.infer<typeof exportQuery>;
