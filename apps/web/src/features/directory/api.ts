import { useQuery } from '@tanstack/react-query';
import { get, type Page } from '../../shared/api.ts';

/** Public fields of an active institution. */
export interface DirectoryEntry {
  id: string;
  name: string;
  shortName?: string | null;
  type: string;
  level: string;
  host?: string | null;
  regionCode?: string | null;
  regionName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  hours?: string | null;
  ipTypes?: string[];
  services?: string[];
  description?: string | null;
  parentName?: string | null;
}

export interface DirectoryFilters {
  q?: string;
  regionCode?: string;
  type?: string;
  service?: string;
  ipType?: string;
  page?: number;
}

export function useDirectory(f: DirectoryFilters) {
  return useQuery({ queryKey: ['directory', f], queryFn: () => get<Page<DirectoryEntry>>('/api/directory', { ...f }), placeholderData: (p) => p });
}

export function useDirectoryEntry(id: string | undefined) {
  return useQuery({
    queryKey: ['directory', 'one', id],
    queryFn: () => get<{ data: DirectoryEntry }>(`/api/directory/${id}`).then((r) => r.data),
    enabled: !!id,
  });
}
