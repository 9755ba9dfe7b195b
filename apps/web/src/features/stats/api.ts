import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, postForBlob, saveFile } from '../../shared/api.ts';

export interface Cut {
  period: string;
  institutionId?: string | undefined;
  regionCode?: string | undefined;
  ipType?: string | undefined;
  channel?: string | undefined;
  service?: string | undefined;
  applicantKind?: string | undefined;
}
export type Dimension = 'month' | 'province' | 'city' | 'institution' | 'ipType' | 'channel' | 'service' | 'applicantKind' | 'overseas';

export interface IndicatorDef {
  id: string;
  module: string;
  zh: string;
  en: string;
  unit: { zh: string; en: string };
  kind: 'count' | 'ratio';
  definition: { zh: string; en: string };
  dims: Dimension[];
  records: boolean;
}
export interface SummaryItem { id: string; value: number | null; previous: number | null; yoy: number | null; num: number; den: number | null }
export interface BreakdownRow { key: string | null; label: string; value: number | null; previous?: number | null }
export interface RecordRow { id: string; caseNumber: string | null; state: string; institutionName: string; submittedAt: string | null }

export function useIndicators() {
  return useQuery({ queryKey: ['stats', 'indicators'], queryFn: () => get<{ data: IndicatorDef[] }>('/api/stats/indicators').then((r) => r.data), staleTime: Infinity });
}

export function useSummary(cut: Cut) {
  return useQuery({ queryKey: ['stats', 'summary', cut], queryFn: () => get<{ data: SummaryItem[] }>('/api/stats/summary', { ...cut }).then((r) => r.data), placeholderData: keepPreviousData });
}

export function useBreakdown(cut: Cut, indicator: string, by: Dimension, enabled = true) {
  return useQuery({
    queryKey: ['stats', 'breakdown', cut, indicator, by], enabled,
    queryFn: () => get<{ data: BreakdownRow[] }>('/api/stats/breakdown', { ...cut, indicator, by }).then((r) => r.data),
    placeholderData: keepPreviousData,
  });
}

export function useRecords(cut: Cut, indicator: string | null) {
  return useQuery({
    queryKey: ['stats', 'records', cut, indicator], enabled: !!indicator,
    queryFn: () => get<{ data: RecordRow[]; truncated: boolean }>('/api/stats/records', { ...cut, indicator: indicator! }),
  });
}

/** Send a table on screen to the server and download it as .xlsx. */
export async function exportTable(title: string, columns: string[], rows: (string | number | null)[][]) {
  saveFile(await postForBlob('/api/stats/table.xlsx', { title, columns, rows }), `${title}.xlsx`);
}

export interface Practice { title: string; text: string }
export interface ReturnView {
  id: string | null;
  institution: { id: string; name: string; level: string };
  period: string;
  periodLabel: string;
  status: 'none' | 'draft' | 'submitted' | 'returned' | 'accepted';
  dueOn: string;
  figures: Record<string, number | null>;
  fundsSpent: number | null;
  narrative: string;
  practices: Practice[];
  reviewComment: string | null;
  submittedAt: string | null;
  rollup: { fundsSpent: number; returns: { id: string; institutionName: string; fundsSpent: number | null; practices: Practice[] }[] };
  history: { action: string; actorName: string; comment: string | null; at: string }[];
  abilities: { save: boolean; submit: boolean; review: boolean };
  periodEnded: boolean;
}
export interface BoardRow {
  institutionId: string; institutionName: string; level: string; returnId: string | null;
  status: 'missing' | 'draft' | 'submitted' | 'returned' | 'accepted'; dueOn: string; overdue: boolean; submittedAt: string | null;
}

export function useReturnBoard(period: string) {
  return useQuery({ queryKey: ['stats', 'returns', period], queryFn: () => get<{ data: BoardRow[] }>('/api/stats/returns', { period }).then((r) => r.data) });
}

export function useReturnView(institutionId: string | null, period: string) {
  return useQuery({
    queryKey: ['stats', 'return', institutionId, period], enabled: !!institutionId,
    queryFn: () => get<{ data: ReturnView }>('/api/stats/returns/view', { institutionId: institutionId!, period }).then((r) => r.data),
  });
}

export interface SaveReturn { institutionId: string; period: string; fundsSpent: number | null; narrative: string; practices: Practice[]; submit: boolean }

export function useSaveReturn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: SaveReturn) => api<{ data: ReturnView }>('/api/stats/returns', { method: 'PUT', body: b }).then((r) => r.data),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stats'] }),
  });
}

export function useReviewReturn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { id: string; decision: 'return' | 'accept'; comment?: string }) => post(`/api/stats/returns/${b.id}/review`, { decision: b.decision, comment: b.comment }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['stats'] }),
  });
}
