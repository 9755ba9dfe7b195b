/**
 * A server under test in its own process, so that its memory can be read while the load runs:
 * VmRSS from /proc/<pid>/status, sampled every 100 ms; `window()` starts a new maximum.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface ServerChild {
  url: string;
  pid: number;
  /** Start a new RSS window; returns a function that ends it with its largest VmRSS in MB. */
  window(): () => number;
  stop(): Promise<void>;
}

export function vmRssMb(status: string): number | null {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) / 1024 : null;
}

function readRss(pid: number): number | null {
  try {
    return vmRssMb(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/** Spawn `node <script>` (with tsx's loader for a .ts script) and wait until `readyUrl` answers (any status below 500). */
export async function startChild(script: string, env: Record<string, string>, port: number, readyPath: string, logFile: string, nodeArgs: string[] = []): Promise<ServerChild> {
  const out = fs.openSync(logFile, 'a');
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  let exited = false;
  child.once('exit', () => { exited = true; });
  for (;;) {
    if (exited) throw new Error(`${script} exited before it was ready (see ${logFile})`);
    if (Date.now() - t0 > 180_000) throw new Error(`${script} not ready within 180 s (see ${logFile})`);
    try {
      const r = await fetch(url + readyPath, { method: readyPath.startsWith('/insert') ? 'POST' : 'GET' });
      await r.arrayBuffer();
      if (r.status < 500) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let max = 0;
  const timer = setInterval(() => {
    const v = readRss(child.pid!);
    if (v !== null && v > max) max = v;
  }, 100);
  return {
    url,
    pid: child.pid!,
    window() {
      max = readRss(child.pid!) ?? 0;
      return () => Math.max(max, readRss(child.pid!) ?? 0);
    },
    async stop() {
      clearInterval(timer);
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(late);
    },
  };
}
