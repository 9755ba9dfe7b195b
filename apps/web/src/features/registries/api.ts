import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, patch, post, withQuery, type Page } from '../../shared/api.ts';
import type { Rec } from './types.ts';

/** Hooks over the shared registry routes (list, one, create, edit, import, export) of any registry. */
export interface Change { seq: number; at: string; by: string | null; action: string; detail: { fields?: string[]; changes?: Record<string, [unknown, unknown]>; row?: number; hours?: number; kind?: string } | null }
export interface ImportStatus { id: string; status: string; total: number; processed: number; imported: number; errors: { row: number; field: string; message: string; messageEn: string }[] }
export type Filters = Record<string, string | number | undefined> & { page: number; pageSize: number };

export const useRecords = (base: string, f: Filters) =>
  useQuery({ queryKey: [base, 'list', f], queryFn: () => get<Page<Rec>>(base, { ...f }), placeholderData: keepPreviousData });

export const useRecord = (base: string, id: string | null) =>
  useQuery({ queryKey: [base, 'one', id], queryFn: () => get<{ data: Rec & { changes: Change[] }; abilities: { edit: boolean } }>(`${base}/${id}`), enabled: !!id });

export const exportUrl = (base: string, f: Filters) => withQuery(`${base}/export.xlsx`, { ...f, page: undefined, pageSize: undefined });

export function useSave(base: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) => (id ? patch<{ data: Rec }>(`${base}/${id}`, body) : post<{ data: Rec }>(base, body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: [base] }),
  });
}

/** A write beside the record (a log entry, hours) that refreshes the record and its lists. */
export function useRecordWrite(base: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => post(`${base}/${id}/${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [base] }),
  });
}

export async function uploadImport(base: string, file: File, institutionId?: string): Promise<ImportStatus> {
  const form = new FormData();
  if (institutionId) form.append('institutionId', institutionId);
  form.append('file', file);
  return (await api<{ data: ImportStatus }>(`${base}/imports`, { method: 'POST', body: form })).data;
}
export const importStatus = async (base: string, id: string) => (await get<{ data: ImportStatus }>(`${base}/imports/${id}`)).data;

export const useOptions = <T,>(path: string, enabled = true) =>
  useQuery({ queryKey: [path, 'options'], queryFn: () => get<{ data: T[] }>(path), enabled, staleTime: 60_000 });
