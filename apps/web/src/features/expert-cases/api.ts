import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, type One } from '../../shared/api.ts';
import type { OpinionValue } from '../cases/opinion.ts';

export interface ExpertCaseItem {
  id: string; caseNumber: string | null; state: { value: string; zh: string; en: string }; ipType: string; services: string[]; field: string | null;
  summary: string; institution: string; attachedAt: string; opinionAt: string | null; opinionSignedOff: boolean;
}
export interface EvidenceFile { id: string; name: string; mediaType: string; sizeBytes: number; sha256: string; purpose: string; addedAt: string }
export interface ExpertCase {
  id: string; caseNumber: string | null; state: { value: string; zh: string; en: string }; institution: string; handler: string | null;
  applicantKind: string | null; ipType: string; ipNumber: string | null; services: string[]; overseas: boolean; country: string | null;
  field: string | null; summary: string; request: string | null; opinionSignedOff: boolean; submittedAt: string | null;
  parties: { role: string; kind: string | null; name: string | null; country: string | null }[];
  evidence: EvidenceFile[];
  myOpinion: { data: OpinionValue | null; text: string | null; at: string } | null;
}

const keys = { all: ['expert-cases'] as const, one: (id: string) => ['expert-cases', id] as const };

export const useExpertCases = () => useQuery({ queryKey: keys.all, queryFn: () => get<{ data: ExpertCaseItem[] }>('/api/expert/cases') });
export const useExpertCase = (id: string | undefined) =>
  useQuery({ queryKey: keys.one(id ?? ''), enabled: !!id, queryFn: () => get<One<ExpertCase, { writeOpinion: boolean }>>(`/api/expert/cases/${id}`) });
export const evidenceHref = (caseId: string, fileId: string) => `/api/expert/cases/${caseId}/evidence/${fileId}`;

export function useSaveOpinion(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: OpinionValue) => api(`/api/expert/cases/${caseId}/opinion`, { method: 'PUT', body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
