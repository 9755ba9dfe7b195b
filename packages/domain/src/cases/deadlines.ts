import { uncoveredYears, type WorkCalendar } from './calendar.ts';
import { addDays, dayNumber, formatCstDateZh, toCstDate, type CstDate } from './cst-date.ts';
import { defaultDeadlineRules, ruleWorkingDays, type DeadlineRule, type DeadlineRules } from './deadline-rules.ts';
import type { DeadlineKind } from './effects.ts';
import type { Track } from './snapshot.ts';
import type { CaseState } from './states.ts';

/** One recorded case event, oldest first: a transition (`to` is the state after it) or another event such as 'followUp'. */
export interface CaseHistoryEvent {
  readonly event: string;
  /** An instant (Date, epoch ms, ISO with offset) or a CST day `YYYY-MM-DD`. */
  readonly at: Date | number | string;
  readonly to?: CaseState;
}

export interface CaseHistory {
  readonly track: Track;
  /** How the case came in (contracts `caseChannels`); some rules treat on-site channels differently. */
  readonly channel?: string;
  readonly events: readonly CaseHistoryEvent[];
}

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly due: CstDate;
  readonly startedOn: CstDate;
  readonly workingDays: number;
  readonly pausedWorkingDays: number;
  readonly rule: { readonly id: string; readonly zh: string; readonly en: string };
  readonly explanation: { readonly zh: string; readonly en: string };
  /** 'paused': the case waits now; `due` assumes it resumes on `asOf` (or, without one, today's pause is not counted yet). */
  readonly status: 'running' | 'paused' | 'met';
  readonly metOn: CstDate | null;
  /** Met, but after the due date. */
  readonly late: boolean;
  /** The count runs into a year whose holiday arrangement is not yet in the calendar. */
  readonly provisional: boolean;
}

const pauseLabels: Partial<Record<CaseState, { zh: string; en: string }>> = {
  awaiting_supplement: { zh: '等待补正', en: 'waiting for supplementary material' },
  suspended: { zh: '中止', en: 'suspended' },
};

interface Pause { from: CstDate; to: CstDate | null; state: CaseState }

/**
 * Every deadline a case has had, computed from its history (never typed in). `asOf` (today, from
 * the server's clock) extends a pause that is still going on; nothing here reads the clock.
 */
export function computeDeadlines(
  history: CaseHistory,
  rules: DeadlineRules = defaultDeadlineRules,
  calendar: WorkCalendar,
  options: { asOf?: CstDate } = {},
): Deadline[] {
  const events = history.events.map((e) => ({ ...e, day: toCstDate(e.at) }));
  const out: Deadline[] = [];
  for (const [kind, rule] of Object.entries(rules) as [DeadlineKind, DeadlineRule][]) {
    const start = events.findLastIndex((e) => rule.startOn.includes(e.event));
    if (start < 0) continue;
    const stopAt = events.findIndex((e, i) => i > start && rule.stopOn.includes(e.event));
    const end = stopAt < 0 ? events.length : stopAt;
    const pauses: Pause[] = [];
    let state = events[start].to;
    for (let i = start + 1; i < end; i++) {
      const e = events[i];
      if (e.to === undefined || e.to === state) continue;
      const open = pauses.at(-1);
      if (open && open.to === null) open.to = e.day;
      if (rule.pausedIn.includes(e.to)) pauses.push({ from: e.day, to: null, state: e.to });
      state = e.to;
    }
    const open = pauses.find((p) => p.to === null);
    const asOf = options.asOf;
    if (open) open.to = asOf && asOf > open.from ? asOf : open.from;
    out.push(
      countDeadline(kind, rule, history.track, history.channel, events[start].day, pauses, calendar, {
        metOn: stopAt < 0 ? null : events[stopAt].day,
        paused: open !== undefined,
      }),
    );
  }
  return out;
}

