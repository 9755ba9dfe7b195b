import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The platform's launcher: Debian's Chromium when installed, else @sparticuz/chromium from npm. */
export { launchBrowser } from '../../apps/server/src/platform/browser.ts';

export const screenshotDir = path.resolve('.tmp', 'screenshots');

export async function snap(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
