import {
  askerKindValues, consultationChannelValues, consultationStatusValues, consultationTopicValues, enterpriseSizeValues, ipTypeValues,
  serviceValues,
} from '@yuanzhi/contracts';
import { z } from 'zod';

/** zod schemas of the Consultations API (docs/api-consultations.md). */
export const id = z.uuid();
export const idParams = z.strictObject({ id });
const text = (max: number) => z.string().trim().max(max);
const contact = z.string().trim().regex(
  /^(?:[0-9+\-\s()]{5,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/,
  '联系方式应为电话号码或电子邮箱 / the contact is a phone number or an e-mail address',
).max(100);
const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / the region code has 6 digits');

/** The desk: everything but the topic and the question has a default, so a call is recorded in seconds. */
export const recordBody = z.strictObject({
  institutionId: id.optional(),
  channel: z.enum(consultationChannelValues).refine((c) => c !== 'online', '线上咨询由门户提交 / online consultations come from the portal'),
  askerKind: z.enum(askerKindValues).default('unknown'),
  enterpriseSize: z.enum(enterpriseSizeValues).optional(),
  regionCode: regionCode.optional(),
  ipType: z.enum(ipTypeValues).optional(),
  topic: z.enum(consultationTopicValues),
  question: text(5000).min(1, '请填写咨询问题 / enter the question'),
  answer: text(10000).min(1).optional(),
  minutesSpent: z.int().min(0).max(1440).optional(),
  askerName: text(100).min(1).optional(),
  askerContact: contact.optional(),
  askedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordInput = z.infer<typeof recordBody>;

export const answerBody = z.strictObject({
  answer: text(10000).min(1, '请填写答复内容 / enter the answer'),
  minutesSpent: z.int().min(0).max(1440).optional(),
});

export const listFilters = {
  status: z.enum(consultationStatusValues).optional(),
  channel: z.enum(consultationChannelValues).optional(),
  topic: z.enum(consultationTopicValues).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  institution: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: text(100).min(1).optional(),
};
export const listQuery = z.strictObject({
  ...listFilters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const exportQuery = z.strictObject(listFilters);
export type ConsultationFilters = z.infer<typeof exportQuery>;

/** Any text: an empty or odd question gives no suggestions, never an error. */
export const suggestQuery = z.strictObject({ q: z.string().max(10000).default('') });

export const toCaseBody = z.strictObject({
  services: z.array(z.enum(serviceValues)).min(1).max(serviceValues.length).optional(),
  applicantName: text(200).min(1).optional(),
});

export const proposeBody = z.strictObject({
  question: text(5000).min(1).optional(),
  answer: text(10000).min(1).optional(),
});
export const reviewBody = z.strictObject({
  decision: z.enum(['approve', 'return']),
  comment: text(2000).optional(),
});
export const proposalQuery = z.strictObject({ status: z.enum(['proposed', 'approved', 'returned']).optional() });

/** The portal: a signed-in applicant asks. */
export const askBody = z.strictObject({
  regionCode,
  topic: z.enum(consultationTopicValues),
  ipType: z.enum(ipTypeValues).optional(),
  enterpriseSize: z.enum(enterpriseSizeValues).optional(),
  question: text(5000).min(1, '请填写咨询问题 / enter the question'),
});
export const followUpBody = z.strictObject({ body: text(5000).min(1, '请填写追问内容 / enter your follow-up question') });
