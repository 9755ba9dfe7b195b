import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post } from '../../shared/api.ts';

export interface Rule { floor: number; target: number; cap?: number | null; lowerIsBetter?: boolean }
export interface SheetItem {
  key?: string;
  title: string;
  weight: number;
  kind: 'computed' | 'manual';
  indicatorId?: string | null;
  rule?: Rule | null;
  guidance?: string | null;
}
export interface Sheet {
  id: string; name: string; year: number; version: number; previousId: string | null;
  institution: { id: string; name: string }; items: SheetItem[]; locked: boolean; updatedAt: string;
  abilities: { edit: boolean; copy: boolean; run: boolean };
}
export interface SheetInput { institutionId: string; name: string; year: number; items: SheetItem[] }
export interface RunSummary {
  id: string; sheetId: string; sheetName: string; sheetVersion: number; year: number; status: RunStatus; total: number; processed: number;
  institutionName: string; createdAt: string;
}
export type RunStatus = 'queued' | 'computing' | 'done' | 'failed';
export interface RankedRow { institutionId: string; institutionName: string; items: Record<string, number | null>; total: number; missing: number; rank: number }
export interface Run {
  id: string; sheetId: string; sheetName: string; sheetVersion: number; year: number; institutionTypes: string[];
  institution: { id: string; name: string }; status: RunStatus; total: number; processed: number; createdAt: string; finishedAt: string | null;
  items: SheetItem[]; abilities: { score: boolean }; rows: RankedRow[];
}
export interface BreakdownItem {
  key: string; title: string; weight: number; kind: 'computed' | 'manual'; score: number | null;
  rule?: Rule | null;
  indicator?: { id: string; zh: string; en: string; unit: { zh: string; en: string }; kind: 'count' | 'ratio'; definition: { zh: string; en: string } } | null;
  figure?: { value: number | null; num: number; den: number | null } | null;
  records?: { indicator: string; period: string; institutionId: string } | null;
  guidance?: string | null; evidence?: string | null; scoredBy?: string | null; scoredAt?: string | null; files?: { id: string; name: string }[];
}
export interface Breakdown { institutionId: string; institutionName: string; year: number; items: BreakdownItem[] }

export function useSheets() {
  return useQuery({ queryKey: ['assessments', 'sheets'], queryFn: () => get<{ data: Sheet[] }>('/api/assessments/sheets').then((r) => r.data) });
}
export function useSheet(id: string | undefined) {
  return useQuery({ queryKey: ['assessments', 'sheet', id], enabled: !!id, queryFn: () => get<{ data: Sheet }>(`/api/assessments/sheets/${id}`).then((r) => r.data) });
}
export function useRuns() {
  return useQuery({ queryKey: ['assessments', 'runs'], queryFn: () => get<{ data: RunSummary[] }>('/api/assessments/runs').then((r) => r.data) });
}
/** A run, polled while it is being computed (the progress bar). */
export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: ['assessments', 'run', id], enabled: !!id,
    queryFn: () => get<{ data: Run }>(`/api/assessments/runs/${id}`).then((r) => r.data),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'computing') ? 1000 : false),
  });
}
/** 本机构考核结果: the institution's own total and place in each finished run that scored it. */
export interface OwnResult {
  runId: string; sheetName: string; sheetVersion: number; year: number; assessedBy: string;
  institutionId: string; institutionName: string; total: number; rank: number; of: number; missing: number;
}
export function useOwnResults() {
  return useQuery({ queryKey: ['assessments', 'mine'], queryFn: () => get<{ data: OwnResult[] }>('/api/assessments/mine').then((r) => r.data) });
}
export function useBreakdown(runId: string, institutionId: string | null) {
  return useQuery({
    queryKey: ['assessments', 'run', runId, 'institution', institutionId], enabled: !!institutionId,
    queryFn: () => get<{ data: Breakdown }>(`/api/assessments/runs/${runId}/institutions/${institutionId}`).then((r) => r.data),
  });
}

export function useSaveSheet(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SheetInput) => (id ? api<{ data: Sheet }>(`/api/assessments/sheets/${id}`, { method: 'PUT', body }) : post<{ data: Sheet }>('/api/assessments/sheets', body)).then((r) => r.data),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessments'] }),
  });
}
export function useCopySheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post<{ data: Sheet }>(`/api/assessments/sheets/${id}/copy`, {}).then((r) => r.data),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessments'] }),
  });
}
export function useStartRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { sheetId: string; institutionTypes: string[] }) => post<{ data: Run }>('/api/assessments/runs', body).then((r) => r.data),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessments'] }),
  });
}
export interface ScoreInput { institutionId: string; itemKey: string; score: number; evidence: string; fileIds?: string[] }
export function useScore(runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreInput) => api<{ data: Breakdown }>(`/api/assessments/runs/${runId}/scores`, { method: 'PUT', body }).then((r) => r.data),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessments', 'run', runId] }),
  });
}
export async function uploadEvidence(runId: string, file: File): Promise<{ id: string; name: string }> {
  const form = new FormData();
  form.append('file', file);
  const r = await api<{ data: { id: string; name: string }[] }>(`/api/assessments/runs/${runId}/files`, { method: 'POST', body: form });
  return r.data[0]!;
}
