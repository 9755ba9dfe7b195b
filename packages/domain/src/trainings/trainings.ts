/** Pure rules of trainings: the life cycle, registration places, check-in windows, alert matching. */

export type TrainingState = 'draft' | 'published' | 'held' | 'closed';
export type TrainingAction = 'publish' | 'hold' | 'close';

const moves: Record<TrainingAction, { from: TrainingState; to: TrainingState }> = {
  publish: { from: 'draft', to: 'published' },
  hold: { from: 'published', to: 'held' },
  close: { from: 'held', to: 'closed' },
};

/** The state an action leads to, or null when the action is not allowed from `state`. */
export function trainingNext(state: TrainingState, action: TrainingAction): TrainingState | null {
  const m = moves[action];
  return m.from === state ? m.to : null;
}

export function trainingActions(state: TrainingState): TrainingAction[] {
  return (Object.keys(moves) as TrainingAction[]).filter((a) => moves[a].from === state);
}

/** A new registration is confirmed while places are left (no capacity: always), else waitlisted. */
export function placeFor(capacity: number | null, confirmed: number): 'confirmed' | 'waitlisted' {
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted';
}

/** How many waitlisted registrations move up when places free (a cancellation, a larger capacity). */
export function promotions(capacity: number | null, confirmed: number, waiting: number): number {
  if (capacity === null) return waiting;
  return Math.max(0, Math.min(waiting, capacity - confirmed));
}

/** The door opens three hours before the start and closes three hours after the end. */
export const CHECKIN_MARGIN_MS = 3 * 3600_000;
export function checkinOpen(now: Date, startsAt: Date, endsAt: Date): boolean {
  return now.getTime() >= startsAt.getTime() - CHECKIN_MARGIN_MS && now.getTime() <= endsAt.getTime() + CHECKIN_MARGIN_MS;
}

/** An empty list in a subscription means "any"; an alert with an empty list names no one dimension. */
/**
 * A key enterprise (重点企业名录) an alert concerns: its industry is among the alert's (or the alert names none), and
 * an alert about foreign countries concerns only the enterprises tagged as exporters; a domestic one (CN or none) any.
 */
export function alertConcernsEnterprise(e: { industry: string | null; tags: readonly string[] }, alert: { countries: readonly string[]; industries: readonly string[] }): boolean {
  const industry = alert.industries.length === 0 || (e.industry !== null && alert.industries.includes(e.industry));
  const abroad = alert.countries.some((c) => c !== 'CN');
  return industry && (!abroad || e.tags.includes('exporter'));
}

export function alertMatches(sub: { countries: readonly string[]; industries: readonly string[] }, alert: { countries: readonly string[]; industries: readonly string[] }): boolean {
  const hits = (mine: readonly string[], theirs: readonly string[]) => mine.length === 0 || theirs.length === 0 || mine.some((x) => theirs.includes(x));
  return hits(sub.countries, alert.countries) && hits(sub.industries, alert.industries);
}
