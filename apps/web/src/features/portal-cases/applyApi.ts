import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../shared/api.ts';
import { portalKeys } from './api.ts';

/** Drafts, evidence, proposals and submit of `/apply` (docs/api-cases.md, "Portal (applicant)"). */
const base = '/api/portal/drafts';

export type Application = Record<string, unknown>;

export interface Evidence {
  id: string;
  name: string;
  sizeBytes: number;
  sha256: string;
}

export interface Draft {
  id: string;
  version: number;
  application: Application;
  institution: { id: string; name: string } | null;
  evidence: Evidence[];
  createdAt: string;
  updatedAt: string;
}

export interface Proposal {
  id: string;
  name: string;
  type: string;
  level: string;
  regionCode: string;
  reason: { zh: string; en: string };
}

export interface Receipt {
  caseId: string;
  caseNumber: string;
  submittedAt: string;
  institution: { id: string; name: string; chosen: boolean; reason: { zh: string; en: string } | null };
  evidence: { name: string; sizeBytes: number; sha256: string }[];
}

/** My newest draft, or a new one. */
export async function openDraft(): Promise<Draft> {
  const mine = await get<{ data: Draft[] }>(base);
  if (mine.data[0]) return mine.data[0];
  return (await post<{ data: Draft }>(base, {})).data;
}

export function useDraft(enabled: boolean) {
  return useQuery({ queryKey: ['portal', 'draft'], queryFn: openDraft, enabled, staleTime: Infinity, retry: false });
}

export const saveDraft = (id: string, application: Application) =>
  api<{ data: Draft }>(`${base}/${id}`, { method: 'PUT', body: application }).then((r) => r.data);

export async function uploadEvidence(id: string, file: File): Promise<Evidence[]> {
  const fd = new FormData();
  fd.append('file', file);
  return (await api<{ data: Evidence[] }>(`${base}/${id}/evidence`, { method: 'POST', body: fd })).data;
}

export const deleteEvidence = (id: string, attachmentId: string) => api(`${base}/${id}/evidence/${attachmentId}`, { method: 'DELETE' });

export function useProposal(q: { regionCode?: string; service?: string; ipType?: string; overseas?: boolean }) {
  return useQuery({
    queryKey: ['portal', 'proposal', q],
    queryFn: () => get<{ data: Proposal[] }>('/api/portal/proposal', { ...q }).then((r) => r.data),
    enabled: !!q.regionCode,
  });
}

export function useSubmitDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; key: string; privacyNoticeVersion?: string }) =>
      api<{ data: Receipt }>(`${base}/${v.id}/submit`, {
        method: 'POST', body: v.privacyNoticeVersion ? { privacyNoticeVersion: v.privacyNoticeVersion } : {}, headers: { 'Idempotency-Key': v.key },
      }).then((r) => r.data),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: portalKeys.cases });
      qc.removeQueries({ queryKey: ['portal', 'draft'] });
    },
  });
}