function countDeadline(
  kind: DeadlineKind, rule: DeadlineRule, track: Track, channel: string | undefined, startedOn: CstDate, pauses: Pause[], calendar: WorkCalendar,
  state: { metOn: CstDate | null; paused: boolean },
): Deadline {
  const n = ruleWorkingDays(rule, track, channel);
  const pausedOn = (d: CstDate) => pauses.find((p) => d > p.from && d <= p.to!);
  let d = startedOn;
  let pausedDays = 0;
  const pauseStates = new Set<CaseState>();
  const holidays = new Map<string, string>();
  const makeUp: CstDate[] = [];
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    if (calendar.isHoliday(d)) {
      const name = calendar.holidayName(d);
      holidays.set(name?.zh ?? '法定节假日', name?.en ?? 'public holiday');
    }
    if (!calendar.isWorkingDay(d)) continue;
    const p = pausedOn(d);
    if (p) {
      pausedDays++;
      pauseStates.add(p.state);
      continue;
    }
    if (calendar.isMakeUpWorkday(d)) makeUp.push(d);
    counted++;
  }
  const due = d;
  const provisional = uncoveredYears(calendar, startedOn, due);
  const zh: string[] = [`${rule.fromZh}（${formatCstDateZh(startedOn)}）起 ${n} 个工作日`];
  const en: string[] = [`${n} working days from ${rule.fromEn} on ${startedOn}`];
  if (n === 0) {
    zh[0] = `${rule.fromZh}（${formatCstDateZh(startedOn)}）当日（展会现场快速处理，普通 ${rule.workingDays} 个工作日）`;
    en[0] = `the same day as ${rule.fromEn} on ${startedOn} (on-site fast track; standard ${rule.workingDays} working days)`;
  } else if (n !== rule.workingDays) {
    zh[0] += `（快速通道${rule.fast === 'half' ? '减半' : ''}，普通 ${rule.workingDays} 个工作日）`;
    en[0] += ` (fast track${rule.fast === 'half' ? ', half' : ''} of ${rule.workingDays})`;
  }
  if (pausedDays > 0) {
    const labels = [...pauseStates].map((s) => pauseLabels[s] ?? { zh: s, en: s });
    zh.push(`期间${labels.map((l) => l.zh).join('、')}暂停 ${pausedDays} 个工作日`);
    en.push(`paused ${pausedDays} working days while ${labels.map((l) => l.en).join(' or ')}`);
  }
  if (holidays.size > 0) {
    zh.push(`遇${[...holidays.keys()].join('、')}假期顺延`);
    en.push(`moved back by the ${[...holidays.values()].join(' and ')} holiday`);
  }
  if (makeUp.length > 0) {
    zh.push(`${makeUp.map(formatCstDateZh).join('、')}为调休上班日，计入`);
    en.push(`make-up working day${makeUp.length > 1 ? 's' : ''} ${makeUp.join(', ')} counted`);
  }
  if (state.paused && !state.metOn) {
    zh.push('目前暂停中，恢复后顺延');
    en.push('paused now; the date moves when work resumes');
  }
  zh.push(`截止 ${formatCstDateZh(due)}`);
  en.push(`due ${due}`);
  if (provisional.length > 0) {
    zh.push(`（${provisional.join('、')} 年节假日安排尚未录入，暂按周末计算）`);
    en.push(`(the ${provisional.join(', ')} holiday arrangement is not in the calendar yet; only weekends counted)`);
  }
  return {
    kind, due, startedOn, workingDays: n, pausedWorkingDays: pausedDays,
    rule: { id: rule.id, zh: rule.zh, en: rule.en },
    explanation: { zh: zh.join('，').replace('，（', '（'), en: en.join('; ').replace('; (', ' (') },
    status: state.metOn ? 'met' : state.paused ? 'paused' : 'running',
    metOn: state.metOn,
    late: state.metOn !== null && state.metOn > due,
    provisional: provisional.length > 0,
  };
}

/** Still open and past its due date on `today` (the due day itself is in time). */
export function overdue(deadline: Deadline, today: CstDate): boolean {
  return deadline.status !== 'met' && dayNumber(today) > dayNumber(deadline.due);
}

/** Open, not overdue, and due within `n` days of `today` — working days when a calendar is given. */
export function dueSoon(deadline: Deadline, today: CstDate, n: number, calendar?: WorkCalendar): boolean {
  if (deadline.status === 'met' || overdue(deadline, today)) return false;
  const left = calendar ? calendar.workingDaysBetween(today, deadline.due) : dayNumber(deadline.due) - dayNumber(today);
  return left <= n;
}
