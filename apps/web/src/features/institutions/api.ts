import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, patch, post, withQuery, type One, type Page } from '../../shared/api.ts';
import type { Institution, InstitutionAbilities, InstitutionFilters, InstitutionInput, TreeNode } from './types.ts';

const base = '/api/institutions';

export const institutionKeys = {
  all: ['institutions'] as const,
  tree: ['institutions', 'tree'] as const,
  list: (f: InstitutionFilters) => ['institutions', 'list', f] as const,
  one: (id: string) => ['institutions', 'one', id] as const,
};

export function useInstitutionTree() {
  return useQuery({ queryKey: institutionKeys.tree, queryFn: () => get<{ data: TreeNode[] }>(`${base}/tree`).then((r) => r.data) });
}

export function useInstitutionList(f: InstitutionFilters, enabled = true) {
  return useQuery({
    queryKey: institutionKeys.list(f),
    queryFn: () => get<Page<Institution>>(base, { ...f }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useInstitution(id: string | undefined) {
  return useQuery({
    queryKey: institutionKeys.one(id ?? ''),
    queryFn: () => get<One<Institution, InstitutionAbilities>>(`${base}/${id}`),
    enabled: !!id,
  });
}

export const exportUrl = (f: InstitutionFilters) => withQuery(`${base}/export.xlsx`, { ...f, page: undefined, pageSize: undefined });

/** Every write refreshes the tree, the lists and the record. */
function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: institutionKeys.all }) });
}

export const useCreateInstitution = () =>
  useWrite((v: InstitutionInput & { parentId: string }) => post<One<Institution>>(base, v));
export const useUpdateInstitution = (id: string) => useWrite((v: InstitutionInput) => patch<One<Institution>>(`${base}/${id}`, v));
export const useCloseInstitution = (id: string) => useWrite((reason: string) => post(`${base}/${id}/close`, { reason }));
export const useReopenInstitution = (id: string) => useWrite(() => post(`${base}/${id}/reopen`));
export const useMoveInstitution = (id: string) => useWrite((newParentId: string) => post(`${base}/${id}/move`, { newParentId }));
export const useImportInstitutions = () =>
  useWrite((file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    return api<{ data: { imported: number } }>(`${base}/import`, { method: 'POST', body: fd });
  });
