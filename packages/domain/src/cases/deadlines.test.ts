import { afterEach, describe, expect, it } from 'vitest';
import { createWorkCalendar } from './calendar.ts';
import { calendarDataFromChineseDays, calendarFromChineseDays } from './chinese-days-calendar.ts';
import { deadlineRulesWith, defaultDeadlineRules } from './deadline-rules.ts';
import { computeDeadlines, dueSoon, overdue, type CaseHistory, type Deadline } from './deadlines.ts';

const cal = calendarFromChineseDays();
const rules = defaultDeadlineRules;
const one = (list: Deadline[], kind: Deadline['kind']) => {
  const d = list.find((x) => x.kind === kind);
  if (!d) throw new Error(`no ${kind} deadline`);
  return d;
};
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('computeDeadlines', () => {
  const submittedBeforeNationalDay: CaseHistory = {
    track: 'standard',
    events: [{ event: 'submit', at: '2025-09-26T10:00:00+08:00', to: 'submitted' }],
  };

  it('counts the acceptance decision over the 2025 National Day holiday and its make-up day', () => {
    const d = one(computeDeadlines(submittedBeforeNationalDay, rules, cal), 'acceptance');
    expect(d).toMatchObject({ due: '2025-10-10', startedOn: '2025-09-26', workingDays: 5, pausedWorkingDays: 0, status: 'running' });
    expect(d.rule).toEqual({ id: 'acceptance.5wd', zh: '受理审查时限', en: 'Acceptance decision' });
    expect(d.explanation.zh).toBe(
      '提交申请之日（2025年9月26日）起 5 个工作日，遇国庆节、中秋假期顺延，2025年9月28日为调休上班日，计入，截止 2025年10月10日',
    );
    expect(d.explanation.en).toContain('due 2025-10-10');
  });

  it('halves the limits on the fast track, rounding up', () => {
    const fast = computeDeadlines({ ...submittedBeforeNationalDay, track: 'fast' }, rules, cal);
    expect(one(fast, 'acceptance')).toMatchObject({ workingDays: 3, due: '2025-09-30' });
    expect(one(fast, 'acceptance').explanation.zh).toContain('（快速通道减半，普通 5 个工作日）');
    const accepted: CaseHistory = {
      track: 'fast',
      events: [...submittedBeforeNationalDay.events, { event: 'accept', at: '2025-09-26T15:00:00+08:00', to: 'accepted' }],
    };
    const list = computeDeadlines(accepted, rules, cal);
    expect(one(list, 'acceptance')).toMatchObject({ status: 'met', metOn: '2025-09-26', late: false });
    expect(one(list, 'handling')).toMatchObject({ workingDays: 15, due: '2025-10-23' });
    expect(one(computeDeadlines({ ...accepted, track: 'standard' }, rules, cal), 'handling').due).toBe('2025-11-13');
  });

  it('does not count the days waiting for material, even across a holiday', () => {
    const h: CaseHistory = {
      track: 'standard',
      events: [
        { event: 'submit', at: '2025-09-19T09:00:00+08:00', to: 'submitted' },
        { event: 'accept', at: '2025-09-22T09:00:00+08:00', to: 'accepted' },
        { event: 'assign', at: '2025-09-22T10:00:00+08:00', to: 'assigned' },
        { event: 'start', at: '2025-09-23T10:00:00+08:00', to: 'in_progress' },
        { event: 'requestSupplement', at: '2025-09-29T16:00:00+08:00', to: 'awaiting_supplement' },
        { event: 'supplement', at: '2025-10-10T11:00:00+08:00', to: 'in_progress' },
      ],
    };
    const d = one(computeDeadlines(h, rules, cal), 'handling');
    expect(d).toMatchObject({ due: '2025-11-12', pausedWorkingDays: 3, status: 'running' });
    expect(d.explanation.zh).toContain('期间等待补正暂停 3 个工作日');
    expect(d.explanation.zh).toContain('遇国庆节、中秋假期顺延');
    expect(d.explanation.en).toContain('paused 3 working days while waiting for supplementary material');
    // Without the pause the date would be three working days earlier.
    expect(cal.workingDaysBetween('2025-11-07', d.due)).toBe(3);
  });

  it('extends an ongoing suspension up to today when told the date', () => {
    const h: CaseHistory = {
      track: 'standard',
      events: [
        { event: 'accept', at: '2026-03-02', to: 'accepted' },
        { event: 'suspend', at: '2026-03-06', to: 'suspended' },
      ],
    };
    const without = one(computeDeadlines(h, rules, cal), 'handling');
    expect(without).toMatchObject({ status: 'paused', pausedWorkingDays: 0, due: cal.addWorkingDays('2026-03-02', 30) });
    const later = one(computeDeadlines(h, rules, cal, { asOf: '2026-03-13' }), 'handling');
    expect(later.pausedWorkingDays).toBe(5);
    expect(later.due).toBe(cal.addWorkingDays(without.due, 5));
    expect(later.explanation.zh).toContain('期间中止暂停 5 个工作日');
    expect(later.explanation.zh).toContain('目前暂停中');
  });

  it('moves a deadline when the calendar changes', () => {
    const h: CaseHistory = { track: 'fast', events: [{ event: 'accept', at: '2026-09-21T09:00:00+08:00', to: 'accepted' }] };
    const weekendsOnly = createWorkCalendar({});
    const before = one(computeDeadlines(h, rules, weekendsOnly), 'handling');
    expect(before).toMatchObject({ due: '2026-10-12', provisional: true });
    expect(before.explanation.zh).toContain('2026 年节假日安排尚未录入');
    const after = one(computeDeadlines(h, rules, cal), 'handling');
    expect(after).toMatchObject({ due: '2026-10-19', provisional: false });
  });

  it("takes next year's arrangement from data, without a code change", () => {
    const h: CaseHistory = { track: 'standard', events: [{ event: 'submitForReview', at: '2026-12-28T09:00:00+08:00', to: 'under_review' }] };
    const now = one(computeDeadlines(h, rules, cal), 'review');
    expect(now).toMatchObject({ due: '2027-01-04', provisional: true });
    const stored = JSON.parse(JSON.stringify({ ...calendarDataFromChineseDays([2026]), 2027: { holidays: ['2027-01-01'], workdays: [] } }));
    const next = one(computeDeadlines(h, rules, createWorkCalendar(stored)), 'review');
    expect(next).toMatchObject({ due: '2027-01-05', provisional: false });
  });

  it('restarts handling at the receiving institution, and follows up after conclusion', () => {
    const h: CaseHistory = {
      track: 'standard',
      events: [
        { event: 'accept', at: '2026-03-02', to: 'accepted' },
        { event: 'transfer', at: '2026-03-03', to: 'transferred' },
        { event: 'acceptTransfer', at: '2026-03-05', to: 'accepted' },
        { event: 'conclude', at: '2026-04-20', to: 'concluded' },
      ],
    };
    const list = computeDeadlines(h, rules, cal);
    expect(one(list, 'handling')).toMatchObject({ startedOn: '2026-03-05', status: 'met', metOn: '2026-04-20', late: true });
    expect(one(list, 'follow_up')).toMatchObject({ startedOn: '2026-04-20', due: '2026-05-07', status: 'running' });
  });

  it('takes overridden rules', () => {
    const custom = deadlineRulesWith({ acceptance: { workingDays: 7, id: 'acceptance.7wd' } });
    expect(custom.handling).toBe(rules.handling);
    const d = one(computeDeadlines({ track: 'standard', events: [{ event: 'submit', at: '2026-03-02' }] }, custom, cal), 'acceptance');
    expect(d).toMatchObject({ workingDays: 7, due: '2026-03-11', rule: { id: 'acceptance.7wd' } });
    expect(() => deadlineRulesWith({ review: { workingDays: 0 } })).toThrow(RangeError);
  });

  it('gives the same dates whatever the host time zone', () => {
    const h: CaseHistory = {
      track: 'standard',
      // 00:30 on 1 October in Beijing is still 30 September in UTC and in Los Angeles.
      events: [{ event: 'submit', at: new Date('2025-09-30T16:30:00Z'), to: 'submitted' }],
    };
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return one(computeDeadlines(h, rules, calendarFromChineseDays()), 'acceptance');
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ startedOn: '2025-10-01', due: '2025-10-14' });
  });
});

describe('overdue and due soon', () => {
  const d = one(computeDeadlines({ track: 'standard', events: [{ event: 'submit', at: '2026-03-02' }] }, rules, cal), 'acceptance');

  it('is overdue only after the due day, while still open', () => {
    expect(d.due).toBe('2026-03-09');
    expect(overdue(d, '2026-03-09')).toBe(false);
    expect(overdue(d, '2026-03-10')).toBe(true);
    expect(overdue({ ...d, status: 'met', metOn: '2026-03-11', late: true }, '2026-03-12')).toBe(false);
  });

  it('is due soon within n days (working days with a calendar)', () => {
    expect(dueSoon(d, '2026-03-06', 1)).toBe(false); // three calendar days
    expect(dueSoon(d, '2026-03-06', 1, cal)).toBe(true); // one working day
    expect(dueSoon(d, '2026-03-09', 0)).toBe(true);
    expect(dueSoon(d, '2026-03-10', 5)).toBe(false); // overdue instead
  });
});
