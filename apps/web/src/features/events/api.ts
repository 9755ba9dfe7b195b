import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, del, get, patch, post, type Page } from '../../shared/api.ts';

export interface EventItem {
  id: string; institutionId: string; institutionName: string; name: string; kind: string; venue: string; startsOn: string; endsOn: string;
  organiser: string; expectedExhibitors: number | null; preTraining: string | null; notes: string | null; version: number; complaintCount: number;
  phase: 'before' | 'during' | 'after';
}
export interface Complaint {
  id: string; caseId: string; caseNumber: string | null; caseState: { value: string; zh: string; en: string } | string; track: string; booth: string;
  complainant: string; respondent: string; ipType: string; ipNumber: string | null; takenOn: string; due: string | null;
  notice: { at: string; method: string; note: string | null } | null; outcome: { outcome: string; note: string | null; at: string | null } | null;
}
export interface Finding { exhibitor: string; booth?: string | null; ipType: string; level: string; note: string }
export interface EventDetail extends EventItem {
  roster: { id: string; onDate: string; kind: string; refId: string; name: string; duty: string | null }[];
  commitments: { id: string; exhibitor: string; booth: string | null; method: string; signerName: string | null; signedAt: string; file: { id: string; name: string } | null }[];
  screenings: { id: string; screenedOn: string; scope: string; findings: Finding[]; conclusion: string }[];
  consultations: { id: string; onDate: string; topic: string; count: number }[];
  complaints: Complaint[];
}
export interface Summary {
  complaints: number; notified: number; open: number; consultations: number; outcomes: Record<string, number>;
  byDay: { day: string; complaints: number; consultations: number }[];
}
export type EventFilters = { q?: string; kind?: string; from?: string; to?: string; page: number; pageSize: number };
export interface Candidates { institutions: { id: string; name: string }[]; staff: { id: string; name: string; institution: string }[]; experts: { id: string; name: string; employer: string | null }[] }

const keys = { all: ['events'] as const, list: (f: EventFilters) => ['events', 'list', f] as const, one: (id: string) => ['events', 'one', id] as const };

export const useEvents = (f: EventFilters) => useQuery({ queryKey: keys.list(f), queryFn: () => get<Page<EventItem>>('/api/events', { ...f }), placeholderData: (p) => p });
export const useEvent = (id: string) =>
  useQuery({ queryKey: keys.one(id), queryFn: () => get<{ data: EventDetail; abilities: { edit: boolean; desk: boolean } }>(`/api/events/${id}`) });
export const useSummary = (id: string) => useQuery({ queryKey: [...keys.one(id), 'summary'], queryFn: () => get<{ data: Summary }>(`/api/events/${id}/summary`) });
export const useCandidates = (enabled: boolean) =>
  useQuery({ queryKey: ['events', 'candidates'], enabled, queryFn: () => get<{ data: Candidates }>('/api/events/roster-candidates') });

/** A write to one event that refreshes it (and the list) afterwards. */
export function useEventWrite<V>(id: string, fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}
export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post<{ data: EventDetail }>('/api/events', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export const writes = (id: string) => ({
  update: (body: Record<string, unknown>) => patch(`/api/events/${id}`, body),
  addRoster: (body: Record<string, unknown>) => post(`/api/events/${id}/roster`, body),
  removeRoster: (entryId: string) => del(`/api/events/${id}/roster/${entryId}`),
  sign: (body: Record<string, unknown>) => post(`/api/events/${id}/commitments`, body),
  uploadCommitment: (v: { file: File; exhibitor: string; booth?: string }) => {
    const form = new FormData();
    form.append('exhibitor', v.exhibitor);
    if (v.booth) form.append('booth', v.booth);
    form.append('file', v.file);
    return api(`/api/events/${id}/commitments/upload`, { method: 'POST', body: form });
  },
  screening: (body: Record<string, unknown>) => post(`/api/events/${id}/screenings`, body),
  notice: (v: { complaintId: string; method: string; note?: string }) => post(`/api/events/${id}/complaints/${v.complaintId}/notice`, { method: v.method, note: v.note }),
  outcome: (v: { complaintId: string; outcome: string; note?: string }) => post(`/api/events/${id}/complaints/${v.complaintId}/outcome`, { outcome: v.outcome, note: v.note }),
  consultations: (body: { onDate?: string; topic: string; count: number }) => post(`/api/events/${id}/consultations`, body),
});
export const summaryXlsxUrl = (id: string) => `/api/events/${id}/summary.xlsx`;
export const screeningReportUrl = (id: string, sid: string) => `/api/events/${id}/screenings/${sid}/report`;
export const onsitePageUrl = (id: string) => `/onsite/${id}`;
