import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weightGap } from '@yuanzhi/domain';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let sup: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  sup = await t.login('hb_supervisor');
});
afterAll(() => t?.close());

describe('the demo assessment', () => {
  it('has the Hubei sheet for sub-centres and workstations and last year\'s ranked run', async () => {
    const sheets = (await sup.get('/api/assessments/sheets')).body.data;
    const hb = sheets.find((s: { name: string }) => s.name === '湖北省维权援助分中心、工作站考核指标打分表');
    expect(hb.items.length).toBeGreaterThanOrEqual(6);
    expect(hb.items.length).toBeLessThanOrEqual(8);
    expect(weightGap(hb.items.map((i: { weight: number }) => i.weight))).toBe(0);
    expect(hb.locked).toBe(true);
    const runs = (await sup.get(`/api/assessments/runs`)).body.data.filter((r: { sheetId: string }) => r.sheetId === hb.id);
    expect(runs).toHaveLength(1);
    const run = (await sup.get(`/api/assessments/runs/${runs[0].id}`)).body.data;
    expect(run.year).toBe(hb.year);
    // 2 sub-centres and 6 workstations below the provincial office.
    expect(run.rows).toHaveLength(8);
    const ranks = run.rows.map((r: { rank: number }) => r.rank);
    expect(ranks[0]).toBe(1);
    const totals = run.rows.map((r: { total: number }) => r.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    // The 光谷 workstation's hand scores add up as entered: 14 + 9.5 + 10.
    const gg = run.rows.find((r: { institutionName: string }) => r.institutionName === '东湖高新区光谷知识产权维权援助工作站');
    expect(gg.items.i6 + gg.items.i7 + gg.items.i8).toBe(33.5);
    expect(run.rows.find((r: { institutionName: string }) => r.institutionName === '湖北企业海外维权援助德国工作站').missing).toBe(1);
  });

  it('is out of reach of a city institution', async () => {
    const wh = await t.login('wh_reviewer');
    expect((await wh.get('/api/assessments/sheets')).body.data).toEqual([]);
  });
});
