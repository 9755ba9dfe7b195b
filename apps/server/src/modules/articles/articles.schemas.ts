import {
  articleKindValues, articleStateValues, caseStudyOriginValues, ipTypeValues, policyValidityValues, portalModuleValues,
} from '@yuanzhi/contracts';
import { z } from 'zod';

/** zod schemas of the Articles API (docs/api-articles.md). */
export const articleKind = z.enum(articleKindValues);
export const articleState = z.enum(articleStateValues);
const ipType = z.enum(ipTypeValues);
const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / a region code has 6 digits');
export const idParams = z.strictObject({ id: z.uuid() });
const opt = (max: number) => z.string().trim().max(max).optional();

/** The fields of each kind (policy: issuing body, document number, date, validity; case study: origin, field, outcome …). */
export const metaByKind = {
  policy: z.strictObject({
    issuingBody: z.string().trim().min(2).max(100),
    documentNumber: opt(60),
    issuedOn: z.iso.date(),
    validity: z.enum(policyValidityValues),
  }),
  knowledge: z.strictObject({ topic: opt(60) }),
  case_study: z.strictObject({ origin: z.enum(caseStudyOriginValues), field: opt(60), outcome: z.string().trim().min(2).max(200), country: opt(60) }),
  news: z.strictObject({ source: opt(100) }),
  guide: z.strictObject({ audience: opt(200), timeLimit: opt(100) }),
  qa: z.strictObject({ question: z.string().trim().min(4).max(1000) }),
} as const;

const common = {
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(500).default(''),
  bodyHtml: z.string().max(200_000).default(''),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  ipTypes: z.array(ipType).max(ipTypeValues.length).default([]),
  regionCode: regionCode.nullable().default(null),
  meta: z.record(z.string(), z.unknown()).default({}),
};

function checkMeta(v: { kind: string; meta: Record<string, unknown> }, ctx: z.RefinementCtx) {
  const r = metaByKind[v.kind as keyof typeof metaByKind].safeParse(v.meta);
  if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: ['meta', ...i.path.map(String)] });
}

export const createBody = z.strictObject({ institutionId: z.uuid(), kind: articleKind, ...common }).superRefine(checkMeta);
export type CreateInput = z.infer<typeof createBody>;
export const updateBody = z.strictObject({ expectedVersion: z.number().int().positive(), ...common });
export type UpdateInput = z.infer<typeof updateBody>;

export const transitionBody = z.strictObject({
  action: z.enum(['submit', 'approve', 'reject', 'withdraw', 'reopen']),
  note: z.string().trim().max(500).optional(),
});
export const fromCaseBody = z.strictObject({ caseId: z.uuid() });

export const listQuery = z.strictObject({
  kind: articleKind.optional(),
  state: articleState.optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const portalListQuery = z.strictObject({
  kind: articleKind.optional(),
  ipType: ipType.optional(),
  regionCode: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  tag: z.string().max(20).optional(),
  sort: z.enum(['newest', 'popular']).default('newest'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type PortalListQuery = z.infer<typeof portalListQuery>;

export const replacementOut = z.object({ kind: z.string(), shown: z.string(), replacement: z.string(), count: z.number() });

export const articleOut = z.object({
  id: z.string(),
  kind: articleKind,
  state: articleState,
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  ipTypes: z.array(z.string()),
  regionCode: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  institution: z.object({ id: z.string(), name: z.string() }),
  version: z.number(),
  views: z.number(),
  sourceCaseId: z.string().nullable(),
  replacements: z.array(replacementOut).nullable(),
  authorName: z.string().nullable(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() })).optional(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const abilitiesOut = z.object({ edit: z.boolean(), actions: z.array(z.string()) });

export const portalArticleOut = z.object({
  id: z.string(), kind: articleKind, title: z.string(), summary: z.string(), bodyHtml: z.string(), tags: z.array(z.string()),
  ipTypes: z.array(z.string()), regionCode: z.string().nullable(), meta: z.record(z.string(), z.unknown()),
  institutionName: z.string(), views: z.number(), publishedAt: z.string(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), sizeBytes: z.number() })).optional(),
});
export const portalListItemOut = portalArticleOut.omit({ bodyHtml: true });

export const visitBody = z.strictObject({ module: z.enum(portalModuleValues) });
export const visitsQuery = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });
