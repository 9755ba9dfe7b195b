import type { DeadlineKind } from './effects.ts';
import type { CaseState } from './states.ts';

/**
 * A time limit as data. The clock starts on the CST day of the latest `startOn` event and counts
 * working days from the next day; it stops at the first `stopOn` event after that; days spent in a
 * `pausedIn` state do not count. Deployments override the numbers without a code change.
 */
export interface DeadlineRule {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** The starting point as the explanation names it: '受理之日' / 'acceptance'. */
  readonly fromZh: string;
  readonly fromEn: string;
  readonly startOn: readonly string[];
  readonly stopOn: readonly string[];
  readonly workingDays: number;
  /** Fast track: half the standard (rounded up), the same, or its own number. */
  readonly fast: 'half' | 'same' | number;
  readonly pausedIn: readonly CaseState[];
  /**
   * On the fast track, a case from one of these channels is due the day its clock starts (calendar
   * day, weekends included): a complaint at an event is dealt with while the event is on.
   */
  readonly sameDayChannels?: readonly string[];
}

export type DeadlineRules = Readonly<Record<DeadlineKind, DeadlineRule>>;

const waitingForApplicant: readonly CaseState[] = ['awaiting_supplement', 'suspended'];

/** Channels of on-site service at an event (驻场服务): fast-track cases from them are due the same day. */
export const sameDayChannels: readonly string[] = ['exhibition'];

export const defaultDeadlineRules: DeadlineRules = {
  acceptance: {
    id: 'acceptance.5wd', zh: '受理审查时限', en: 'Acceptance decision',
    fromZh: '提交申请之日', fromEn: 'submission',
    startOn: ['submit'], stopOn: ['accept', 'decline', 'withdraw', 'acceptTransfer'],
    workingDays: 5, fast: 'half', pausedIn: waitingForApplicant, sameDayChannels,
  },
  handling: {
    id: 'handling.30wd', zh: '办理时限', en: 'Handling',
    fromZh: '受理之日', fromEn: 'acceptance',
    startOn: ['accept', 'acceptTransfer', 'reopen'], stopOn: ['conclude', 'withdraw'],
    workingDays: 30, fast: 'half', pausedIn: waitingForApplicant, sameDayChannels,
  },
  review: {
    id: 'review.5wd', zh: '审核时限', en: 'Review',
    fromZh: '提交审核之日', fromEn: 'submission for review',
    startOn: ['submitForReview'], stopOn: ['signOff', 'returnForRework', 'withdraw'],
    workingDays: 5, fast: 'same', pausedIn: ['suspended'],
  },
  referral_feedback: {
    id: 'referral_feedback.15wd', zh: '转办反馈期限', en: 'Referral feedback',
    fromZh: '转办之日', fromEn: 'referral',
    startOn: ['refer'], stopOn: ['recordReferralFeedback', 'withdraw'],
    workingDays: 15, fast: 'same', pausedIn: [],
  },
  follow_up: {
    id: 'follow_up.10wd', zh: '回访', en: 'Follow-up visit',
    fromZh: '办结之日', fromEn: 'conclusion',
    startOn: ['conclude'], stopOn: ['followUp', 'reopen', 'archive'],
    workingDays: 10, fast: 'same', pausedIn: [],
  },
};

/** The defaults with some fields of some rules replaced (e.g. from the institution's settings). */
export function deadlineRulesWith(
  overrides: Partial<Record<DeadlineKind, Partial<DeadlineRule>>>,
  base: DeadlineRules = defaultDeadlineRules,
): DeadlineRules {
  const out = { ...base };
  for (const [kind, o] of Object.entries(overrides) as [DeadlineKind, Partial<DeadlineRule>][]) {
    out[kind] = { ...base[kind], ...o };
    const n = out[kind].workingDays;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Deadline ${kind}: working days must be a whole number ≥ 1`);
  }
  return out;
}

/** The working days a rule allows on a track (0: due the day the clock starts). */
export function ruleWorkingDays(rule: DeadlineRule, track: 'fast' | 'standard', channel?: string): number {
  if (track === 'fast' && channel !== undefined && rule.sameDayChannels?.includes(channel)) return 0;
  if (track === 'standard' || rule.fast === 'same') return rule.workingDays;
  if (rule.fast === 'half') return Math.ceil(rule.workingDays / 2);
  return rule.fast;
}
