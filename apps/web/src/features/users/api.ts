import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, type One, type Page } from '../../shared/api.ts';
import type { NewUser, RoleInfo, User, UserAbilities, UserFilters } from './types.ts';

const base = '/api/users';

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilters & { page: number; pageSize: number }) => ['users', 'list', f] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUserList(f: UserFilters & { page: number; pageSize: number }) {
  return useQuery({ queryKey: userKeys.list(f), queryFn: () => get<Page<User>>(base, { ...f }), placeholderData: (p) => p });
}

export function useUser(id: string | undefined) {
  return useQuery({ queryKey: userKeys.one(id ?? ''), queryFn: () => get<One<User, UserAbilities>>(`${base}/${id}`), enabled: !!id });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => get<{ data: RoleInfo[] }>('/api/roles').then((r) => r.data), staleTime: Infinity });
}

function useWrite<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}

export const useCreateUser = () => useWrite((v: NewUser) => post<One<User>>(base, v));
export const useUpdateUser = (id: string) =>
  useWrite((v: Partial<Pick<User, 'displayName' | 'email' | 'status'>> & { phone?: string | null }) => patch<One<User>>(`${base}/${id}`, v));
export const useAddRole = (id: string) => useWrite((v: { role: string; institutionId: string }) => post(`${base}/${id}/roles`, v));
export const useRemoveRole = (id: string) => useWrite((assignmentId: string) => del(`${base}/${id}/roles/${assignmentId}`));
export const useResetPassword = (id: string) => useWrite((password: string) => post(`${base}/${id}/reset-password`, { password }));
export const useUnlock = (id: string) => useWrite(() => post(`${base}/${id}/unlock`));
export const useResetMfa = (id: string) => useWrite(() => post(`${base}/${id}/reset-mfa`));
export const revealPhone = (id: string) => post<{ data: { phone: string } }>(`${base}/${id}/reveal`, { field: 'phone' });
