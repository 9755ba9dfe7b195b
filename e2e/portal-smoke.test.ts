import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';

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

it('serves the portal and the console in Chinese', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  await expect.poll(() => page.locator('body').innerText()).toContain('援知');
  await snap(page, 'portal-home');
  await page.goto(server.url + '/console');
  await expect.poll(() => page.locator('body').innerText()).toContain('援知');
  await page.close();
});
