import type { SearchKind } from '../../platform/tables.search.ts';
import { articleSearchDocument, type ArticleForSearch } from '../articles/articles.search-document.ts';

/**
 * What one record puts into the index (pure: rows in, entry out; null = not searchable). ADR 0016 records
 * what each kind contributes, and what it never does (ID numbers, phones, addresses, natural persons' names).
 */
export interface SearchEntry {
  kind: SearchKind;
  refId: string;
  visibility: 'public' | 'staff';
  institutionId: string;
  institutionPath: string;
  title: string;
  body: string;
  keys: string;
  ipTypes: string[];
  articleKind: string | null;
  regionCode: string | null;
  year: number | null;
  sortAt: Date;
  boost: number;
  /** A consultation that has been answered (and not reopened): the desk may suggest its answer (ADR 0034). */
  answered?: boolean;
}

/** Text kept for snippets; the index itself covers up to MAX_INDEXED_CHARS. */
const BODY_CHARS = 4000;

const cstYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();
const clip = (s: string, n: number) => {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
};

/** Policies and featured Q&A are what people come for; news ages fast. */
const articleBoost: Record<string, number> = { policy: 1.3, qa: 1.2, guide: 1.2, case_study: 1.1, knowledge: 1.1, news: 0.9 };

export function articleEntry(a: ArticleForSearch & { institution_path: string; meta: Record<string, unknown> }): SearchEntry | null {
  const doc = articleSearchDocument(a);
  if (!doc) return null;
  const documentNumber = typeof a.meta.documentNumber === 'string' ? a.meta.documentNumber : '';
  return {
    kind: a.kind === 'qa' ? 'qa' : 'article',
    refId: a.id, visibility: 'public', institutionId: a.institution_id, institutionPath: a.institution_path,
    title: doc.title, body: doc.body.slice(0, BODY_CHARS), keys: documentNumber,
    ipTypes: doc.meta.ipTypes, articleKind: doc.meta.articleKind, regionCode: doc.meta.regionCode, year: doc.meta.year,
    sortAt: doc.publishedAt, boost: articleBoost[a.kind] ?? 1,
  };
}

export interface ConsultationForSearch {
  id: string;
  institution_id: string;
  institution_path: string;
  question: string;
  answer: string | null;
  status: string;
  ip_type: string | null;
  region_code: string | null;
  asked_at: Date;
}

/** Question and answer only: the asker's name and contact stay out. */
export function consultationEntry(c: ConsultationForSearch): SearchEntry {
  return {
    kind: 'consultation', refId: c.id, visibility: 'staff', institutionId: c.institution_id, institutionPath: c.institution_path,
    title: clip(c.question, 60), body: [c.question, c.answer ?? ''].join('\n').trim().slice(0, BODY_CHARS), keys: '',
    ipTypes: c.ip_type ? [c.ip_type] : [], articleKind: null, regionCode: c.region_code, year: cstYear(c.asked_at),
    sortAt: c.asked_at, boost: c.answer ? 1 : 0.8, answered: c.status === 'answered' && Boolean(c.answer),
  };
}

export interface CaseForSearch {
  id: string;
  state: string;
  case_number: string | null;
  institution_id: string;
  institution_path: string;
  ip_type: string | null;
  ip_number: string | null;
  region_code: string | null;
  summary: string;
  request: string;
  submitted_at: Date | null;
  created_at: Date;
  /** Parties as stored: only the names of organisations are taken. */
  parties: { role: string; kind: string; name: string }[];
  anonymised: boolean;
}

/**
 * A case is found by its number, its IP number, the names of the organisations involved and its summary.
 * Drafts have no number and belong to their applicant alone: not indexed. After anonymisation only the
 * number is kept.
 */
export function caseEntry(c: CaseForSearch): SearchEntry | null {
  if (c.state === 'draft' || !c.case_number) return null;
  const orgs = c.anonymised ? [] : c.parties.filter((p) => p.kind !== 'natural_person').map((p) => p.name.trim()).filter(Boolean);
  const at = c.submitted_at ?? c.created_at;
  return {
    kind: 'case', refId: c.id, visibility: 'staff', institutionId: c.institution_id, institutionPath: c.institution_path,
    title: `${c.case_number} ${clip(c.summary, 50)}`,
    body: c.anonymised ? '' : [orgs.join('；'), c.summary, c.request].filter(Boolean).join('\n').slice(0, BODY_CHARS),
    keys: [c.case_number, c.ip_number ?? '', ...orgs].filter(Boolean).join(' '),
    ipTypes: c.ip_type ? [c.ip_type] : [], articleKind: null, regionCode: c.region_code, year: cstYear(at), sortAt: at, boost: 1,
  };
}
