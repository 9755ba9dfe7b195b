import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * A headless Chromium: Debian's when installed, else the one shipped inside the @sparticuz/chromium
 * npm package, so `npm test` needs nothing from apt.
 */
export async function launchBrowser(): Promise<Browser> {
  const common = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', ...common] });
  }
  const pkg = (await import('@sparticuz/chromium')).default;
  return chromium.launch({ executablePath: await pkg.executablePath(), headless: true, args: [...pkg.args, ...common] });
}

export const screenshotDir = path.resolve('.tmp', 'screenshots');

export async function snap(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
