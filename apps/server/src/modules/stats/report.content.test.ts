import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from './report.content.ts';

const input: ReportInput = {
  year: 2026, scopeName: '全国', national: true,
  figures: {
    'cases.accepted': { value: 71234, previous: 47150 },
    'cases.concluded': { value: 11179, previous: 11179 },
    'network.institutions': { value: 2000, previous: 1300 },
    'cases.satisfaction_rate': { value: 43.8, previous: 28.2 },
  },
  months: [{ label: '1月', value: 3, previous: 1 }],
  regions: Array.from({ length: 18 }, (_, i) => ({ name: `省${i}`, value: i < 9 ? 600 : 100 })),
  practices: [{ institution: '武汉市知识产权维权援助中心', title: '展会快速维权', text: '设立服务站。' }],
  regionUnits: 32, threshold: 500,
};

describe('the yearly progress report text', () => {
  const r = buildReport(input);
  const text = r.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n');

  it('states each figure as the reports do', () => {
    expect(r.title).toBe('2026年全国知识产权维权援助工作进展报告');
    expect(text).toContain('全年受理维权援助案件7.1万件，同比增长51.1%'); // 71234/47150 − 1 = 51.08%
    expect(text).toContain('办结案件1.1万件，同比持平');
    expect(text).toContain('申请人满意率为43.8%，较去年增长15.6个百分点');
    // 9 of 32 provincial units = 28.125% → 28.1%
    expect(text).toContain('其中9个省（自治区、直辖市）受理案件500件以上，占28.1%');
  });

  it('carries the comparison charts and the notable practices', () => {
    expect(r.sections.filter((s) => s.figure).map((s) => s.figure!.caption)).toEqual([
      '图1 2025年、2026年全国维权援助机构与工作人员对比',
      '图2 2025年、2026年全国维权援助案件情况对比',
      '图3 2025年、2026年全国受理维权援助案件月度趋势',
    ]);
    expect(text).toContain('武汉市知识产权维权援助中心：展会快速维权。设立服务站。');
  });

  it('says so when a figure has no data, never prints NaN', () => {
    const empty = buildReport({ ...input, figures: {}, regions: [], practices: [] });
    const t2 = empty.sections.flatMap((s) => s.paragraphs).join('\n');
    expect(t2).not.toMatch(/NaN|undefined|null/);
    expect(t2).toContain('暂无');
  });
});
