import { get } from './api.ts';

export interface Region {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

export const fetchRegionChildren = (parent?: string) =>
  get<{ data: Region[] }>('/api/regions', { parent, limit: 100 }).then((r) => r.data);

export const searchRegions = (q: string) => get<{ data: Region[] }>('/api/regions', { q, limit: 20 }).then((r) => r.data);

export const fetchRegion = (code: string) => get<{ data: Region }>(`/api/regions/${code}`).then((r) => r.data);

/** The codes from the province down to `code` (GB/T 2260: 2 digits province, 4 city, 6 county). */
export function regionChain(code: string): string[] {
  const p = `${code.slice(0, 2)}0000`;
  const c = `${code.slice(0, 4)}00`;
  const out = [p];
  if (c !== p) out.push(c);
  if (code !== c) out.push(code);
  return out;
}
