import {
  institutionHostValues,
  institutionLevelValues,
  institutionStatusValues,
  institutionTypeValues,
  ipTypeValues,
  serviceValues,
} from '@yuanzhi/contracts';
import { z } from 'zod';

/** zod schemas of the Institutions API (docs/api-foundation.md, section "Institutions"). */
export const institutionType = z.enum(institutionTypeValues);
export const institutionLevel = z.enum(institutionLevelValues);
export const institutionHost = z.enum(institutionHostValues);
export const ipType = z.enum(ipTypeValues);
export const service = z.enum(serviceValues);
export const institutionStatus = z.enum(institutionStatusValues);
export const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / a region code has 6 digits');
export const id = z.uuid();
export const idParams = z.strictObject({ id });

const text = (max: number) => z.string().trim().max(max).nullable().optional();

/** Fields an institution may be given at creation; PATCH takes any of them but parentId. */
export const institutionFields = {
  name: z.string().trim().min(2).max(100),
  shortName: text(50),
  type: institutionType,
  level: institutionLevel,
  host: institutionHost.nullable().optional(),
  regionCode: regionCode.nullable().optional(),
  address: text(200),
  phone: text(50),
  email: z.union([z.email().max(100), z.literal('')]).nullable().optional(),
  website: text(200),
  hours: text(200),
  contactPerson: text(50),
  ipTypes: z.array(ipType).max(ipTypeValues.length),
  services: z.array(service).max(serviceValues.length),
  description: text(2000),
  establishedOn: z.iso.date().nullable().optional(),
};

export const createBody = z.strictObject({
  parentId: id,
  ...institutionFields,
  ipTypes: institutionFields.ipTypes.default([]),
  services: institutionFields.services.default([]),
});
export type CreateInput = z.infer<typeof createBody>;

export const updateBody = z
  .strictObject({
    name: institutionFields.name.optional(),
    shortName: institutionFields.shortName,
    type: institutionType.optional(),
    level: institutionLevel.optional(),
    host: institutionFields.host,
    regionCode: institutionFields.regionCode,
    address: institutionFields.address,
    phone: institutionFields.phone,
    email: institutionFields.email,
    website: institutionFields.website,
    hours: institutionFields.hours,
    contactPerson: institutionFields.contactPerson,
    ipTypes: institutionFields.ipTypes.optional(),
    services: institutionFields.services.optional(),
    description: institutionFields.description,
    establishedOn: institutionFields.establishedOn,
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容 / nothing to change' });
export type UpdateInput = z.infer<typeof updateBody>;

export const closeBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const moveBody = z.strictObject({ newParentId: id });

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const q = z.string().trim().min(1).max(50).optional();

/** Filters of the list and the export. */
export const filterFields = {
  q,
  type: institutionType.optional(),
  level: institutionLevel.optional(),
  host: institutionHost.optional(),
  regionCode: regionCode.optional(),
  service: service.optional(),
  ipType: ipType.optional(),
  status: institutionStatus.optional(),
  under: id.optional(),
};
export const listQuery = z.strictObject({ ...filterFields, page, pageSize });
export const exportQuery = z.strictObject(filterFields);
export type Filters = z.infer<typeof exportQuery>;

export const directoryQuery = z.strictObject({
  q,
  regionCode: regionCode.optional(),
  type: institutionType.optional(),
  service: service.optional(),
  ipType: ipType.optional(),
  page,
  pageSize,
});
export type DirectoryFilters = z.infer<typeof directoryQuery>;

const nullableText = z.string().nullable();
export const institutionOut = z.object({
  id: z.string(),
  parentId: nullableText,
  parentName: nullableText,
  path: z.string(),
  name: z.string(),
  shortName: nullableText,
  type: z.string(),
  level: z.string(),
  host: nullableText,
  regionCode: nullableText,
  regionName: nullableText,
  address: nullableText,
  phone: nullableText,
  email: nullableText,
  website: nullableText,
  hours: nullableText,
  contactPerson: nullableText,
  ipTypes: z.array(z.string()),
  services: z.array(z.string()),
  description: nullableText,
  establishedOn: nullableText,
  status: z.string(),
  closedAt: nullableText,
  closedReason: nullableText,
  childCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const abilitiesOut = z.object({
  update: z.boolean(),
  close: z.boolean(),
  reopen: z.boolean(),
  move: z.boolean(),
  createChild: z.boolean(),
});

export interface TreeNode {
  id: string;
  name: string;
  type: string;
  level: string;
  host: string | null;
  status: string;
  path: string;
  children: TreeNode[];
}
export const treeNodeOut: z.ZodType<TreeNode> = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  level: z.string(),
  host: nullableText,
  status: z.string(),
  path: z.string(),
  get children() {
    return z.array(treeNodeOut);
  },
});

/** The public directory's fields: contacts and services, never the contact person or internal fields. */
export const directoryFields = [
  'id', 'name', 'shortName', 'type', 'level', 'host', 'regionCode', 'regionName', 'address', 'phone', 'email', 'website',
  'hours', 'ipTypes', 'services', 'description',
] as const;
export const directoryEntryOut = institutionOut.pick(Object.fromEntries(directoryFields.map((k) => [k, true])) as { [K in (typeof directoryFields)[number]]: true });
