import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, patch, post, withQuery, type Page } from '../../shared/api.ts';

export interface ScorePart { factor: string; points: number; max: number; zh: string; en: string }
export interface Ranked { expertId: string; name: string; rank: number; score: number; parts: ScorePart[] }
export interface Excluded { expertId: string; name: string; reasons: { code: string; zh: string; en: string }[] }
export interface Invitation {
  id: string; expertId: string; name: string; employer: string | null; rank: number | null; score: number | null; explanation: ScorePart[];
  status: string; reason: string | null; invitedAt: string; respondBy: string; respondedAt: string | null; rating: number | null; auto: boolean;
  caseId?: string; caseNumber?: string | null; summary?: string;
}
export interface Expert {
  id: string; name: string; employer: string | null; employerCreditCode: string | null; title: string | null; institutionName: string;
  idNumberMasked: string | null; phoneMasked: string | null; email: string | null; kinds: string[]; ipc: string[]; industries: string[];
  ipTypes: string[]; services: string[]; regions: string[]; languages: string[]; jurisdictions: string[]; availability: string; maxOpen: number;
  interests: { kind: string; name: string; creditCode: string | null }[]; qualifications: { name: string; expiresOn: string | null; expired: boolean }[];
  notes: string | null; status: string; version: number; openLoad?: number;
}
export interface ExpertDetail extends Expert {
  workload: { open: number; pending: number };
  rating: { average: number; count: number } | null;
  history: { invitationId: string; caseId: string; caseNumber: string | null; summary: string; status: string; reason: string | null; invitedAt: string; rating: number | null }[];
  changes: { seq: number; at: string; by: string | null; action: string; detail: { fields?: string[]; row?: number } | null }[];
}
export interface ImportStatus { id: string; status: string; total: number; processed: number; imported: number; errors: { row: number; field: string; message: string; messageEn: string }[] }
export type ExpertFilters = { q?: string; kind?: string; ipType?: string; service?: string; industry?: string; ipc?: string; page: number; pageSize: number };

const keys = { all: ['experts'] as const, list: (f: ExpertFilters) => ['experts', 'list', f] as const, one: (id: string) => ['experts', 'one', id] as const };

export const useExperts = (f: ExpertFilters) =>
  useQuery({ queryKey: keys.list(f), queryFn: () => get<Page<Expert>>('/api/experts', { ...f }), placeholderData: (p) => p });
export const useExpert = (id: string | null) =>
  useQuery({ queryKey: keys.one(id ?? ''), queryFn: () => get<{ data: ExpertDetail; abilities: { edit: boolean } }>(`/api/experts/${id}`), enabled: !!id });
export const exportUrl = (f: ExpertFilters) => withQuery('/api/experts/export.xlsx', { ...f, page: undefined, pageSize: undefined });

export function useUpdateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) => patch(`/api/experts/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export async function uploadImport(file: File): Promise<ImportStatus> {
  const form = new FormData();
  form.append('file', file);
  return (await api<{ data: ImportStatus }>('/api/experts/imports', { method: 'POST', body: form })).data;
}
export const importStatus = async (id: string) => (await get<{ data: ImportStatus }>(`/api/experts/imports/${id}`)).data;

const mkey = (caseId: string) => ['expert-matching', caseId] as const;
export const useCaseMatching = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: mkey(caseId), enabled,
    queryFn: () => get<{ data: { match: { id: string; createdAt: string; ranked: Ranked[]; excluded: Excluded[] } | null; invitations: Invitation[] } }>(`/api/cases/${caseId}/expert-matching`),
  });
export function useMatchWrite<V>(caseId: string, fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: mkey(caseId) }) });
}
export const runMatch = (caseId: string) => post(`/api/cases/${caseId}/expert-matches`, {});
export const invite = (caseId: string, matchId: string, expertId: string) => post(`/api/cases/${caseId}/expert-invitations`, { matchId, expertId });

export const useMyInvitations = () => useQuery({ queryKey: ['my-invitations'], queryFn: () => get<{ data: Invitation[] }>('/api/expert-invitations/mine') });
export function useRespond() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, reason }: { id: string; answer: 'accept' | 'decline'; reason?: string }) =>
      post(`/api/expert-invitations/${id}/${answer}`, answer === 'decline' ? { reason } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['my-invitations'] }),
  });
}
