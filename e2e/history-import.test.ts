import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pick } from './support/antd.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { signInEnrolling } from './support/console.ts';
import { startServer } from './support/server.ts';

/**
 * Issue 7 item 6: the provincial centre (on the platform since the spring of 2024 in the demo) loads its 2023 cases from
 * a file with one bad row, fixes it, imports; the dashboard's 2024 figure for the same period last year changes, and
 * goes back when the import is undone.
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

const signIn = (page: Page, username: string) =>
  signInEnrolling(page, server.url, username, 'Hubei#Assist2026', async (u) => {
    const row = await server.deps.db.selectFrom('users').select('totp_secret_enc').where('username', '=', u).executeTakeFirstOrThrow();
    return server.deps.secrets.decrypt(row.totp_secret_enc!);
  });

const HEADER = ['记录类型', '日期', '受理途径', '知识产权类型', '申请人类型', '服务类型', '涉外', '中小微企业', '参加人次', '分析用途'];
async function workbook(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历史数据');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const file = path.resolve('.tmp', `history-${rows.length}-${Date.now()}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** The dashboard's "same period last year" figure of cases accepted, for 2024. */
async function lastYearAccepted(page: Page): Promise<number> {
  await page.goto(`${server.url}/console/stats`);
  await page.getByTestId('card-cases.accepted').waitFor();
  // the cards keep last period's figures until the new summary arrives: wait for 2024's answer, then its drawing
  const answered = page.waitForResponse((r) => r.url().includes('/api/stats/summary') && r.url().includes('period=2024'), { timeout: 60_000 });
  await pick(page, 'period-year', '2024');
  await answered;
  await expect.poll(() => page.getByTestId('chart-compare').innerText(), { timeout: 20_000 }).toContain('2024');
  await page.waitForTimeout(500);
  const text = await page.getByTestId('card-cases.accepted').innerText();
  const m = /上年同期\s*([\d,]+)/.exec(text);
  if (!m) throw new Error(`no last-year figure in: ${text}`);
  return Number(m[1]!.replace(/,/g, ''));
}

it('an institution loads its past year with one bad row, fixes it, imports; the dashboard compares with it', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 500 && errors.push(`http ${r.status()} ${r.url()}`));
  try {
    await signIn(page, 'hb_admin');
    const before = await lastYearAccepted(page);
    const rowsBefore = await historyRows();

    await page.goto(`${server.url}/console/stats/history`);
    await page.getByTestId('history-card').waitFor();
    expect(await page.getByTestId('history-go-live').innerText()).toContain('2024-04-01');
    await snap(page, 'history-01-page');
    const rows = [
      ['援助案件', '2023-03-15', '现场来访', '专利', '法人', '咨询指导', '否', '是', null, null],
      ['援助案件', '2023-06-20', '线上平台', '商标', '自然人', '纠纷调解', '否', '否', null, null],
      ['援助案件', '2023-11-02', '热线电话', '版权', '法人', '咨询指导', '是', '否', null, null],
      ['培训研讨', '2023-04-26', null, null, null, null, null, null, 150, null],
    ];
    const bad = await workbook([...rows, ['援助案件', '2024-05-08', '现场来访', '专利', '法人', null, null, null, null, null]]);
    await page.getByTestId('history-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-errors').waitFor();
    const errText = await page.getByTestId('import-errors').innerText();
    expect(errText).toContain('上线日期');
    expect(errText).toMatch(/\b6\b/);
    await snap(page, 'history-02-bad-row');
    expect(await historyRows()).toBe(rowsBefore);

    await page.locator('.ant-modal input[type=file]').setInputFiles(await workbook(rows));
    await page.getByTestId('import-done').waitFor();
    await snap(page, 'history-03-imported');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.getByTestId('history-imports').getByText('援助案件 3').waitFor();
    await snap(page, 'history-04-past-imports');

    const after = await lastYearAccepted(page);
    expect(after).toBe(before + 3);
    expect(await historyRows()).toBe(rowsBefore + 4);
    await snap(page, 'history-05-dashboard');

    // Undo the batch: the figure goes back.
    await page.goto(`${server.url}/console/stats/history`);
    await page.getByTestId('history-imports').getByText('援助案件 3').waitFor();
    await page.getByTestId('history-imports').locator('tbody tr').first().getByText('撤销导入').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('history-imports').locator('tbody tr').first().getByText('已撤销').waitFor();
    await snap(page, 'history-06-undone');
    expect(await historyRows()).toBe(rowsBefore);
    expect(await lastYearAccepted(page)).toBe(before);
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-history');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }

  async function historyRows(): Promise<number> {
    return (await server.deps.db.selectFrom('history_records').select('id').execute()).length;
  }
}, 300_000);
