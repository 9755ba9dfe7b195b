import { roundHalfUp } from '../stats/numbers.ts';

/**
 * Scoring rules of an assessment sheet (考核指标打分表). A computed item turns an indicator's figure into
 * points linearly: 0 at `floor`, the full weight at `target`, beyond the target on the same line up to
 * `cap` (the weight when no cap is given). "Lower is better" mirrors the line (complaints, late cases).
 * Points are kept to 0.1, half up; totals add the rounded item scores, as the printed sheets do.
 */
export interface ScoringRule {
  floor: number;
  target: number;
  /** The most an item can score; the weight when absent. May exceed the weight (bonus for over-performance). */
  cap?: number | null;
  lowerIsBetter?: boolean;
}

export interface RuleProblem {
  field: 'floor' | 'target' | 'cap' | 'weight';
  zh: string;
  en: string;
}

/** Why a rule cannot be used (null when it can). */
export function ruleProblem(rule: ScoringRule, weight: number): RuleProblem | null {
  if (!(weight > 0)) return { field: 'weight', zh: '权重须大于0', en: 'Weight must be above 0' };
  if (![rule.floor, rule.target].every(Number.isFinite)) return { field: 'target', zh: '目标值和起评值须为数字', en: 'Target and floor must be numbers' };
  if (rule.lowerIsBetter ? rule.target >= rule.floor : rule.target <= rule.floor) {
    return rule.lowerIsBetter
      ? { field: 'target', zh: '“越低越好”时目标值须小于起评值', en: 'With lower-is-better the target must be below the floor' }
      : { field: 'target', zh: '目标值须大于起评值', en: 'The target must be above the floor' };
  }
  if (rule.cap !== undefined && rule.cap !== null && !(rule.cap > 0)) return { field: 'cap', zh: '封顶分须大于0', en: 'The cap must be above 0' };
  return null;
}

/** Points for a figure under a rule; a missing figure (a share of nothing) scores 0. */
export function scoreComputed(value: number | null, rule: ScoringRule, weight: number): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const cap = rule.cap ?? weight;
  const progress = rule.lowerIsBetter ? (rule.floor - value) / (rule.floor - rule.target) : (value - rule.floor) / (rule.target - rule.floor);
  const raw = Math.min(Math.max(progress, 0) * weight, cap);
  return roundHalfUp(raw, 1);
}

/** A hand score must lie in [0, weight] with at most one decimal. */
export function manualScoreProblem(score: number, weight: number): { zh: string; en: string } | null {
  if (!Number.isFinite(score) || score < 0) return { zh: '分数不能为负', en: 'The score cannot be negative' };
  if (score > weight) return { zh: `分数不能超过该项权重 ${weight} 分`, en: `The score cannot exceed the item's weight of ${weight}` };
  if (Math.abs(score * 10 - Math.round(score * 10)) > 1e-9) return { zh: '分数最多保留一位小数', en: 'At most one decimal' };
  return null;
}

/** The sum of item scores, in tenths so 0.1 + 0.2 stays 0.3. */
export function totalScore(scores: readonly (number | null | undefined)[]): number {
  return scores.reduce<number>((s, x) => s + Math.round((x ?? 0) * 10), 0) / 10;
}

/** Weights of a sheet add up to exactly 100 (in tenths); the difference when they do not. */
export function weightGap(weights: readonly number[]): number {
  return (1000 - weights.reduce((s, w) => s + Math.round(w * 10), 0)) / 10;
}

/** Standard competition ranking (1, 2, 2, 4) by total, highest first; ties keep the input order. */
export function rankByTotal<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.total - a.r.total || a.i - b.i);
  let rank = 0;
  return sorted.map(({ r }, n) => {
    if (n === 0 || r.total !== sorted[n - 1]!.r.total) rank = n + 1;
    return { ...r, rank };
  });
}
