import { useQuery } from '@tanstack/react-query';
import { get, post } from '../../shared/api.ts';

export interface PortalArticle {
  id: string; kind: string; title: string; summary: string; bodyHtml?: string; tags: string[]; ipTypes: string[]; regionCode: string | null;
  meta: Record<string, unknown>; institutionName: string; views: number; publishedAt: string;
  attachments?: { id: string; name: string; sizeBytes: number }[];
}
export interface PortalFilters { kind?: string; ipType?: string; regionCode?: string; year?: number; tag?: string; sort?: 'newest' | 'popular'; page?: number; pageSize?: number }

export function usePortalArticles(f: PortalFilters) {
  return useQuery({
    queryKey: ['portal-articles', f],
    queryFn: () => get<{ data: PortalArticle[]; total: number; page: number; pageSize: number; years: number[] }>('/api/portal/articles', { ...f }),
    placeholderData: (p) => p,
  });
}

export function usePortalArticle(id: string | undefined) {
  return useQuery({ queryKey: ['portal-articles', 'one', id], queryFn: () => get<{ data: PortalArticle }>(`/api/portal/articles/${id}`).then((r) => r.data), enabled: !!id, staleTime: 60_000 });
}

export function usePortalHome() {
  return useQuery({
    queryKey: ['portal-home'],
    queryFn: () => get<{ data: { newest: PortalArticle[]; popular: PortalArticle[]; byKind: Record<string, PortalArticle[]> } }>('/api/portal/home').then((r) => r.data),
  });
}

/** Count a module visit: fire and forget, nothing about the visitor is sent. */
export function countVisit(module: string): void {
  void post('/api/portal/visits', { module }).catch(() => undefined);
}
