import { describe, expect, it } from 'vitest';
import { calendarFromChineseDays } from './chinese-days-calendar.ts';
import { defaultDeadlineRules, ruleWorkingDays } from './deadline-rules.ts';
import { computeDeadlines, overdue, type CaseHistory } from './deadlines.ts';

const cal = calendarFromChineseDays();
const rules = defaultDeadlineRules;

/** On-site complaints at an event (channel exhibition) on the fast track are due the day their clock starts. */
describe('same-day deadlines of on-site cases', () => {
  const cases: { name: string; track: 'fast' | 'standard'; channel?: string; submit: string; acceptance: { due: string; workingDays: number } }[] = [
    { name: 'exhibition, fast, a Tuesday', track: 'fast', channel: 'exhibition', submit: '2026-03-03T10:20:00+08:00', acceptance: { due: '2026-03-03', workingDays: 0 } },
    { name: 'exhibition, fast, a Saturday (fairs run at weekends)', track: 'fast', channel: 'exhibition', submit: '2026-03-07T15:00:00+08:00', acceptance: { due: '2026-03-07', workingDays: 0 } },
    { name: 'exhibition, fast, National Day holiday', track: 'fast', channel: 'exhibition', submit: '2025-10-02T09:00:00+08:00', acceptance: { due: '2025-10-02', workingDays: 0 } },
    { name: 'exhibition, fast, 23:30 UTC is the next CST day', track: 'fast', channel: 'exhibition', submit: '2026-03-03T16:30:00Z', acceptance: { due: '2026-03-04', workingDays: 0 } },
    { name: 'exhibition, standard track: the normal 5 working days', track: 'standard', channel: 'exhibition', submit: '2026-03-03T10:00:00+08:00', acceptance: { due: '2026-03-10', workingDays: 5 } },
    { name: 'walk-in, fast: half (3 working days)', track: 'fast', channel: 'walk_in', submit: '2026-03-03T10:00:00+08:00', acceptance: { due: '2026-03-06', workingDays: 3 } },
    { name: 'no channel given, fast: half', track: 'fast', submit: '2026-03-03T10:00:00+08:00', acceptance: { due: '2026-03-06', workingDays: 3 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h: CaseHistory = { track: c.track, ...(c.channel ? { channel: c.channel } : {}), events: [{ event: 'submit', at: c.submit, to: 'submitted' }] };
      const acceptance = computeDeadlines(h, rules, cal).find((d) => d.kind === 'acceptance');
      expect(acceptance).toMatchObject({ ...c.acceptance, status: 'running' });
    });
  }

  it('gives handling the same day too, while review and referral feedback keep their working days', () => {
    const h: CaseHistory = {
      track: 'fast', channel: 'exhibition',
      events: [
        { event: 'submit', at: '2026-03-07T10:00:00+08:00', to: 'submitted' },
        { event: 'accept', at: '2026-03-07T10:05:00+08:00', to: 'accepted' },
        { event: 'refer', at: '2026-03-07T11:00:00+08:00', to: 'referred' },
      ],
    };
    const list = computeDeadlines(h, rules, cal);
    expect(list.find((d) => d.kind === 'acceptance')).toMatchObject({ status: 'met', metOn: '2026-03-07', late: false });
    expect(list.find((d) => d.kind === 'handling')).toMatchObject({ due: '2026-03-07', workingDays: 0 });
    expect(list.find((d) => d.kind === 'referral_feedback')).toMatchObject({ workingDays: 15, due: '2026-03-27' });
  });

  it('explains the date and is overdue the next day', () => {
    const d = computeDeadlines({ track: 'fast', channel: 'exhibition', events: [{ event: 'submit', at: '2026-03-07T10:00:00+08:00' }] }, rules, cal)[0];
    expect(d.explanation.zh).toBe('提交申请之日（2026年3月7日）当日（展会现场快速处理，普通 5 个工作日），截止 2026年3月7日');
    expect(d.explanation.en).toBe('the same day as submission on 2026-03-07 (on-site fast track; standard 5 working days); due 2026-03-07');
    expect(overdue(d, '2026-03-07')).toBe(false);
    expect(overdue(d, '2026-03-08')).toBe(true);
  });

  it('is a property of the rule: a rule without same-day channels counts as before', () => {
    expect(ruleWorkingDays(rules.acceptance, 'fast', 'exhibition')).toBe(0);
    expect(ruleWorkingDays(rules.review, 'fast', 'exhibition')).toBe(5);
    expect(ruleWorkingDays({ ...rules.acceptance, sameDayChannels: [] }, 'fast', 'exhibition')).toBe(3);
  });
});
