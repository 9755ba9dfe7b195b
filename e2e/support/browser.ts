import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The platform's launcher: Debian's Chromium when installed, else @sparticuz/chromium from npm. */
export { launchBrowser } from '../../apps/server/src/platform/browser.ts';

export const screenshotDir = path.resolve('.tmp', 'screenshots');

/**
 * A full-page picture for the user guide (copied by hand into docs/images). CI throws them away, so it takes none
 * there unless SNAP=1: the 120-odd pictures cost minutes of the run and assert nothing.
 */
export async function snap(page: Page, name: string): Promise<string | null> {
  if (process.env.CI && !process.env.SNAP) return null;
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects what must never happen on a journey: an uncaught script error in the page, or a 5xx answer. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`http ${r.status()} ${r.url()}`);
  });
  return errors;
}
