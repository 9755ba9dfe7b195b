/**
 * `npm run bench:startup`: time from launching `npm start` to the first served page (GET / → 200),
 * on a fresh data directory (initdb + migrations + regions + demo) and then on the same directory again
 * (the everyday warm start). Prints the figures and writes bench/startup.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../apps/server/src/platform/embedded-pg.ts';

async function once(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YUANZHI_DATA_DIR: dataDir },
    stdio: 'ignore',
    detached: true,
  });
  let ms = -1;
  while (performance.now() - t0 < 120_000) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.status === 200 && (await r.text()).includes('<div id="root">')) {
        ms = performance.now() - t0;
        break;
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (ms < 0) throw new Error('server did not serve a page within 120 s');
  return ms;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-start-'));
try {
  const first = await once(dir);
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push(await once(dir));
  warm.sort((a, b) => a - b);
  const result = {
    measuredAt: new Date().toISOString(),
    cpus: os.cpus().length,
    firstStartMs: Math.round(first),
    warmStartMedianMs: Math.round(warm[1]),
    warmStartsMs: warm.map(Math.round),
  };
  fs.writeFileSync(path.join(import.meta.dirname, 'startup.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`first start (new data directory): ${(result.firstStartMs / 1000).toFixed(1)} s`);
  console.log(`warm start, median of 3:          ${(result.warmStartMedianMs / 1000).toFixed(1)} s`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
