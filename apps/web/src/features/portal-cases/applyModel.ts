import type { Application, Draft } from './applyApi.ts';

/** The form of `/apply` and its mapping to the draft's application (docs/api-cases.md, "Application"). */
export interface ApplyValues {
  applicant?: Record<string, unknown>;
  ipType?: string;
  ipNumber?: string;
  services?: string[];
  overseas?: boolean;
  country?: string;
  field?: string;
  opposingName?: string;
  summary?: string;
  request?: string;
  regionCode?: string;
  /** '' = let the system choose (the top proposal). */
  institutionId?: string;
}

const applicantTexts = ['name', 'creditCode', 'idNumber', 'phone', 'email', 'address'];
const texts = ['ipNumber', 'country', 'summary', 'request', 'regionCode'] as const;

/** A cleared text is sent as '' (the server keeps fields not sent; blanks count as not given). */
export function toApplication(v: ApplyValues): Application {
  const applicant: Record<string, unknown> = { ...(v.applicant ?? {}) };
  for (const k of applicantTexts) if (applicant[k] === undefined || applicant[k] === null) applicant[k] = '';
  const out: Application = {
    applicant,
    services: v.services ?? [],
    overseas: !!v.overseas,
    opposingParties: v.opposingName?.trim() ? [{ name: v.opposingName.trim() }] : [],
    institutionId: v.institutionId || null,
  };
  for (const k of texts) out[k] = (v[k] as string | undefined) ?? '';
  if (!v.overseas) out.country = '';
  if (v.ipType) out.ipType = v.ipType;
  if (v.field) out.field = v.field;
  return out;
}

export function fromDraft(d: Draft): ApplyValues {
  const a = d.application as ApplyValues & { opposingParties?: { name?: string }[] };
  return {
    applicant: { kind: 'natural_person', ...(a.applicant ?? {}) },
    ipType: a.ipType, ipNumber: a.ipNumber, services: a.services ?? [], overseas: !!a.overseas, country: a.country,
    field: a.field, opposingName: a.opposingParties?.[0]?.name, summary: a.summary, request: a.request,
    regionCode: a.regionCode, institutionId: d.institution?.id ?? '',
  };
}

export const STEP_COUNT = 5;

/** Which step shows a server field (`applicant.phone`, `opposingParties.0.name`, `regionCode` …). */
export function stepOf(field: string): number {
  if (field.startsWith('applicant')) return 0;
  if (field === 'regionCode' || field === 'institutionId') return 2;
  if (field.startsWith('evidence')) return 3;
  return 1;
}

/** Server names → form names where they differ. */
export const renameFields: Record<string, string> = { 'opposingParties.0.name': 'opposingName', opposingParties: 'opposingName' };
