import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** The platform closes the browser in its own shutdown (bootstrap.ts); Playwright must not take over SIGTERM/SIGINT. */
const OWN_SIGNALS = { handleSIGTERM: false, handleSIGINT: false, handleSIGHUP: false } as const;
/**
 * The npm package's defaults are for AWS Lambda. Single-process mode breaks when a context is closed; a GPU
 * emulated by SwiftShader costs CPU for nothing on a server (plain software drawing is cheaper); and a renderer of
 * the platform's own documents has no business turning off the browser's web security.
 */
const NOT_HERE = new Set([
  '--single-process', '--no-zygote', '--in-process-gpu',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials',
]);
const COMMON_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Launch a headless Chromium: Debian's when installed, else the one shipped inside the @sparticuz/chromium
 * npm package, so nothing is needed from apt. playwright-core is imported lazily: starting the server
 * costs nothing until a browser is wanted.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', ...COMMON_ARGS], ...OWN_SIGNALS });
  }
  const pkg = (await import('@sparticuz/chromium')).default;
  const args = pkg.args.filter((a: string) => !NOT_HERE.has(a));
  return chromium.launch({ executablePath: await pkg.executablePath(), headless: true, args: [...args, '--disable-gpu', ...COMMON_ARGS], ...OWN_SIGNALS });
}

interface Shared {
  browser: Browser;
  context: BrowserContext;
}
let shared: Promise<Shared> | null = null;

async function launchShared(): Promise<Shared> {
  const browser = await launchBrowser();
  // One context for the process: the npm Chromium runs single-process, and disposing a context there
  // breaks the browser for the next one. Pages are opened in it and closed after use.
  const context = await browser.newContext();
  return { browser, context };
}

function current(): Promise<Shared> {
  if (!shared) {
    const launching = launchShared();
    shared = launching;
    launching.then(
      ({ browser }) =>
        browser.on('disconnected', () => {
          if (shared === launching) shared = null;
        }),
      () => {
        if (shared === launching) shared = null;
      },
    );
  }
  return shared;
}

/**
 * The process's one Chromium, launched on first use and reused by every caller (PDF rendering, previews).
 * If it crashes or is closed, the next call launches a new one.
 */
export async function sharedBrowser(): Promise<Browser> {
  return (await current()).browser;
}

/** A new page in the shared browser; the caller closes it. */
export async function newSharedPage(): Promise<Page> {
  return (await current()).context.newPage();
}

/** Close the shared Chromium if one was launched (at shutdown). */
export async function closeSharedBrowser(): Promise<void> {
  const launched = shared;
  shared = null;
  if (!launched) return;
  const s = await launched.catch(() => null);
  await s?.browser.close().catch(() => {});
}
