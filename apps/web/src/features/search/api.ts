import { useQuery } from '@tanstack/react-query';
import { get } from '../../shared/api.ts';

export interface SearchHit {
  kind: 'article' | 'qa' | 'consultation' | 'case';
  refId: string;
  /** Escaped text with <mark> around the query's words (see marked.ts). */
  title: string;
  snippet: string;
  articleKind: string | null;
  ipTypes: string[];
  regionCode: string | null;
  year: number | null;
  date: string;
}
export interface SearchAnswer { data: SearchHit[]; total: number; capped: boolean; page: number; pageSize: number; words: string[] }
export interface SearchFilters { q: string; kind?: string | undefined; ipType?: string | undefined; year?: number | undefined; page: number }
export type SearchMode = 'portal' | 'console';

/** Longest text sent: the server cuts at 100 characters anyway, and a long URL is refused by the HTTP server. */
export const MAX_SENT = 100;

export function useSearch(mode: SearchMode, f: SearchFilters) {
  const path = mode === 'portal' ? '/api/search' : '/api/search/console';
  return useQuery({
    queryKey: ['search', mode, f],
    queryFn: () => get<SearchAnswer>(path, { ...f, q: f.q.slice(0, MAX_SENT), pageSize: 10 }),
    enabled: f.q.trim().length > 0,
    placeholderData: (p) => p,
  });
}

export function useSuggestions(q: string) {
  const text = q.trim().slice(0, MAX_SENT);
  return useQuery({
    queryKey: ['search-suggestions', text],
    queryFn: () => get<{ data: { kind: string; refId: string; title: string }[] }>('/api/search/suggestions', { q: text }).then((r) => r.data),
    enabled: text.length > 0,
    staleTime: 60_000,
    placeholderData: (p) => p,
  });
}
