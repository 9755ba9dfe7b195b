import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../shared/api.ts';

export interface MyConsultation { id: string; topic: string; ipType: string | null; question: string; status: 'open' | 'answered'; institution: string; askedAt: string }
export interface Thread {
  id: string; topic: string; ipType: string | null; status: 'open' | 'answered'; institution: string; askedAt: string;
  messages: { id: string; author: 'asker' | 'staff'; body: string; at: string }[];
}

const base = '/api/portal/consultations';

export const useMyConsultations = () =>
  useQuery({ queryKey: ['portal-consultations'], queryFn: () => get<{ data: MyConsultation[] }>(base).then((r) => r.data) });
export const useThread = (id: string) =>
  useQuery({ queryKey: ['portal-consultations', id], queryFn: () => get<{ data: Thread }>(`${base}/${id}`).then((r) => r.data) });

function useWrite<V>(fn: (v: V) => Promise<{ data: Thread }>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['portal-consultations'] }) });
}
export const useAsk = () => useWrite((body: Record<string, unknown>) => post<{ data: Thread }>(base, body));
export const useFollowUp = (id: string) => useWrite((body: string) => post<{ data: Thread }>(`${base}/${id}/messages`, { body }));
