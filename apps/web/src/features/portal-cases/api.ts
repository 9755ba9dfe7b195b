import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../shared/api.ts';
import type { PortalCase, PortalCaseRow, RateInfo } from './types.ts';

/** Applicant-side case API (`/api/portal/…`): own cases, supplements, withdrawal, rating. */
const base = '/api/portal';

export const portalKeys = {
  cases: ['portal', 'cases'] as const,
  case: (id: string) => ['portal', 'cases', id] as const,
  rate: (token: string) => ['portal', 'rate', token] as const,
};

export function useRateInfo(token: string) {
  return useQuery({
    queryKey: portalKeys.rate(token),
    queryFn: () => get<{ data: RateInfo }>(`${base}/rate/${encodeURIComponent(token)}`).then((r) => r.data),
    retry: false,
  });
}

export function useRate(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { score: number; comment?: string }) => post(`${base}/rate/${encodeURIComponent(token)}`, v),
    onSettled: () => qc.invalidateQueries({ queryKey: portalKeys.rate(token) }),
  });
}

export function useMyCases() {
  return useQuery({ queryKey: portalKeys.cases, queryFn: () => get<{ data: PortalCaseRow[] }>(`${base}/cases`).then((r) => r.data) });
}

export function useMyCase(id: string) {
  return useQuery({ queryKey: portalKeys.case(id), queryFn: () => get<{ data: PortalCase }>(`${base}/cases/${id}`).then((r) => r.data) });
}

function useCaseWrite<V>(id: string, fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.cases }) });
}

export const useWithdraw = (id: string) =>
  useCaseWrite(id, (v: { reason?: string }) => post(`${base}/cases/${id}/withdraw`, v));

export const useSupplement = (id: string) =>
  useCaseWrite(id, (v: { files: File[]; note?: string }) => {
    const fd = new FormData();
    v.files.forEach((f) => fd.append('file', f));
    if (v.note) fd.append('note', v.note);
    return api(`${base}/cases/${id}/supplement`, { method: 'POST', body: fd });
  });

export const documentHref = (caseId: string, docId: string, format: 'pdf' | 'docx') =>
  `${base}/cases/${caseId}/documents/${docId}/download?format=${format}`;

export const sendTrackCode = (v: { caseNumber: string; contact: string }) =>
  post<{ data: { sent: boolean; expiresInSeconds: number; message?: string } }>(`${base}/track/code`, v).then((r) => r.data);

export const openTrack = (v: { caseNumber: string; contact: string; code: string }) =>
  post<{ data: { token: string; expiresAt: string } }>(`${base}/track`, v).then((r) => r.data);

export function useTrackedCase(token: string | null) {
  return useQuery({
    queryKey: ['portal', 'track', token],
    queryFn: () => api<{ data: PortalCase }>(`${base}/track/case`, { headers: { 'x-track-token': token ?? '' } }).then((r) => r.data),
    enabled: !!token,
    retry: false,
  });
}
