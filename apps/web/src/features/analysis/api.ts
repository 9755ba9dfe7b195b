import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, type Page } from '../../shared/api.ts';

export interface Project {
  id: string; institutionName: string; title: string; commissionerKind: string; commissioner: string; subjectKind: string; subject: string;
  country: string | null; kind: string; purpose: string; partnerAgency: string | null; status: string; startsOn: string; dueOn: string | null;
  version: number; reportVersion: number;
}
export interface ProjectDetail extends Project {
  team: { staff: { id: string; name: string }[]; experts: { id: string; name: string }[] };
  milestones: { id: string; title: string; dueOn: string; doneOn: string | null }[];
  reports: { id: string; version: number; note: string | null; name: string; sizeBytes: number; uploadedBy: string | null; uploadedAt: string }[];
}
export type ProjectFilters = { q?: string; kind?: string; purpose?: string; status?: string; page: number; pageSize: number };

const keys = { all: ['analysis'] as const };
export const useProjects = (f: ProjectFilters) =>
  useQuery({ queryKey: [...keys.all, 'list', f], queryFn: () => get<Page<Project>>('/api/analysis-projects', { ...f }), placeholderData: (p) => p });
export const useProject = (id: string | null) =>
  useQuery({ queryKey: [...keys.all, 'one', id], enabled: !!id, queryFn: () => get<{ data: ProjectDetail; abilities: { edit: boolean } }>(`/api/analysis-projects/${id}`) });

export function useProjectWrite<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}
export const createProject = (body: Record<string, unknown>) => post<{ data: ProjectDetail }>('/api/analysis-projects', body);
export const addMilestone = (id: string) => (body: { title: string; dueOn: string }) => post(`/api/analysis-projects/${id}/milestones`, body);
export const milestoneDone = (id: string) => (v: { milestoneId: string; doneOn: string }) => post(`/api/analysis-projects/${id}/milestones/${v.milestoneId}/done`, { doneOn: v.doneOn });
export const uploadReport = (id: string) => (v: { file: File; note?: string }) => {
  const form = new FormData();
  if (v.note) form.append('note', v.note);
  form.append('file', v.file);
  return api(`/api/analysis-projects/${id}/reports`, { method: 'POST', body: form });
};
