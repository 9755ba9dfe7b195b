/**
 * `npm run bench:onsite`: the on-site complaint page (/onsite/:eventId) loaded in Chromium over a throttled network
 * (CDP Network.emulateNetworkConditions, browser cache disabled, a phone-sized window), 7 cold loads per profile.
 * Starts `npm start` on a fresh data directory (the demo holds an exhibition that is on today), signs in as the
 * Wuhan intake clerk, and reports per profile: the document's load event (navigation start → loadEventEnd) — the
 * figure the target (< 1 s) is about — and "ready" (the page's `onsite:ready` mark: the event and the choices are on the form).
 * Writes bench/onsite-page.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../apps/server/src/platform/embedded-pg.ts';
import { launchBrowser } from '../apps/server/src/platform/browser.ts';

const profiles = [
  // The classic "slow 3G" (WebPageTest 3G Slow, the older Lighthouse mobile throttling): 400 ms round trip, 400 kbit/s.
  { name: 'slow-3g', latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
  // Chrome DevTools' "Slow 3G" preset: 2 s added to every request (400 ms × 5), 400 kbit/s.
  { name: 'devtools-slow-3g', latency: 2000, downloadThroughput: (500_000 / 8) * 0.8, uploadThroughput: (500_000 / 8) * 0.8 },
];
const RUNS = 7;

async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn('npm', ['start'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YUANZHI_DATA_DIR: dataDir }, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (const t0 = Date.now(); Date.now() - t0 < 180_000; await new Promise((r) => setTimeout(r, 200))) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop: async () => { process.kill(-child.pid!, 'SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
    } catch {
      /* not up yet */
    }
  }
  process.kill(-child.pid!, 'SIGTERM');
  throw new Error('server did not start within 180 s');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-onsite-'));
const server = await startServer(dir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'wh_clerk', password: 'Hubei#Assist2026' } });
  if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
  const events = (await (await page.request.get(`${server.url}/api/events?q=${encodeURIComponent('光电子')}`)).json()) as { data: { id: string; phase: string }[] };
  const event = events.data.find((e) => e.phase === 'during');
  if (!event) throw new Error('the demo exhibition is not on today');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const results = [];
  for (const p of profiles) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latency, downloadThroughput: p.downloadThroughput, uploadThroughput: p.uploadThroughput });
    const load: number[] = [];
    const ready: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      await page.goto(`${server.url}/onsite/${event.id}`, { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('onsite:ready').length > 0);
      const m = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { load: n.loadEventEnd, ready: performance.getEntriesByName('onsite:ready')[0].startTime, bytes: n.transferSize };
      });
      load.push(m.load);
      ready.push(m.ready);
      bytes = m.bytes;
    }
    results.push({ profile: p, runs: RUNS, documentBytes: bytes, loadMedianMs: Math.round(median(load)), loadMaxMs: Math.round(Math.max(...load)),
      readyMedianMs: Math.round(median(ready)), readyMaxMs: Math.round(Math.max(...ready)) });
    const r = results.at(-1)!;
    console.log(`${p.name.padEnd(17)} load: median ${r.loadMedianMs} ms, max ${r.loadMaxMs} ms; ready: median ${r.readyMedianMs} ms; document ${bytes} bytes`);
  }
  const out = { measuredAt: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), results };
  fs.writeFileSync(path.join(import.meta.dirname, 'onsite-page.json'), JSON.stringify(out, null, 2) + '\n');
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
