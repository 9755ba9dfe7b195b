import { formatCount } from '@yuanzhi/domain';
import type { IndicatorDef, SummaryItem } from './api.ts';

/** A figure as the reports print it: counts in 万 from 10,000 up, shares with one decimal. */
export function figure(ind: IndicatorDef | undefined, v: number | null | undefined, lang: string): string {
  if (v === null || v === undefined) return '—';
  if (ind?.kind === 'ratio') return `${v.toFixed(1)}%`;
  return lang === 'en' ? v.toLocaleString('en') : formatCount(v);
}

/** `+51.1%` for counts, `+15.6` percentage points for shares. */
export function growth(ind: IndicatorDef | undefined, s: SummaryItem | undefined): { text: string; up: boolean | null } {
  if (!s || s.yoy === null) return { text: '—', up: null };
  const sign = s.yoy > 0 ? '+' : '';
  return { text: ind?.kind === 'ratio' ? `${sign}${s.yoy.toFixed(1)}pp` : `${sign}${s.yoy.toFixed(1)}%`, up: s.yoy === 0 ? null : s.yoy > 0 };
}
