import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pick, pickRegion } from './support/antd.ts';
import { launchBrowser, snap, watchErrors } from './support/browser.ts';
import { startServer } from './support/server.ts';

/** The consultation desk: a hotline call recorded with a suggested answer; an online question answered and followed up. */
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
/** The machine is shared and slow: wait longer than vitest's one second for the screen to settle. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });


async function consoleSignIn(page: Page, username: string) {
  await page.goto(server.url + '/console');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-consultations').click();
  await page.getByTestId('desk-question').waitFor();
}

it('a clerk records a hotline consultation and sees a suggested answer', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors = watchErrors(page);
  await consoleSignIn(page, 'wh_clerk');
  await poll(() => page.getByTestId('desk-channel-hotline').isChecked()).toBe(true);
  const question = '网店卖家在同类商品上用了我们的注册商标，先找平台投诉还是直接起诉？';
  await page.getByTestId('desk-question').fill(question);
  await page.getByTestId('suggestion').first().waitFor();
  expect(await page.getByTestId('suggestion').first().innerText()).toContain('平台');
  await page.getByTestId('suggestion-use').first().click();
  await poll(() => page.getByTestId('desk-answer').inputValue()).toContain('平台');
  await pick(page, 'desk-topic', '纠纷处理途径');
  await pick(page, 'desk-ipType', '商标');
  await page.getByTestId('desk-minutes').fill('6');
  await page.getByTestId('desk-askerContact').fill('13912345678');
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, '30-consultation-desk');
  await page.getByTestId('desk-answer').press('Control+Enter');
  // Saved: the form is cleared for the next caller, the channel kept, the record in the list with the contact masked.
  await poll(() => page.getByTestId('desk-question').inputValue()).toBe('');
  await poll(() => page.getByTestId('desk-channel-hotline').isChecked()).toBe(true);
  const row = await server.deps.db.selectFrom('consultations').selectAll().where('question', '=', question).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ channel: 'hotline', topic: 'dispute', ip_type: 'trademark', status: 'answered', minutes_spent: 6, asker_contact_masked: '139****5678' });
  expect(row.answer).toContain('平台');
  await page.getByTestId('consult-table').getByText('139****5678').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, '31-consultation-list');
  expect(errors).toEqual([]);
  await page.close();
});

it('a member of the public asks online, staff answer, and the asker follows up in the same thread', async () => {
  const portal = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors = watchErrors(portal);
  await portal.goto(server.url + '/login');
  await portal.getByTestId('login-username').fill('applicant@example.com');
  await portal.getByTestId('login-password').fill(PASSWORD);
  await portal.getByTestId('login-submit').click();
  await portal.getByTestId('nav-my-consultations').click();
  await portal.getByTestId('ask-question').waitFor();
  await pickRegion(portal, 'ask-region', '洪山', '武汉');
  await pick(portal, 'ask-topic', '证据收集');
  await pick(portal, 'ask-ipType', '版权');
  const question = '我拍的风景照片被一家旅游网站用作封面，应该怎么取证和维权？';
  await portal.getByTestId('ask-question').fill(question);
  await snap(portal, '32-portal-ask');
  await portal.getByTestId('ask-submit').click();
  await portal.getByTestId('consultation-thread').waitFor();
  await poll(() => portal.getByTestId('thread-status').innerText()).toBe('待答复');

  const staff = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const staffErrors = watchErrors(staff);
  await consoleSignIn(staff, 'wh_clerk');
  await staff.getByTestId('tab-open').click();
  await staff.getByRole('link', { name: question }).click();
  await staff.getByTestId('consult-reply').fill('请先对网页做公证或可信时间戳取证，保留原图和拍摄信息，再联系网站删除并协商赔偿。');
  await snap(staff, '33-consultation-answer');
  await staff.getByTestId('consult-reply-send').click();
  await poll(() => staff.getByTestId('consult-status').innerText()).toBe('已答复');

  await portal.reload();
  await portal.getByTestId('thread-staff').waitFor();
  expect(await portal.getByTestId('thread-staff').innerText()).toContain('公证');
  const c = await server.deps.db.selectFrom('consultations').select(['id', 'asker_user_id']).where('question', '=', question).executeTakeFirstOrThrow();
  const note = await server.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', c.asker_user_id).where('link', '=', `/my/consultations/${c.id}`).executeTakeFirst();
  expect(note?.kind).toBe('consultation_answered');
  await portal.getByTestId('thread-follow-up').fill('公证大概需要多少费用？');
  await portal.getByTestId('thread-send').click();
  await poll(() => portal.getByTestId('thread-status').innerText()).toBe('待答复');
  await poll(() => portal.getByTestId('thread-asker').count()).toBe(2);
  await snap(portal, '34-portal-thread');
  expect([...errors, ...staffErrors]).toEqual([]);
  await portal.close();
  await staff.close();
});
