import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, withQuery, type One, type Page } from '../../shared/api.ts';

const base = '/api/consultations';

export interface ConsultationItem {
  id: string;
  channel: string;
  askerKind: string;
  ipType: string | null;
  topic: string;
  question: string;
  answer: string | null;
  status: 'open' | 'answered';
  minutesSpent: number | null;
  askerName: string | null;
  askerContactMasked: string | null;
  online: boolean;
  institution: { id: string; name: string };
  staffName: string | null;
  case: { id: string; caseNumber: string | null } | null;
  askedAt: string;
}
export interface Message { id: string; author: 'asker' | 'staff'; authorName: string | null; body: string; at: string }
export type Consultation = ConsultationItem & { messages: Message[]; qaProposal: { id: string; status: string } | null };
export interface Abilities { answer: boolean; toCase: boolean; propose: boolean }
export interface Suggestion {
  source: 'consultation' | 'qa' | 'knowledge'; refId: string; title: string; snippet: string; answer: string;
  /** Server-escaped text with the question's words in <mark> (rendered through search/Marked, never as HTML). */
  highlighted: { title: string; snippet: string }; score: number;
}
export interface Filters { status?: string; channel?: string; topic?: string; ipType?: string; from?: string; to?: string; q?: string }
export interface QaProposal { id: string; consultationId: string; question: string; answer: string; status: string; proposedBy: string; proposedAt: string; topic: string; articleId: string | null }

export const keys = {
  list: (q: object) => ['consultations', 'list', q] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
  suggest: (q: string) => ['consultations', 'suggest', q] as const,
  qa: (s: string) => ['consultations', 'qa', s] as const,
};

export const useConsultations = (q: Filters & { page: number; pageSize: number }) =>
  useQuery({ queryKey: keys.list(q), queryFn: () => get<Page<ConsultationItem>>(base, { ...q }), placeholderData: (p) => p });

export const exportHref = (f: Filters) => withQuery(`${base}/export.xlsx`, { ...f });

export const useConsultation = (id: string | undefined) =>
  useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => get<One<Consultation, Abilities>>(`${base}/${id}`), enabled: !!id });

export function useSuggestions(q: string) {
  return useQuery({
    queryKey: keys.suggest(q),
    queryFn: () => get<{ data: Suggestion[] }>(`${base}/suggestions`, { q }).then((r) => r.data),
    enabled: [...q.trim()].length >= 4,
    placeholderData: (p) => p,
    staleTime: 60_000,
  });
}

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['consultations'] }) });
}

export const useRecord = () => useWrite((body: Record<string, unknown>) => post<One<Consultation, Abilities>>(base, body));
export const useAnswer = (id: string) => useWrite((answer: string) => post<One<Consultation, Abilities>>(`${base}/${id}/answer`, { answer }));
export const useToCase = (id: string) => useWrite(() => post<{ data: { caseId: string } }>(`${base}/${id}/case`, {}));
export const usePropose = (id: string) =>
  useWrite(() => post<{ data: { id: string; removed: Record<string, number> } }>(`${base}/${id}/qa-proposals`, {}));

export const useQaProposals = (status: string) =>
  useQuery({ queryKey: keys.qa(status), queryFn: () => get<{ data: QaProposal[] }>('/api/qa-proposals', { status }).then((r) => r.data) });
export const useDraftQaArticle = () =>
  useWrite((id: string) => post<{ data: { articleId: string } }>(`/api/qa-proposals/${id}/article`, {}));
export const useReview = () =>
  useWrite((v: { id: string; decision: 'approve' | 'return'; comment?: string }) => post(`/api/qa-proposals/${v.id}/review`, { decision: v.decision, comment: v.comment }));
