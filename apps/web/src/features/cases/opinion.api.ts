import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../../shared/api.ts';
import { caseKeys } from './api.ts';
import type { OpinionValue } from './opinion.ts';

export interface CaseExpertOpinion {
  userId: string; name: string; invitedAt: string; opinion: string | null; opinionAt: string | null; opinionData: OpinionValue | null;
}
export interface OpinionOutcome {
  service: 'infringement_opinion'; data: (OpinionValue & { experts?: string[] }) | null; updatedAt: string | null; signedOffAt: string | null;
  experts?: CaseExpertOpinion[];
}

const key = (caseId: string) => ['cases', 'opinion', caseId] as const;
const url = (caseId: string) => `/api/cases/${caseId}/outcomes/infringement_opinion`;

export const useOpinionOutcome = (caseId: string) => useQuery({ queryKey: key(caseId), queryFn: () => get<{ data: OpinionOutcome }>(url(caseId)) });

export function useSaveOpinionOutcome(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: OpinionValue) => api(url(caseId), { method: 'PUT', body: v }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key(caseId) });
      await qc.invalidateQueries({ queryKey: caseKeys.one(caseId) });
    },
  });
}
