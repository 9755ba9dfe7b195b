import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/demo/network.ts';
import { launchBrowser, screenshotDir, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';
import { consoleSession } from './support/console.ts';
import { closeOverlay } from './support/antd.ts';

/**
 * Statistical returns and the yearly report: 武汉市中心 files its quarterly return, the province sends it
 * back with a comment, it is corrected and accepted; the supervisor looks at the dashboard and generates
 * the yearly progress report.
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

const WH = '武汉市知识产权维权援助中心';
/** An antd input by test id, whether the id sits on the input itself or on its wrapper. */
const field = (id: string) => `[data-testid="${id}"]:is(input,textarea), [data-testid="${id}"] :is(input,textarea)`;
const now = new Date(Date.now() + 8 * 3_600_000);
const q = Math.floor(now.getUTCMonth() / 3);
const PERIOD = q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;

const session = (username: string) => consoleSession(browser, server.url, username, DEMO_PASSWORD);

async function openReturn(page: Page) {
  await page.goto(`${server.url}/console/stats/returns?period=${PERIOD}`);
  await page.getByTestId(`open-return-${WH}`).click();
  await page.getByTestId('return-editor').waitFor();
}

it('a city files its quarterly return, the province sends it back, it is corrected and accepted; the yearly report', async () => {
  const filer = await session('wh_reviewer');
  const sup = await session('hb_supervisor');
  try {
    // 1. The city fills in what the platform cannot know and submits.
    await openReturn(filer.page);
    await filer.page.locator(field('return-funds')).fill('12.5');
    await filer.page.getByTestId('return-narrative').fill('本季度在光谷开展专利纠纷快速维权试点，受理量稳步上升。');
    await filer.page.getByTestId('practice-add').click();
    await filer.page.getByTestId('practice-title-0').fill('展会现场快速维权');
    await filer.page.getByTestId('practice-text-0').fill('在光博会设立服务站，现场受理、当日出具维权指导意见。');
    await snap(filer.page, 'stats-01-return-filled');
    await filer.page.getByTestId('return-submit').click();
    await expect.poll(() => filer.page.getByTestId('return-status').innerText(), { timeout: 20_000 }).toBe('待审核');

    // 2. The province sends it back with a comment.
    await openReturn(sup.page);
    await sup.page.getByTestId('review-comment').fill('经费支出与财务报表不一致，请核实后重新报送。');
    await snap(sup.page, 'stats-02-return-review');
    await sup.page.getByTestId('review-return').click();
    await expect.poll(() => sup.page.getByTestId('return-status').innerText(), { timeout: 20_000 }).toBe('已退回');

    // 3. The city sees the comment, corrects the funds, submits again.
    await openReturn(filer.page);
    await filer.page.getByTestId('return-comment').waitFor();
    await filer.page.locator(field('return-funds')).fill('10.8');
    await snap(filer.page, 'stats-03-return-corrected');
    await filer.page.getByTestId('return-submit').click();
    await expect.poll(() => filer.page.getByTestId('return-status').innerText(), { timeout: 20_000 }).toBe('待审核');

    // 4. The province accepts: locked.
    await openReturn(sup.page);
    await sup.page.getByTestId('review-accept').click();
    await expect.poll(() => sup.page.getByTestId('return-status').innerText(), { timeout: 20_000 }).toBe('已通过');
    await sup.page.keyboard.press('Escape');
    await sup.page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    await sup.page.getByTestId('returns-board').getByText('已通过').waitFor();
    await snap(sup.page, 'stats-04-returns-board');
    await openReturn(filer.page);
    expect(await filer.page.getByTestId('return-submit').count()).toBe(0);

    // 5. The dashboard, then the yearly report.
    await sup.page.goto(`${server.url}/console/stats`);
    await sup.page.getByTestId('card-cases.accepted').waitFor();
    await sup.page.getByTestId('chart-compare').locator('canvas').first().waitFor();
    await sup.page.waitForTimeout(500);
    await snap(sup.page, 'stats-05-dashboard');
    // the province tile map: a click on 湖北's tile (column 3, row 4 of 7 × 8) filters the dashboard to the province
    const tiles = sup.page.getByTestId('chart-province').locator('canvas').last(); // the top layer takes the pointer
    const box = (await tiles.boundingBox())!;
    await tiles.click({ position: { x: 4 + 3.5 * ((box.width - 8) / 7), y: 4 + 4.5 * ((box.height - 40) / 8) } });
    await sup.page.getByTestId('chart-province').getByRole('button', { name: /全部/ }).waitFor();
    await sup.page.getByTestId('chart-province').scrollIntoViewIfNeeded();
    await snap(sup.page, 'stats-05b-province-tiles');
    await sup.page.getByTestId('chart-province').getByRole('button', { name: /全部/ }).click();
    await sup.page.getByTestId('records-cases.concluded').click();
    await sup.page.getByTestId('stats-records').locator('tbody tr').first().waitFor();
    await snap(sup.page, 'stats-06-records');
    await closeOverlay(sup.page);

    await sup.page.goto(`${server.url}/console/stats/returns?period=${PERIOD}`);
    await sup.page.locator(field('report-year')).fill(String(now.getUTCFullYear()));
    const [download] = await Promise.all([sup.page.waitForEvent('download'), sup.page.getByTestId('report-docx').click()]);
    const file = path.join(screenshotDir, 'stats-report.docx');
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    expect(xml).toContain('知识产权维权援助工作进展报告');
    expect(xml).toContain('展会现场快速维权');
    expect(filer.errors.concat(sup.errors)).toEqual([]);
  } catch (e) {
    await snap(filer.page, 'failure-stats-filer');
    await snap(sup.page, 'failure-stats-supervisor');
    throw new Error(`${(e as Error).message}\n${filer.errors.concat(sup.errors).join('\n')}`);
  } finally {
    await filer.ctx.close();
    await sup.ctx.close();
  }
}, 300_000);
