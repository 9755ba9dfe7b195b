import { caseQueueValues, type CaseQueue } from '@yuanzhi/contracts';
import type { CaseEvent } from '@yuanzhi/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, withQuery, type One, type Page } from '../../shared/api.ts';
import type { Case, CaseAbilities, CaseFilters, CaseListItem, CaseNote, NoteInput, RevealField, TimelineEvent } from './types.ts';

const base = '/api/cases';

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: object) => ['cases', 'list', q] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
  notes: (id: string) => ['cases', 'notes', id] as const,
};

export type ListQuery = CaseFilters & { queue?: CaseQueue; page: number; pageSize: number };

export function useCaseList(q: ListQuery) {
  return useQuery({ queryKey: caseKeys.list(q), queryFn: () => get<Page<CaseListItem> & { totalCapped?: boolean }>(base, { ...q }), placeholderData: (p) => p });
}

/** The list API gives no counts per queue: one tiny page per queue gives its total. */
export function useQueueCounts(filters: CaseFilters) {
  const rs = useQueries({
    queries: caseQueueValues.map((queue) => ({
      queryKey: caseKeys.list({ ...filters, queue, count: true }),
      queryFn: () => get<Page<CaseListItem>>(base, { ...filters, queue, page: 1, pageSize: 1 }),
      staleTime: 30_000,
    })),
  });
  return Object.fromEntries(caseQueueValues.map((q, i) => [q, rs[i]?.data?.total])) as Record<CaseQueue, number | undefined>;
}

export const exportHref = (filters: CaseFilters & { queue?: string }) => withQuery(`${base}/export.xlsx`, { ...filters });

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: caseKeys.one(id ?? ''), queryFn: () => get<One<Case, CaseAbilities>>(`${base}/${id}`), enabled: !!id });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: caseKeys.timeline(id), queryFn: () => get<{ data: TimelineEvent[] }>(`${base}/${id}/timeline`).then((r) => r.data) });
}

export function useNotes(id: string) {
  return useQuery({ queryKey: caseKeys.notes(id), queryFn: () => get<{ data: CaseNote[] }>(`${base}/${id}/notes`).then((r) => r.data) });
}

function useCaseWrite<V, R = unknown>(id: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'cases' && (q.queryKey[1] === 'list' || q.queryKey[2] === id) }),
  });
}

export const useTransition = (id: string) =>
  useCaseWrite(id, (v: { event: CaseEvent; payload: Record<string, unknown>; expectedVersion?: number }) =>
    post<One<Case, CaseAbilities>>(`${base}/${id}/transitions`, v));

export const useAddNote = (id: string) => useCaseWrite(id, (v: NoteInput) => post<{ data: { id: string } }>(`${base}/${id}/notes`, v));
export const useTaskDone = (id: string) => useCaseWrite(id, (noteId: string) => post(`${base}/${id}/notes/${noteId}/done`));

export const revealParty = (caseId: string, partyId: string, field: RevealField) =>
  post<{ data: { field: string; value: string | null } }>(`${base}/${caseId}/parties/${partyId}/reveal`, { field });

export interface RegisterBody {
  channel: string;
  applicant: Record<string, unknown>;
  ipType: string;
  ipNumber?: string;
  services: string[];
  summary: string;
  request?: string;
  field?: string;
}

export function useRegisterCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: RegisterBody; key: string }) =>
      api<One<Case, CaseAbilities>>(base, { method: 'POST', body, headers: { 'idempotency-key': key } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export interface HandlerLoad {
  id: string;
  displayName: string;
  username: string | null;
  openCases: number;
  suggested: boolean;
}

/** The case institution's handlers by open caseload, the least-loaded first (suggested). */
export function useHandlerSuggestions(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'handler-suggestions', caseId],
    queryFn: () => get<{ data: HandlerLoad[] }>(`${base}/${caseId}/handler-suggestions`).then((r) => r.data),
    enabled,
  });
}


export interface EvidenceFile { id: string; name: string; mediaType: string; sizeBytes: number; sha256: string; purpose: string; addedAt: string }
export const useCaseEvidence = (caseId: string) =>
  useQuery({ queryKey: ['cases', 'evidence', caseId], queryFn: () => get<{ data: EvidenceFile[] }>(`${base}/${caseId}/evidence`).then((r) => r.data) });
export const caseEvidenceHref = (caseId: string, fileId: string) => `${base}/${caseId}/evidence/${fileId}`;
