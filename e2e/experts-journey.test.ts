import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, snap, watchErrors } from './support/browser.ts';
import { signInEnrolling } from './support/console.ts';
import { closeOverlay, pick } from './support/antd.ts';
import { startServer } from './support/server.ts';

/**
 * Issue 5's journeys: an administrator imports an expert .xlsx with one bad row, fixes it and imports; a handler
 * ranks experts for a case, sees one recused for a conflict with the reason, invites one, who accepts in the console.
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

const PASSWORD = 'Hubei#Assist2026';

/** The admin enrols in the first journey and is asked for a code in the later ones. */
const signIn = (page: Page, username: string) =>
  signInEnrolling(page, server.url, username, PASSWORD, async (u) => {
    const row = await server.deps.db.selectFrom('users').select('totp_secret_enc').where('username', '=', u).executeTakeFirstOrThrow();
    return server.deps.secrets.decrypt(row.totp_secret_enc!);
  });

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor();
}

async function workbook(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专家');
  ws.addRow(['姓名', '工作单位', '身份证号码', '专家类别', '知识产权类型', '服务类型', '证书有效期至', '资格证书', '申报利害关系']);
  for (const r of rows) ws.addRow(r);
  const file = path.resolve('.tmp', `experts-${rows.length}-${Date.now()}.xlsx`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}


it('an administrator imports an expert .xlsx with one bad row, fixes it and imports', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = watchErrors(page);
  try {
    await signIn(page, 'hb_admin');
    await page.getByTestId('menu-experts').click();
    await page.getByTestId('expert-table').waitFor();
    await snap(page, 'experts-01-list');
    const good = ['楚材专家', '湖北工业大学', '420106198001011233'.slice(0, 17) + 'X', '技术专家', '专利', '侵权判定', '2028-06-30', '专家聘书', '委托人/客户:武汉某精密机械有限公司'];
    const badFile = await workbook([['汉江律师', '湖北汉江律师事务所', null, '律师', '商标', '纠纷调解', '明年', '律师执业证', null], good.map((x, i) => (i === 2 ? null : x))]);
    await page.getByTestId('expert-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(badFile);
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').innerText()).toContain('证书有效期');
    await snap(page, 'experts-02-import-errors');
    expect(await server.deps.db.selectFrom('experts').select('id').where('name', '=', '楚材专家').executeTakeFirst()).toBeUndefined();
    const fixedFile = await workbook([['汉江律师', '湖北汉江律师事务所', null, '律师', '商标', '纠纷调解', '2028-06-30', '律师执业证', null], good.map((x, i) => (i === 2 ? null : x))]);
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixedFile);
    await page.getByTestId('import-done').waitFor();
    await snap(page, 'experts-03-import-done');
    await closeOverlay(page);
    await page.getByTestId('expert-search').locator('input').fill('楚材专家');
    await page.getByTestId('expert-search').locator('input').press('Enter');
    await page.getByText('湖北工业大学').first().click();
    await page.getByTestId('expert-detail').waitFor();
    await snap(page, 'experts-04-detail');
    expect(await page.getByTestId('expert-detail').innerText()).toContain('武汉某精密机械有限公司');
  } catch (e) {
    await snap(page, 'failure-experts-import');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

it('a handler ranks experts for a case, sees a recusal with its reason, invites one, who accepts', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = watchErrors(page);
  try {
    const c = await server.deps.db.selectFrom('cases').select('id').where('summary', '=', '网店使用我司商标作为搜索关键词').executeTakeFirstOrThrow();
    await signIn(page, 'wh_handler');
    await page.goto(`${server.url}/console/cases/${c.id}`);
    await page.getByTestId('match-experts').click();
    await page.getByTestId('ranked').waitFor();
    await page.getByTestId('excluded-toggle').click();
    const excluded = await page.getByTestId('excluded').innerText();
    expect(excluded).toMatch(/马律师：任职于申请人“武汉长江食品有限公司”/);
    expect(excluded).toMatch(/黄律师：申报的利害关系（委托人\/客户）涉及申请人/);
    await page.getByTestId('case-experts').scrollIntoViewIfNeeded();
    await snap(page, 'experts-05-ranking-with-recusals');
    await page.getByTestId('invite-吴教授').click();
    await page.getByTestId('inv-pending').waitFor();
    await signOut(page);

    await signIn(page, 'expert_wu');
    await page.getByTestId('menu-invitations').click();
    await page.getByTestId('accept').waitFor();
    await snap(page, 'experts-06-expert-invitation');
    await page.getByTestId('accept').click();
    await page.getByRole('link', { name: /WH-/ }).first().waitFor();
    const status = await page.evaluate(async (id) => (await fetch(`/api/cases/${id}`)).status, c.id);
    expect(status).toBe(200);
    await signOut(page);

    await signIn(page, 'wh_handler');
    await page.goto(`${server.url}/console/cases/${c.id}`);
    await page.getByTestId('inv-accepted').waitFor();
    await page.getByTestId('case-experts').scrollIntoViewIfNeeded();
    await snap(page, 'experts-07-accepted');
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-experts-match');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

it('an administrator adds one expert by the form: the wrong fields are named as typed, then it is in the list', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1280 } });
  const errors = watchErrors(page);
  try {
    await signIn(page, 'hb_admin');
    await page.getByTestId('menu-experts').click();
    await page.getByTestId('expert-table').waitFor();
    await page.getByTestId('expert-new').click();
    await page.getByTestId('new-expert-save').click();
    const form = page.getByTestId('new-expert-form');
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(expect.arrayContaining(['请填写姓名', '至少选择一个专家类别']));
    await page.getByTestId('new-expert-name').fill('黄鹤楼专家');
    await page.getByTestId('new-expert-employer').fill('武汉理工大学');
    await pick(page, 'new-expert-kinds', '技术专家');
    await page.keyboard.press('Escape');
    const regions = page.getByTestId('new-expert-regions');
    await regions.locator('input').fill('4201');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('地区用 6 位行政区划代码，如 420100');
    await regions.locator('.ant-select-selection-item-remove').first().click();
    await expect.poll(() => regions.locator('.ant-select-selection-item').count(), { timeout: 10_000 }).toBe(0);
    await regions.locator('input').fill('420100');
    await page.keyboard.press('Enter');
    // a declared interest (matching leaves the expert out of cases naming it) and a qualification with its expiry
    await page.getByTestId('new-expert-add-interest').click();
    await pick(page, 'new-expert-interest-kind', '委托人/客户');
    await page.getByTestId('new-expert-interest-name').fill('武汉光谷某光电有限公司');
    await page.getByTestId('new-expert-add-qualification').click();
    await page.getByTestId('new-expert-qualification-name').fill('专利代理师资格证');
    await page.getByTestId('new-expert-qualification-expires').fill('2028-06-30');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('new-expert-qualification-expires').inputValue()).toBe('2028-06-30');
    // every field right before saving: the choices took, no message left
    await expect.poll(() => regions.innerText(), { timeout: 10_000 }).toContain('420100');
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts(), { timeout: 10_000 }).toEqual([]);
    await page.getByRole('dialog').screenshot({ path: path.join(screenshotDir, 'experts-05-new.png') });
    await page.getByTestId('new-expert-save').click();
    await page.getByTestId('new-expert-form').waitFor({ state: 'detached' });
    await page.getByTestId('expert-search').locator('input').fill('黄鹤楼专家');
    await page.keyboard.press('Enter');
    await page.getByTestId('expert-table').getByText('黄鹤楼专家').waitFor();
    const row = await server.deps.db.selectFrom('experts').select(['employer', 'regions', 'kinds', 'interests', 'qualifications']).where('name', '=', '黄鹤楼专家').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ employer: '武汉理工大学', regions: ['420100'], kinds: ['technical_expert'] });
    expect(row.interests).toEqual([{ kind: 'client', name: '武汉光谷某光电有限公司' }]);
    expect(row.qualifications).toEqual([{ name: '专利代理师资格证', expiresOn: '2028-06-30' }]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});
