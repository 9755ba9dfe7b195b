import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_INITIAL_PASSWORD } from '../apps/server/src/demo/network.ts';
import { totpNow } from '../apps/server/src/modules/auth/totp.ts';
import { pick } from './support/antd.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';

/**
 * The foundation's journey: the administrator signs in for the first time (new password, TOTP),
 * creates a sub-institution under 武汉市中心 and a case handler there; that handler signs in and sees
 * only its own subtree.
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

async function signIn(page: Page, username: string, password: string) {
  await page.goto(server.url + '/console');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByTestId('new-password').waitFor();
  const cur = page.getByTestId('current-password');
  if (await cur.count()) await cur.fill(current);
  await page.getByTestId('new-password').fill(next);
  await page.getByTestId('new-password-confirm').fill(next);
  await page.getByTestId('change-password-submit').click();
}

/** Through the menu; once more if the first click landed while the console was still redirecting. */
async function openInstitutions(page: Page) {
  await page.getByTestId('menu-institutions').click();
  try {
    await page.getByTestId('tree').waitFor({ timeout: 8000 });
  } catch {
    await page.getByTestId('menu-institutions').click();
    await page.getByTestId('tree').waitFor();
  }
}

const NEW_INSTITUTION = '江汉路步行街知识产权维权援助工作站';

it('an administrator sets up a workstation and its handler, who sees only that subtree', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`http ${r.status()} ${r.url()}`));
  try {
    await adminJourney(page);
  } catch (e) {
    await snap(page, 'failure-admin-journey');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  }
});

async function adminJourney(page: Page) {

  // 1. First sign-in of the seeded administrator: forced password change, then TOTP enrolment.
  await signIn(page, 'admin', ADMIN_INITIAL_PASSWORD);
  await snap(page, '01-admin-change-password');
  await changePassword(page, ADMIN_INITIAL_PASSWORD, 'Wuhan#Network2026');
  await page.getByTestId('totp-secret').waitFor();
  await snap(page, '02-admin-totp-enrol');
  const secret = (await page.getByTestId('totp-secret').innerText()).trim().replace(/\s+/g, '');
  await page.getByTestId('totp-code').fill(totpNow(secret));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('side-menu').waitFor();

  // 2. Create a workstation under 武汉市知识产权维权援助中心.
  await openInstitutions(page);
  await snap(page, '03a-institutions-page');
  await page.getByTestId('tree-search').locator('input').first().fill('武汉市知识产权维权援助中心');
  // The tree redraws as the search narrows it: a node clicked during a redraw is gone; click again until it opens.
  await expect.poll(async () => {
    await page.locator('[data-name="武汉市知识产权维权援助中心"]').first().click({ timeout: 5000 }).catch(() => {});
    return page.getByTestId('institution-detail').isVisible();
  }, { timeout: 30_000 }).toBe(true);
  await snap(page, '03-institution-tree');
  await page.getByTestId('create-institution').click();
  await page.getByTestId('institution-name').fill(NEW_INSTITUTION);
  await pick(page, 'institution-type', '工作站');
  await pick(page, 'institution-level', '县级');
  await pick(page, 'institution-host', '进市场');
  await page.getByTestId('institution-phone').fill('027-85550000');
  await snap(page, '04-institution-form');
  await page.getByTestId('institution-save').click();
  await expect.poll(() => page.getByTestId('institution-detail-name').innerText()).toContain(NEW_INSTITUTION);

  // 3. Create a case handler at the new workstation.
  await page.getByTestId('menu-users').click();
  await page.getByTestId('create-user').click();
  await page.getByTestId('user-username').fill('jhl_handler');
  await page.getByTestId('user-displayName').fill('赵敏（承办）');
  await page.getByTestId('user-password').fill('Temp#Handler2026');
  await pick(page, 'user-role-0', '承办人');
  await pick(page, 'user-institution-0', NEW_INSTITUTION);
  await snap(page, '05-user-form');
  await page.getByTestId('user-save').click();
  await page.getByTestId('user-row-jhl_handler').waitFor();
  await snap(page, '06-users');
  // The new user's drawer opens after the save (the page navigates to it); close it before signing out.
  const drawer = page.getByTestId('user-drawer');
  await drawer.waitFor();
  await page.locator('.ant-drawer-close').first().click();
  await expect.poll(() => drawer.isVisible()).toBe(false);
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor();

  // 4. The handler signs in, changes the temporary password and sees only its workstation.
  await signIn(page, 'jhl_handler', 'Temp#Handler2026');
  await changePassword(page, 'Temp#Handler2026', 'Zhao#Handler2026');
  await page.getByTestId('side-menu').waitFor();
  await openInstitutions(page);
  await page.locator('[data-testid^="tree-node-"]').first().waitFor();
  const names = await page.locator('[data-testid^="tree-node-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
  await snap(page, '07-handler-sees-own-subtree');
  expect(names).toEqual([NEW_INSTITUTION]);

  // The API agrees: another institution answers 404 for this handler.
  const other = await server.deps.db.selectFrom('institutions').select('id').where('name', '=', '宜昌市知识产权维权援助中心').executeTakeFirstOrThrow();
  const status = await page.evaluate(async (id) => (await fetch(`/api/institutions/${id}`)).status, other.id);
  expect(status).toBe(404);
  await page.close();
}

it('works at phone width: the portal directory and the console sign-in', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(server.url + '/');
  await page.getByTestId('nav-directory').first().click().catch(async () => page.goto(server.url + '/directory'));
  await page.getByTestId('directory-card').first().waitFor();
  await snap(page, '08-portal-directory-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.goto(server.url + '/console');
  await page.getByTestId('login-username').waitFor();
  await snap(page, '09-console-signin-phone');
  await page.close();
});
