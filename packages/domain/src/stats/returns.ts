import type { Period } from './periods.ts';

/**
 * Statistical returns (信息报送): when each is due and what may happen to it. Monthly returns are due
 * on the 10th of the next month, quarterly on the 15th of the month after the quarter, yearly on
 * 31 January of the next year (calendar days: the date is a reporting convention, not a statutory limit).
 */
export function returnDueOn(p: Period): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (p.kind === 'year') return `${p.year + 1}-01-31`;
  const lastMonth = p.kind === 'quarter' ? p.index! * 3 : p.index!;
  const y = lastMonth === 12 ? p.year + 1 : p.year;
  const m = lastMonth === 12 ? 1 : lastMonth + 1;
  return `${y}-${pad(m)}-${p.kind === 'quarter' ? 15 : 10}`;
}

/** A period can be reported once it has ended (CST date `today` on or after its last day + 1). */
export function periodEnded(p: Period, today: string): boolean {
  const lastMonth = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.index! * 3 : p.index!;
  const y = lastMonth === 12 ? p.year + 1 : p.year;
  const m = lastMonth === 12 ? 1 : lastMonth + 1;
  return today >= `${y}-${String(m).padStart(2, '0')}-01`;
}

export type ReturnStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type ReturnAction = 'save' | 'submit' | 'return' | 'accept';

const allowed: Record<ReturnAction, readonly (ReturnStatus | 'none')[]> = {
  save: ['none', 'draft', 'returned'],
  submit: ['none', 'draft', 'returned'],
  return: ['submitted'],
  accept: ['submitted'],
};

/** Whether an action is allowed from a status ('none': no return saved yet). Accepted returns are locked. */
export function returnActionAllowed(status: ReturnStatus | 'none', action: ReturnAction): boolean {
  return allowed[action].includes(status);
}

export function nextReturnStatus(action: ReturnAction): ReturnStatus {
  return ({ save: 'draft', submit: 'submitted', return: 'returned', accept: 'accepted' } as const)[action];
}
