import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, patch, post, withQuery, type Page } from '../../shared/api.ts';

export interface Attendance { registered: number; waitlisted: number; checkedIn: number; headCount: number | null }
export interface Training {
  id: string; institutionId: string; institutionName: string; title: string; summary: string | null; topics: string[]; audience: string | null;
  mode: string; place: string | null; onlineUrl: string | null; startsAt: string; endsAt: string; organiser: string; coOrganisers: string[];
  capacity: number | null; state: 'draft' | 'published' | 'held' | 'closed'; placesLeft: number | null; attendance: Attendance;
}
export interface FileInfo { id: string; name: string; mediaType: string; sizeBytes: number }
export interface Speaker { id: string; name: string; title: string | null; employer: string | null }
export interface TrainingDetail extends Training {
  version: number; checkinPath: string; speakers: Speaker[]; materials: FileInfo[];
  feedback: { count: number; average: number | null; comments: { score: number; comment: string; at: string }[] };
}
export interface TrainingAbilities { edit: boolean; transitions: ('publish' | 'hold' | 'close')[]; checkIn: boolean; headCount: boolean; materials: boolean }
export interface Registration {
  id: string; name: string; phoneMasked: string; organisation: string | null; code: string; status: 'confirmed' | 'waitlisted' | 'cancelled';
  checkedInAt: string | null; checkedInVia: string | null; registeredAt: string;
}
export type TrainingFilters = { q?: string; state?: string; topic?: string; year?: number; page: number; pageSize: number };

const keys = { all: ['trainings'] as const, list: (f: TrainingFilters) => ['trainings', 'list', f] as const, one: (id: string) => ['trainings', 'one', id] as const };

export const useTrainings = (f: TrainingFilters) =>
  useQuery({ queryKey: keys.list(f), queryFn: () => get<Page<Training>>('/api/trainings', { ...f }), placeholderData: (p) => p });
export const useTraining = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => get<{ data: TrainingDetail; abilities: TrainingAbilities }>(`/api/trainings/${id}`) });
export const useRegistrations = (id: string) =>
  useQuery({ queryKey: [...keys.one(id), 'registrations'], queryFn: () => get<{ data: Registration[] }>(`/api/trainings/${id}/registrations`).then((r) => r.data), refetchInterval: 15_000 });
export const exportUrl = (f: TrainingFilters) => withQuery('/api/trainings/export.xlsx', { ...f, page: undefined, pageSize: undefined });

function useWrite<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}
export const useCreateTraining = () => useWrite((body: Record<string, unknown>) => post<{ data: TrainingDetail }>('/api/trainings', body));
export const useUpdateTraining = (id: string) => useWrite((body: Record<string, unknown>) => patch(`/api/trainings/${id}`, body));
export const useTransition = (id: string) => useWrite((action: string) => post(`/api/trainings/${id}/transition`, { action }));
export const useStaffCheckIn = (id: string) => useWrite((registrationId: string) => post(`/api/trainings/${id}/registrations/${registrationId}/checkin`));
export const useStaffCancel = (id: string) => useWrite((registrationId: string) => post(`/api/trainings/${id}/registrations/${registrationId}/cancel`));
export const useHeadCount = (id: string) => useWrite((headCount: number) => api(`/api/trainings/${id}/head-count`, { method: 'PUT', body: { headCount } }));
export const useRemoveMaterial = (id: string) => useWrite((fileId: string) => api(`/api/trainings/${id}/materials/${fileId}`, { method: 'DELETE' }));
export function useInvalidateTrainings() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export interface ExpertOption { id: string; name: string; employer: string | null }
export const useExpertOptions = (q: string) =>
  useQuery({ queryKey: ['experts', 'options', q], queryFn: () => get<Page<ExpertOption>>('/api/experts', { q: q || undefined, pageSize: 20 }).then((r) => r.data) });
