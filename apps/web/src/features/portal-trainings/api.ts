import { useMutation, useQuery } from '@tanstack/react-query';
import { api, get, post } from '../../shared/api.ts';
import type { FileInfo, Speaker, Training } from '../trainings/api.ts';

export interface PublicTraining extends Training { speakers: Speaker[]; materials: FileInfo[]; registrationOpen: boolean; feedbackOpen: boolean }
export interface Registered { id: string; code: string; status: 'confirmed' | 'waitlisted'; position: number | null }
export interface CheckinTraining { id: string; title: string; startsAt: string; endsAt: string; place: string | null; open: boolean }
export interface CheckinResult { name: string; already: boolean; checkedInAt: string }

export const usePublicTrainings = (past: boolean, page: number) =>
  useQuery({ queryKey: ['portal-trainings', past, page], placeholderData: (p) => p, queryFn: () => get<{ data: Training[]; total: number }>('/api/portal/trainings', { past: String(past), page }) });
export const usePublicTraining = (id: string) =>
  useQuery({ queryKey: ['portal-trainings', id], queryFn: () => get<{ data: PublicTraining }>(`/api/portal/trainings/${id}`).then((r) => r.data) });
export const useRegister = (id: string) => useMutation({ mutationFn: (b: Record<string, unknown>) => post<{ data: Registered }>(`/api/portal/trainings/${id}/registrations`, b).then((r) => r.data) });
export const useCancelRegistration = (id: string) => useMutation({ mutationFn: (b: Record<string, unknown>) => post(`/api/portal/trainings/${id}/registrations/cancel`, b) });
export const useFeedback = (id: string) => useMutation({ mutationFn: (b: Record<string, unknown>) => post(`/api/portal/trainings/${id}/feedback`, b) });
export const useCheckinTraining = (token: string) =>
  useQuery({ queryKey: ['checkin', token], queryFn: () => get<{ data: CheckinTraining }>(`/api/portal/trainings/checkin/${token}`).then((r) => r.data), retry: false });
export const useCheckIn = (token: string) =>
  useMutation({ mutationFn: (b: { phone?: string; code?: string }) => api<{ data: CheckinResult }>(`/api/portal/trainings/checkin/${token}`, { method: 'POST', body: b }).then((r) => r.data) });
