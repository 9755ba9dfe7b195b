import type { Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { CubeSource } from './cube/cube.types.ts';

/** The dimensions an indicator can be cut and broken down by. */
export const dimensions = ['month', 'province', 'city', 'institution', 'ipType', 'channel', 'service', 'applicantKind', 'overseas'] as const;
export type Dimension = (typeof dimensions)[number];

/** Filters of a cut; every one optional. The scope is always applied and never widened by the others. */
export interface CutFilters {
  /** An institution subtree (ltree path) inside the scope. */
  institutionPath?: string;
  /** GB/T 2260 code; 420000 selects the province, 420100 the city, 420111 the county. */
  regionCode?: string;
  ipType?: string;
  channel?: string;
  service?: string;
  applicantKind?: string;
}

export interface Cut extends CutFilters {
  scope: Scope;
  /** [from, to): ISO instants (CST midnights from periodRange). */
  from: string;
  to: string;
}

/** One row of an evaluation: a group key (null: the total) with its numerator and, for a ratio, denominator. */
export interface IndicatorRow {
  key: string | null;
  label?: string;
  num: number;
  den?: number;
}

/** Count of things, or a share in percent (numerator/denominator), or an average. */
export type IndicatorKind = 'count' | 'ratio';

export interface Indicator {
  id: string;
  /** The module that contributes it (cases, consultations, events …). */
  module: string;
  zh: string;
  en: string;
  unit: { zh: string; en: string };
  kind: IndicatorKind;
  /** What is counted, which date decides the period, which states count, where a transfer is counted. */
  definition: { zh: string; en: string };
  /** The filters and breakdowns it supports; a cut by another dimension makes it not applicable. */
  dims: readonly Dimension[];
  /** Whether the records behind a figure can be listed (click-through). */
  records?: boolean;
  evaluate(db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]>;
  /** The ids of the records behind the figure (cases, …), newest first, at most `limit`. */
  recordIds?(db: DB, cut: Cut, limit: number): Promise<string[]>;
  /** How the statistics cube holds it (ADR 0036); without one it is always computed live. */
  cube?: CubeSource;
  /** The live computation, when `evaluate` may read the cube instead (the same answer). */
  live?(db: DB, cut: Cut, by?: Dimension): Promise<IndicatorRow[]>;
}
