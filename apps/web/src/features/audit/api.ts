import { useMutation, useQuery } from '@tanstack/react-query';
import { get, withQuery, type Page } from '../../shared/api.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  institutionId: string | null;
  institutionPath: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: 'success' | 'failure' | 'denied';
  ip: string | null;
  requestId: string | null;
  detail: unknown;
  hash: string;
}

export interface AuditFilters {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq?: number | null;
}

export function useAuditList(f: AuditFilters & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['audit', f], queryFn: () => get<Page<AuditEntry>>('/api/audit', { ...f }), placeholderData: (p) => p });
}

export const auditExportUrl = (f: AuditFilters) => withQuery('/api/audit/export.xlsx', { ...f });

export function useVerifyChain() {
  return useMutation({ mutationFn: () => get<{ data: VerifyResult }>('/api/audit/verify').then((r) => r.data) });
}
