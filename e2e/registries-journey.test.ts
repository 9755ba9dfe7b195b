import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@yuanzhi/domain';
import { launchBrowser, snap, watchErrors } from './support/browser.ts';
import { signIn, signInEnrolling, signOut } from './support/console.ts';
import { startServer } from './support/server.ts';
import { closeOverlay } from './support/antd.ts';

/**
 * Issue 5's registry journeys: an administrator imports a partner .xlsx with one bad row, fixes it and imports, and
 * opens the new partner; an intake clerk logs a volunteer's service hours and sees the totals grow.
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

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

async function workbook(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合作单位');
  ws.addRow(['单位名称', '单位类别', '统一社会信用代码', '协议签订日期', '协议有效期至', '合作内容', '联系人', '联系电话']);
  for (const r of rows) ws.addRow(r);
  const file = path.resolve('.tmp', `partners-${Date.now()}-${rows.length}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}


it('an administrator imports a partner .xlsx with one bad row, fixes it, imports and opens the partner', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = watchErrors(page);
  try {
    await signInEnrolling(page, server.url, 'hb_admin');
    await page.getByTestId('menu-partners').click();
    await page.getByTestId('partner-table').getByText('华中科技大学知识产权研究中心').waitFor();
    await snap(page, 'registries-01-partners');
    const good = ['江城知识产权服务中心', '知识产权服务机构', code('91420100MA4P0R1T2'), '2026-01-01', '2028-12-31', '咨询指导、技术鉴定', '钱经理', '13800138000'];
    const bad = ['汉阳律师事务所', '律师事务所', '91420100MA4P0R1T20', '2026-02-01', '2027-01-31', '法律服务', null, null];
    await page.getByTestId('partner-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(await workbook([good, bad]));
    await page.getByTestId('import-errors').waitFor();
    const listed = await page.getByTestId('import-errors').innerText();
    expect(listed).toContain('统一社会信用代码');
    expect(listed).toMatch(/^\s*3\s/m);
    await snap(page, 'registries-02-import-errors');
    expect(await server.deps.db.selectFrom('partners').select('id').where('name', '=', '江城知识产权服务中心').executeTakeFirst()).toBeUndefined();

    const fixed = [...bad];
    fixed[2] = code('91420100MA4P0R1T3');
    await page.locator('.ant-modal input[type=file]').setInputFiles(await workbook([good, fixed]));
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toContain('2');
    await snap(page, 'registries-03-import-done');
    await closeOverlay(page);

    await page.getByTestId('partner-search').locator('input').fill('江城');
    await page.getByTestId('partner-search').locator('input').press('Enter');
    await page.getByTestId('partner-table').getByText('江城知识产权服务中心').click();
    const detail = page.getByTestId('partner-detail');
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain('138****8000');
    expect(text).not.toContain('13800138000');
    expect(await page.getByTestId('partner-changes').innerText()).toContain('第 2 行');
    await snap(page, 'registries-04-partner-detail');
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-registries-import');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

it('a clerk logs a volunteer\'s service hours and sees the totals per volunteer and team', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  try {
    await signIn(page, server.url, 'wh_clerk');
    await page.getByTestId('menu-volunteers').click();
    await page.getByTestId('volunteer-table').getByText('黄子涵').click();
    const total = page.getByTestId('volunteer-total');
    await total.waitFor();
    expect(await total.innerText()).toContain('5.5');
    await page.getByTestId('hours-activity').fill('展会知识产权咨询台');
    await page.locator('[data-testid="hours-hours"] input, input[data-testid="hours-hours"]').first().fill('3.5');
    await page.getByTestId('hours-add').click();
    await expect.poll(() => total.innerText()).toContain('9');
    expect(await page.getByTestId('hours-log').innerText()).toContain('展会知识产权咨询台');
    await snap(page, 'registries-05-volunteer-hours');
    await closeOverlay(page);

    await page.getByRole('tab', { name: /服务时长统计/ }).click();
    const table = page.getByTestId('totals-table');
    await table.getByText('黄子涵').waitFor();
    expect(await table.locator('tr', { hasText: '黄子涵' }).innerText()).toContain('9');
    await page.getByTestId('totals-by').getByText('按队伍').click();
    await expect.poll(() => table.locator('tr', { hasText: '华中科技大学知识产权志愿服务队' }).innerText()).toContain('17');
    await snap(page, 'registries-06-hour-totals');
    await signOut(page);
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-registries-hours');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

it('a handler logs a contact with the key enterprise he looks after; a supervisor looks up German cases in the overseas library', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  try {
    await signIn(page, server.url, 'wh_handler');
    await page.getByTestId('menu-key-enterprises').click();
    await page.getByTestId('key-enterprise-table').getByText('武汉光谷激光股份有限公司').click();
    await page.getByTestId('enterprise-logs').getByText('出具海外参展知识产权风险提示').waitFor();
    await page.getByTestId('log-summary').fill('电话了解展品专利检索进展');
    await page.getByTestId('log-add').click();
    await page.getByTestId('enterprise-logs').getByText('电话了解展品专利检索进展').waitFor();
    expect(await page.getByTestId('key-enterprise-changes').innerText()).toContain('key_enterprise.log');
    await snap(page, 'registries-07-key-enterprise-log');
    await closeOverlay(page);
    await signOut(page);

    // The province keeps the overseas libraries; its supervisor reads them (a Wuhan handler sees only Wuhan's entries).
    await signIn(page, server.url, 'hb_supervisor');
    await page.getByTestId('menu-overseas').click();
    await page.getByRole('tab', { name: /海外案例/ }).click();
    const table = page.getByTestId('overseas-case-table');
    await table.getByText('跨境电商平台商标批量诉讼（TRO）案').waitFor();
    await page.getByTestId('overseas-case-filter-country').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="德国"]').click();
    await expect.poll(() => table.innerText()).not.toContain('跨境电商平台商标批量诉讼');
    expect(await table.innerText()).toContain('德国展会专利临时禁令案');
    expect(await page.getByTestId('overseas-case-add').count()).toBe(0);
    await snap(page, 'registries-08-overseas-cases');
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-registries-enterprise');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});
