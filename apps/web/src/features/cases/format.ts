import dayjs from 'dayjs';
import type { TimelineEvent } from './types.ts';

/** Date and time as the console shows them everywhere: 2026-11-22 09:30 (the browser's time zone). */
export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

const textKeys = ['reason', 'comments', 'result', 'feedback', 'note'] as const;

/** The staff text an event carries: its reason, else the comments, result, feedback or note of its payload. */
export function eventText(e: Pick<TimelineEvent, 'reason' | 'payload'>): string | null {
  if (e.reason) return e.reason;
  for (const k of textKeys) {
    const v = e.payload?.[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}
