import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/demo/network.ts';
import { pdf } from '../apps/server/src/platform/storage/storage.test-support.ts';
import { closeOverlay, pick } from './support/antd.ts';
import { launchBrowser, screenshotDir, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';
import { consoleSession } from './support/console.ts';

/**
 * 考核: the provincial supervisor builds a scoring sheet (weights checked to 100 as typed), runs it over the
 * province's sub-centres and workstations, scores the hand-scored item for one workstation with evidence and a
 * file, sees the ranking move, and exports the ranked table.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const GG = '东湖高新区光谷知识产权维权援助工作站';

const session = (username: string) => consoleSession(browser, server.url, username, DEMO_PASSWORD);

const input = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:is(input,textarea), [data-testid="${id}"] :is(input,textarea)`).first();

it('a supervisor builds a sheet, runs it, scores a hand item, sees the ranking and exports it', async () => {
  const { ctx, page, errors } = await session('hb_supervisor');
  try {
    // The 考核 tab lists the demo sheet and last year's run.
    await page.goto(`${server.url}/console/stats/assessments`);
    await page.getByTestId('assessment-sheets').getByText('湖北省维权援助分中心、工作站考核指标打分表').waitFor();
    await snap(page, 'assessment-01-list');

    // 1. A new sheet: one computed item, then a hand-scored one; the weight total is checked as typed.
    await page.getByTestId('sheet-new').click();
    await page.getByTestId('sheet-editor').waitFor();
    await input(page, 'sheet-name').fill('工作站考核打分表（试行）');
    await input(page, 'item-0-title').fill('受理维权援助案件数');
    await input(page, 'item-0-weight').fill('60');
    await pick(page, 'item-0-indicator', '受理援助案件（件）');
    await input(page, 'item-0-floor').fill('0');
    await input(page, 'item-0-target').fill('30');
    await expect.poll(() => page.getByTestId('weight-sum').innerText()).toContain('差 40');
    await snap(page, 'assessment-02a-weights-off');
    await page.getByTestId('item-add').click();
    await input(page, 'item-1-title').fill('工作机制与宣传培训');
    await input(page, 'item-1-weight').fill('40');
    await input(page, 'item-1-guidance').fill('查阅工作台账、宣传培训材料。');
    await expect.poll(() => page.getByTestId('weight-sum').innerText()).toContain('权重合计 100 分');
    await snap(page, 'assessment-02-sheet-editor');
    await page.getByTestId('sheet-save').click();
    await page.getByTestId('run-starter').waitFor({ timeout: 20_000 });

    // 2. Run it over the sub-centres and workstations (the default types): computed at once, ranked.
    await page.getByTestId('run-start').click();
    await page.getByTestId('run-table').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('run-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(8);
    await snap(page, 'assessment-03-ranking');

    // 3. Score the hand item for 光谷 with evidence and a file; every computed score shows its figure and rule.
    await page.getByTestId('run-table').getByText(GG).click();
    await page.getByTestId('run-breakdown').getByTestId('trace-i1').waitFor();
    expect(await page.getByTestId('trace-i1').innerText()).toContain('达到 30 得满分 60 分');
    await page.getByTestId('score-i2').click();
    await input(page, 'score-value').fill('36.5');
    await input(page, 'score-evidence').fill('工作台账完整，园区走访32家企业，开展专利保护培训3场。');
    await page.locator('[data-testid="score-form"] input[type=file]').setInputFiles({ name: '工作台账.pdf', mimeType: 'application/pdf', buffer: pdf() });
    await page.locator('.ant-upload-list-item-done').waitFor({ timeout: 15_000 });
    await snap(page, 'assessment-04-manual-score');
    await page.getByTestId('score-save').click();
    await expect.poll(() => page.getByTestId('trace-i2').innerText(), { timeout: 15_000 }).toContain('园区走访32家企业');
    expect(await page.getByTestId('trace-i2').innerText()).toContain('工作台账.pdf');
    await snap(page, 'assessment-05-breakdown');
    // The figure's records: the cases behind 光谷's accepted count.
    await page.getByTestId('records-i1').click();
    await page.getByTestId('stats-records').locator('tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
    await snap(page, 'assessment-06-records');
    for (let n = 0; n < 3 && (await page.locator('.ant-drawer-open').count()) > 0; n++) await closeOverlay(page);

    // 4. The ranking now includes the hand score; export it.
    const ggRow = rows.filter({ hasText: GG });
    await expect.poll(() => ggRow.innerText()).toContain('36.5');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
    const file = path.join(screenshotDir, 'assessment-export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('考核结果')!;
    expect(ws.getRow(2).values).toEqual([undefined, '排名 Rank', '机构 Institution', '受理维权援助案件数（60分）', '工作机制与宣传培训（40分）', '总分 Total']);
    expect(ws.rowCount).toBe(10);
    const gg = [3, 4, 5, 6, 7, 8, 9, 10].map((n) => ws.getRow(n).values as unknown[]).find((v) => v[2] === GG)!;
    expect(gg[4]).toBe(36.5);
    expect(gg[5]).toBe(Math.round(((gg[3] as number) + 36.5) * 10) / 10);
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
  }
}, 180_000);

it('the assessed workstation\'s parent sees its own place and scores, not the ranking of the others', async () => {
  const { ctx, page, errors } = await session('wh_reviewer');
  try {
    await page.goto(`${server.url}/console/stats/assessments`);
    const own = page.getByTestId('assessment-own');
    await own.waitFor();
    // the run above scored 光谷 (under 武汉); its row shows the total and the place among all assessed
    const row = own.locator('tr', { hasText: '工作站考核打分表（试行）' }).filter({ hasText: GG });
    await expect.poll(() => row.innerText()).toMatch(/第 \d+ 名 \/ 共 8 家/);
    await snap(page, 'assessment-05-own');
    await row.getByRole('button').click();
    const drawer = page.getByTestId('run-breakdown');
    await expect.poll(() => drawer.innerText()).toContain('36.5');
    expect(await drawer.locator('[data-testid^="score-"]').count()).toBe(0);
    // the ranked table of the run stays the supervisor's
    await expect.poll(() => page.getByTestId('assessment-runs').innerText()).not.toContain('工作站考核打分表（试行）');
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
  }
}, 120_000);
