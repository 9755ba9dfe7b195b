import type { Browser } from 'playwright-core';
import { toCstDate, addDays } from '@yuanzhi/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PNG } from '../apps/server/src/modules/events/events.test-support.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { signIn, signInEnrolling } from './support/console.ts';
import { startServer } from './support/server.ts';

/**
 * Issue 6's on-site journey: an administrator registers an exhibition; the on-site desk takes a complaint from a
 * phone-sized window in a few taps; it becomes a fast-track case due the same day, in the clerk's console queue;
 * the outcome is recorded and the after-event summary counts it.
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


it('takes an on-site complaint on a phone and makes it a fast-track case due the same day, in the console queue', async () => {
  const today = toCstDate(new Date());
  const errors: string[] = [];

  // 1. The provincial administrator registers the exhibition for the Wuhan centre.
  const desk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  desk.on('pageerror', (e) => errors.push(e.message));
  await signInEnrolling(desk, server.url, 'hb_admin');
  await desk.getByTestId('menu-events').click();
  await desk.getByTestId('event-new').click();
  const form = desk.getByTestId('event-form');
  await form.getByTestId('event-institution').click();
  await desk.keyboard.type('武汉市知识产权维权援助中心');
  await desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="武汉市知识产权维权援助中心"]').click();
  await form.getByLabel('活动名称').fill('2026 中国（武汉）光电子博览会');
  await form.locator('#kind').click();
  await desk.locator('.ant-select-item-option[title="展会"]').click();
  await form.getByLabel('地点').fill('武汉国际博览中心 A 馆');
  await form.getByLabel('开始日期').fill(today);
  await form.getByLabel('结束日期').fill(addDays(today, -1));
  await expect.poll(() => form.innerText()).toContain('结束日期不能早于开始日期');
  await form.getByLabel('结束日期').fill(addDays(today, 2));
  await form.getByLabel('主办方').fill('武汉市人民政府');
  await form.getByLabel('预计参展商数').fill('420');
  await snap(desk, 'events-register');
  await desk.getByTestId('event-save').click();
  await desk.getByTestId('event-page').waitFor();
  const eventId = desk.url().split('/').pop()!;
  await desk.close();

  // 2. The on-site desk: a phone-sized window, signed in as the intake clerk.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  // On a phone the console's side menu folds away: signed in once the login form is gone.
  await p.goto(server.url + '/console');
  await p.getByTestId('login-username').fill('wh_clerk');
  await p.getByTestId('login-password').fill('Hubei#Assist2026');
  await p.getByTestId('login-submit').click();
  await p.getByTestId('side-menu').waitFor({ state: 'attached' });
  const t0 = Date.now();
  await p.goto(`${server.url}/onsite/${eventId}`);
  await expect.poll(() => p.locator('#event').innerText()).toContain('光电子博览会');
  await p.locator('input[name=name]').fill('武汉华星光学有限公司');
  await p.locator('input[name=phone]').fill('1391234');
  await expect.poll(() => p.locator('[data-for=phone]').innerText()).toContain('手机号码格式不正确');
  await p.locator('input[name=phone]').fill('13912345678');
  await expect.poll(() => p.locator('[data-for=phone]').innerText()).toBe('');
  await p.locator('input[name=booth]').fill('A-215');
  await p.locator('input[name=respondent]').fill('某某光电设备有限公司');
  await p.locator('input[name=ipNumber]').fill('ZL202110123456.7');
  await p.locator('textarea[name=summary]').fill('展台展出的激光切割头与我司专利技术方案相同');
  await p.locator('input[name=photos]').setInputFiles({ name: 'booth.png', mimeType: 'image/png', buffer: PNG });
  await expect.poll(() => p.locator('#photos').innerText()).toContain('已上传 1 张');
  await snap(p, 'onsite-complaint-phone');
  await p.locator('#submit').click();
  await p.locator('#done').waitFor();
  const seconds = (Date.now() - t0) / 1000;
  expect(seconds).toBeLessThan(120);
  const caseNumber = (await p.locator('#caseNumber').innerText()).trim();
  expect(caseNumber).toMatch(/\S+/);
  expect(await p.locator('#due').innerText()).toBe(today);
  await p.locator('#noticeButtons button[data-method=in_person]').click();
  await expect.poll(() => p.locator('#noticeDone').innerText()).toContain('已记录通知');
  await snap(p, 'onsite-complaint-done');

  // A second complaint, no photo: it still goes through.
  await p.locator('#again').click();
  await p.locator('input[name=name]').fill('李明');
  await p.locator('input[name=booth]').fill('B-031');
  await p.locator('input[name=respondent]').fill('某文创用品店');
  await p.locator('select[name=ipType]').selectOption('copyright');
  await p.locator('textarea[name=summary]').fill('展位销售印有我方美术作品的文具');
  await p.locator('#submit').click();
  await p.locator('#done').waitFor();
  const second = (await p.locator('#caseNumber').innerText()).trim();
  expect(second).not.toBe(caseNumber);
  await phone.close();

  // 3. In the console: the case is in the clerk's queue, fast track, acceptance due today.
  const c = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  c.on('pageerror', (e) => errors.push(e.message));
  await signIn(c, server.url, 'wh_clerk');
  await c.getByTestId('menu-cases').click();
  await c.getByTestId('queue-tab-due_soon').click();
  await c.getByTestId(`case-row-${caseNumber}`).waitFor();
  await snap(c, 'onsite-case-queue');
  await c.getByTestId(`case-row-${caseNumber}`).click();
  await expect.poll(() => c.getByTestId('case-track').innerText()).toContain('快速');
  await expect.poll(() => c.getByTestId('deadline-acceptance').innerText()).toContain(today);
  await c.getByTestId('deadline-acceptance').click();
  await expect.poll(() => c.getByTestId('deadline-explanation-acceptance').innerText()).toContain('当日');
  await snap(c, 'onsite-case-same-day');

  // 4. The outcome on the event page, and the summary.
  await c.goto(`${server.url}/console/events/${eventId}`);
  await c.getByRole('tab', { name: /现场投诉/ }).click();
  await c.getByTestId('complaint-table').getByText(caseNumber).waitFor();
  await c.getByTestId('outcome-select').first().click();
  await c.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="撤展"]').click();
  await expect.poll(() => c.getByTestId('complaint-table').innerText()).toContain('撤展');
  const tally = c.getByTestId('tally-form');
  await tally.getByPlaceholder('咨询事项').fill('展品商标使用');
  await tally.getByLabel('人次').fill('6');
  await tally.getByRole('button', { name: /登\s*记/ }).click();
  await expect.poll(() => c.getByTestId('event-page').innerText()).toContain('展品商标使用');
  await snap(c, 'events-complaints');
  await c.getByRole('tab', { name: /活动总结/ }).click();
  await expect.poll(() => c.getByTestId('event-summary').innerText()).toMatch(/投诉\s*2/);
  await expect.poll(() => c.getByTestId('event-summary').innerText()).toMatch(/现场咨询（人次）\s*6/);
  await snap(c, 'events-summary');

  // The demo exhibition: its roster, commitments and risk screening (read-only for the clerk).
  await c.getByTestId('menu-events').click();
  await c.getByTestId('event-table').getByText('中国（武汉）光电子信息博览会').click();
  await c.getByRole('tab', { name: /值班安排/ }).click();
  await expect.poll(() => c.getByTestId('event-page').innerText()).toContain('投诉受理');
  await snap(c, 'events-roster');
  await c.getByRole('tab', { name: /展前准备/ }).click();
  await expect.poll(() => c.getByTestId('commitment-table').innerText()).toContain('光谷激光科技有限公司');
  await expect.poll(() => c.getByTestId('screening-list').innerText()).toContain('某光电设备有限公司');
  await snap(c, 'events-pre');

  // 5. Analysis projects (分析预警): the demo's projects, one opened with its milestones.
  await c.getByTestId('menu-analysis').click();
  await c.getByTestId('project-table').getByText('光电子信息产业专利导航').click();
  await expect.poll(() => c.getByTestId('project-drawer').innerText()).toContain('检索策略与数据范围确定');
  await snap(c, 'analysis-projects');
  expect(errors).toEqual([]);
}, 240_000);
