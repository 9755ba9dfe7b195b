/**
 * Statistical periods (a year, a quarter, a month) and their bounds as instants in China Standard
 * Time: the year of a record is decided in CST whatever the server's time zone.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';
export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter, 1–12 for a month; absent for a year. */
  index?: number;
}

const PERIOD_RE = /^(\d{4})(?:-(Q[1-4]|\d{2}))?$/;

/** `2026`, `2026-Q3`, `2026-07`. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  const year = +m[1];
  if (!m[2]) return { kind: 'year', year };
  if (m[2].startsWith('Q')) return { kind: 'quarter', year, index: +m[2].slice(1) };
  const month = +m[2];
  return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : null;
}

export function periodKey(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

function monthSpan(p: Period): [number, number] {
  if (p.kind === 'year') return [1, 12];
  if (p.kind === 'quarter') return [(p.index! - 1) * 3 + 1, p.index! * 3];
  return [p.index!, p.index!];
}

function cstMidnight(year: number, month: number): string {
  const y = month > 12 ? year + 1 : year;
  const m = month > 12 ? month - 12 : month;
  return `${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`;
}

/** [from, to): the period's first CST midnight and the next period's first. */
export function periodRange(p: Period): { from: string; to: string } {
  const [a, b] = monthSpan(p);
  return { from: cstMidnight(p.year, a), to: cstMidnight(p.year, b + 1) };
}

/** The same period one year earlier (for year-on-year comparison). */
export function previousYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** The months of a period as `YYYY-MM` keys (the x axis of a trend). */
export function monthsOf(p: Period): string[] {
  const [a, b] = monthSpan(p);
  const out: string[] = [];
  for (let m = a; m <= b; m++) out.push(`${p.year}-${String(m).padStart(2, '0')}`);
  return out;
}

export function periodLabel(p: Period, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return p.kind === 'year' ? String(p.year) : p.kind === 'quarter' ? `${p.year} Q${p.index}` : `${p.year}-${String(p.index).padStart(2, '0')}`;
  if (p.kind === 'year') return `${p.year}年`;
  if (p.kind === 'quarter') return `${p.year}年第${'一二三四'[p.index! - 1]}季度`;
  return `${p.year}年${p.index}月`;
}
