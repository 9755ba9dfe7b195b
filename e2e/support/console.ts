import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { closeDropdowns, pick } from './antd.ts';
import { watchErrors } from './browser.ts';

/** Sign in to the console (demo staff have no forced password change and no TOTP). */
export async function signIn(page: Page, base: string, username: string, password = 'Hubei#Assist2026'): Promise<void> {
  await page.goto(base + '/console');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor();
}

/** Through the menu to the case queue, then the case's row (its number is the link). */
export async function openCase(page: Page, caseNumber: string, tab = 'institution'): Promise<void> {
  await page.getByTestId('menu-cases').click();
  const tabEl = page.getByTestId(`queue-tab-${tab}`);
  if (await tabEl.count()) await tabEl.click();
  const row = page.getByTestId(`case-row-${caseNumber}`);
  await row.waitFor();
  await row.click();
  await expect.poll(() => page.getByTestId('case-number').innerText()).toBe(caseNumber);
}

/** Click an action of the case page's action bar, fill its modal and submit; waits for the modal to close. */
export async function act(page: Page, event: string, fill: (modal: Page) => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`action-${event}`).click();
  const submit = page.getByTestId('action-submit');
  await submit.waitFor();
  await fill(page);
  await closeDropdowns(page);
  await submit.click();
  try {
    await submit.waitFor({ state: 'hidden' });
  } catch (e) {
    const text = await page.locator('.ant-modal-wrap:visible').first().innerText().catch(() => '');
    throw new Error(`action ${event}: the form did not close\n${text}\n${(e as Error).message}`);
  }
}

export { pick };

/**
 * Sign in to the console, enrolling the authenticator when the account must use one (administrators). An account
 * enrolled earlier in the run is asked for a code: `storedSecret` gives its secret (from the test database).
 */
export async function signInEnrolling(
  page: Page, base: string, username: string, password = 'Hubei#Assist2026', storedSecret?: (username: string) => Promise<string>,
): Promise<void> {
  const { totpNow } = await import('../../apps/server/src/modules/auth/totp.ts');
  await page.goto(base + '/console');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const menu = page.getByTestId('side-menu');
  const totp = page.getByTestId('totp-secret');
  const code = page.getByTestId('totp-code');
  await Promise.race([menu.waitFor(), totp.waitFor(), ...(storedSecret ? [code.waitFor()] : [])]);
  if (await totp.isVisible()) {
    await code.fill(totpNow((await totp.innerText()).trim().replace(/\s+/g, '')));
  } else if (storedSecret && (await code.isVisible())) {
    await code.fill(totpNow(await storedSecret(username)));
  } else {
    return;
  }
  await page.getByTestId('totp-submit').click();
  await menu.waitFor();
}

/** A console user in a browser context of their own (downloads accepted), signed in, with an error collector. */
export async function consoleSession(
  browser: Browser, base: string, username: string, password = 'Hubei#Assist2026',
): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await signInEnrolling(page, base, username, password);
  return { ctx, page, errors };
}
