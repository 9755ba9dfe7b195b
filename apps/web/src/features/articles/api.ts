import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, type Page } from '../../shared/api.ts';

export interface ArticleFile { id: string; name: string; mediaType: string; sizeBytes: number }
export interface Replacement { kind: string; shown: string; replacement: string; count: number }

export interface Article {
  id: string;
  kind: string;
  state: string;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  ipTypes: string[];
  regionCode: string | null;
  meta: Record<string, unknown>;
  institution: { id: string; name: string };
  version: number;
  views: number;
  sourceCaseId: string | null;
  replacements: Replacement[] | null;
  authorName: string | null;
  attachments?: ArticleFile[];
  reviewNote: string | null;
  publishedAt: string | null;
  updatedAt: string;
}
export interface ArticleAnswer { data: Article; abilities: { edit: boolean; actions: string[] } }
export interface ArticleInput {
  title: string; summary: string; bodyHtml: string; tags: string[]; ipTypes: string[]; regionCode: string | null; meta: Record<string, unknown>;
}

export function useArticles(f: { kind?: string; state?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: ['articles', f], queryFn: () => get<Page<Article>>('/api/articles', { ...f }), placeholderData: (p) => p });
}

export function useArticle(id: string | undefined) {
  return useQuery({ queryKey: ['articles', 'one', id], queryFn: () => get<ArticleAnswer>(`/api/articles/${id}`), enabled: !!id && id !== 'new' });
}

export function useArticleWrite() {
  const qc = useQueryClient();
  const done = (a: ArticleAnswer) => {
    qc.setQueryData(['articles', 'one', a.data.id], a);
    void qc.invalidateQueries({ queryKey: ['articles'] });
    return a;
  };
  return {
    create: useMutation({ mutationFn: (body: ArticleInput & { institutionId: string; kind: string }) => post<ArticleAnswer>('/api/articles', body).then(done) }),
    save: useMutation({
      mutationFn: ({ id, ...body }: ArticleInput & { id: string; expectedVersion: number }) => api<ArticleAnswer>(`/api/articles/${id}`, { method: 'PUT', body }).then(done),
    }),
    step: useMutation({
      mutationFn: ({ id, action, note }: { id: string; action: string; note?: string }) => post<ArticleAnswer>(`/api/articles/${id}/transitions`, { action, note }).then(done),
    }),
    fromCase: useMutation({
      mutationFn: (caseId: string) => post<ArticleAnswer & { replacements: Replacement[] }>('/api/articles/from-case', { caseId }).then((a) => { done(a); return a; }),
    }),
  };
}

export interface VersionItem { version: number; title: string; savedAt: string; savedBy: string | null }
export interface VersionDiff { version: number; against: number | null; title: string; diff: { op: 'same' | 'added' | 'removed'; text: string }[] }

export function useVersions(id: string | undefined) {
  return useQuery({ queryKey: ['articles', 'versions', id], queryFn: () => get<{ data: VersionItem[] }>(`/api/articles/${id}/versions`).then((r) => r.data), enabled: !!id });
}
export function useVersionDiff(id: string, version: number | null) {
  return useQuery({
    queryKey: ['articles', 'diff', id, version],
    queryFn: () => get<{ data: VersionDiff }>(`/api/articles/${id}/versions/${version}`).then((r) => r.data),
    enabled: version !== null,
  });
}

export interface VisitTable { from: string; to: string; modules: string[]; totals: Record<string, number>; days: { day: string; counts: Record<string, number>; total: number }[] }
export function useVisits(range: { from?: string; to?: string }) {
  return useQuery({ queryKey: ['visits', range], queryFn: () => get<{ data: VisitTable }>('/api/visits', { ...range }).then((r) => r.data) });
}
export const visitsExportUrl = (range: { from?: string; to?: string }) =>
  `/api/visits/export.xlsx?${new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][]).toString()}`;

export interface ClosedCase { id: string; caseNumber: string | null; summary: string; state: { value: string; zh: string; en: string } }
export function useClosedCases(enabled: boolean) {
  return useQuery({
    queryKey: ['articles', 'closed-cases'],
    enabled,
    queryFn: async () => {
      const [c, a] = await Promise.all(['concluded', 'archived'].map((state) => get<Page<ClosedCase>>('/api/cases', { queue: 'institution', state, pageSize: 100 })));
      return [...c.data, ...a.data];
    },
  });
}
