import fs from 'node:fs';
import type { Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const COMMON_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Launch a headless Chromium: Debian's when installed, else the one shipped inside the @sparticuz/chromium
 * npm package, so nothing is needed from apt. playwright-core is imported lazily: starting the server
 * costs nothing until a browser is wanted.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', ...COMMON_ARGS] });
  }
  const pkg = (await import('@sparticuz/chromium')).default;
  return chromium.launch({ executablePath: await pkg.executablePath(), headless: true, args: [...pkg.args, ...COMMON_ARGS] });
}

let shared: Promise<Browser> | null = null;

/**
 * The process's one Chromium, launched on first use and reused by every caller (PDF rendering, previews).
 * If it crashes or is closed, the next call launches a new one.
 */
export function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launching = launchBrowser();
    shared = launching;
    launching.then(
      (b) => b.on('disconnected', () => {
        if (shared === launching) shared = null;
      }),
      () => {
        if (shared === launching) shared = null;
      },
    );
  }
  return shared;
}

/** Close the shared Chromium if one was launched (at shutdown). */
export async function closeSharedBrowser(): Promise<void> {
  const current = shared;
  shared = null;
  if (!current) return;
  const browser = await current.catch(() => null);
  await browser?.close().catch(() => {});
}
