/**
 * Numbers as the national progress reports print them: large counts in 万 with one decimal, growth
 * and shares with one decimal, changes of a share in percentage points. Rounding is half up on the
 * decimal value (18/32 = 56.25% → 56.3%), computed on integers so binary floating point cannot tip it.
 */

/** Round half up (away from zero) to `digits` decimals, working on a scaled integer. */
export function roundHalfUp(value: number, digits = 1): number {
  const f = 10 ** digits;
  // toPrecision(15) drops the float noise (1.005 * 100 = 100.49999…) before rounding.
  const scaled = Number((Math.abs(value) * f).toPrecision(15));
  return (Math.sign(value) * Math.floor(scaled + 0.5)) / f;
}

/** The share num/den in percent, rounded half up on exact integers when both are integers. */
export function percent(num: number, den: number, digits = 1): number | null {
  if (den === 0) return null;
  if (Number.isInteger(num) && Number.isInteger(den) && den > 0 && num >= 0) {
    const f = 10 ** digits;
    // num*100*f/den, half up, in integer arithmetic.
    const n = BigInt(num) * 100n * BigInt(f) * 2n + BigInt(den);
    return Number(n / (2n * BigInt(den))) / f;
  }
  return roundHalfUp((num / den) * 100, digits);
}

/** Year-on-year growth in percent (null when last year was 0: no growth rate can be stated). */
export function yoyGrowth(current: number, previous: number): number | null {
  if (previous === 0) return null;
  if (Number.isInteger(current) && Number.isInteger(previous) && previous > 0 && current >= 0) {
    const diff = current - previous;
    const sign = diff < 0 ? -1 : 1;
    return sign * (percent(Math.abs(diff), previous) ?? 0);
  }
  return roundHalfUp(((current - previous) / previous) * 100);
}

/** A count as the reports write it: from 10,000 up in 万 with one decimal (`7.1万`), below exact. */
export function formatCount(n: number): string {
  if (Math.abs(n) >= 10_000) {
    const wan = roundHalfUp(n / 10_000, 1);
    return `${Number.isInteger(wan) ? wan.toFixed(0) : wan.toFixed(1)}万`;
  }
  return String(n);
}

/** `28.1%` */
export function formatPercent(p: number | null): string {
  return p === null ? '—' : `${roundHalfUp(p, 1).toFixed(1)}%`;
}

/** `同比增长51.1%` / `同比下降3.0%` / `同比持平`; null growth (nothing last year): `上年为零`. */
export function formatYoy(growth: number | null, lang: 'zh' | 'en' = 'zh'): string {
  if (growth === null) return lang === 'zh' ? '上年为零，无法计算同比' : 'none last year';
  const g = roundHalfUp(growth, 1);
  if (lang === 'en') return g === 0 ? 'unchanged year on year' : `${g > 0 ? 'up' : 'down'} ${Math.abs(g).toFixed(1)}% year on year`;
  if (g === 0) return '同比持平';
  return `同比${g > 0 ? '增长' : '下降'}${Math.abs(g).toFixed(1)}%`;
}

/** Change of a share in percentage points: `较去年增长15.6个百分点`. */
export function formatPointChange(current: number, previous: number): string {
  const d = roundHalfUp(current - previous, 1);
  if (d === 0) return '与去年持平';
  return `较去年${d > 0 ? '增长' : '下降'}${Math.abs(d).toFixed(1)}个百分点`;
}

/** A figure with its unit as the reports do: `7.1万件`, `11179份`. */
export function formatFigure(n: number, unit: string): string {
  return `${formatCount(n)}${unit}`;
}
