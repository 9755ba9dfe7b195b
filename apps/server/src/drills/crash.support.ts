import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serverBundle } from '../../../../scripts/server-build.ts';
import { application } from '../modules/portal-cases/portal.test-support.ts';
import { DEMO_PASSWORD } from '../demo/network.ts';
import { TEST_DATA_KEY } from '../testing/constants.ts';

/**
 * Pieces of the crash drills: the real server as a child process that can be killed with SIGKILL, and
 * applicants that talk to it over HTTP and retry — with the same Idempotency-Key — when the connection drops.
 */
export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

export function startServerProcess(env: { databaseUrl: string; dataDir: string; port: number }): ServerProcess {
  // The server as `npm start` runs it: its bundle with plain node (built by the test file's beforeAll).
  const child = spawn(path.resolve('node_modules/.bin/node'), [serverBundle], {
    env: {
      ...process.env, DATABASE_URL: env.databaseUrl, YUANZHI_DATA_DIR: env.dataDir, PORT: String(env.port), HOST: '127.0.0.1',
      YUANZHI_DEMO: 'false', YUANZHI_DATA_KEY: TEST_DATA_KEY, LOG_LEVEL: 'error', NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + String(d)).slice(-4000)));
  child.stderr!.on('data', (d) => (out = (out + String(d)).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

/** Waits until GET /api/health answers 200 with the database reachable. */
export async function waitHealthy(base: string, timeoutMs = 60_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.status === 200 && ((await r.json()) as { db: boolean }).db) return Date.now() - t0;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`server at ${base} not healthy after ${timeoutMs} ms`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A browser-like session over real HTTP: cookie and CSRF token. */
export class HttpSession {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request(method: string, url: string, body?: Buffer | object, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: ArrayBuffer | string | undefined;
    if (Buffer.isBuffer(body)) payload = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const r = await fetch(`${this.base}${url}`, { method, headers: h, body: payload, signal: AbortSignal.timeout(30_000) });
    const set = r.headers.getSetCookie().find((c) => c.startsWith('yz_sid='));
    if (set) this.cookie = set.split(';')[0]!;
    const text = await r.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: r.status, body: json, raw: text };
  }

  static async signIn(base: string, user = 'applicant@example.com', password = DEMO_PASSWORD): Promise<HttpSession> {
    const s = new HttpSession(base);
    const r = await s.request('POST', '/api/auth/login', { username: user, password });
    if (r.status !== 200 || r.body?.data?.next !== 'done') throw new Error(`sign-in: ${r.status} ${r.raw}`);
    return s;
  }
}

/** A small valid PDF with random (hex, so never a `/JS` name) content, so that every applicant's file has its own hash. */
export function randomPdf(kb: number): Buffer {
  const filler = crypto.randomBytes(kb * 512).toString('hex');
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${filler}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

function multipart(name: string, data: Buffer) {
  const boundary = `----yzcrash${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    data, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface Submission {
  key: string;
  file: Buffer;
  sha256: string;
  draftId?: string;
  uploaded?: boolean;
  /** The receipt of the 2xx answer, and whether it came before the crash. */
  receipt?: { caseNumber: string; caseId: string; evidence: { sha256: string }[] };
  ackedBeforeCrash?: boolean;
  /** Dropped connections and 5xx answers met (each one retried). */
  retries: number;
}

export function newSubmission(i: number): Submission {
  const file = randomPdf(16 + ((i * 37) % 240));
  return { key: `crash-drill-${i}-${crypto.randomUUID()}`, file, sha256: crypto.createHash('sha256').update(file).digest('hex'), retries: 0 };
}

/**
 * One applicant: waits `start` ms (arrivals spread out, so a crash finds drafts, uploads and submits in flight),
 * then works through. 5xx and dropped connections are retried: the step that got no answer is sent again (the
 * submit with the same key).
 */
export async function drive(s: HttpSession, sub: Submission, crashed: () => boolean, deadline: number, start = 0): Promise<void> {
  const request = async (...a: Parameters<HttpSession['request']>) => {
    const r = await s.request(...a);
    if (r.status >= 500) {
      sub.retries++;
      await sleep(200);
    }
    return r;
  };
  await sleep(start);
  while (Date.now() < deadline) {
    try {
      if (!sub.draftId) {
        const r = await request('POST', '/api/portal/drafts', application());
        if (r.status === 201) sub.draftId = r.body.data.id;
        else if (r.status < 500) throw new Error(`draft: ${r.status} ${r.raw}`);
      } else if (!sub.uploaded) {
        const m = multipart(`证据-${sub.key.slice(12, 16)}.pdf`, sub.file);
        const r = await request('POST', `/api/portal/drafts/${sub.draftId}/evidence`, m.body, m.headers);
        if (r.status === 201) sub.uploaded = true;
        else if (r.status < 500) throw new Error(`evidence: ${r.status} ${r.raw}`);
      } else {
        const r = await request('POST', `/api/portal/drafts/${sub.draftId}/submit`, {}, { 'idempotency-key': sub.key });
        if (r.status === 200 || r.status === 201) {
          sub.receipt = r.body.data;
          sub.ackedBeforeCrash = !crashed();
          return;
        }
        // 409: the first request with this key is still running (or was cut off mid-way): ask again.
        if (r.status !== 409 && r.status < 500) throw new Error(`submit: ${r.status} ${r.raw}`);
      }
      await sleep(20);
    } catch (e) {
      if (e instanceof Error && /^(draft|evidence|submit):/.test(e.message)) throw e;
      sub.retries++;
      await sleep(200);
    }
  }
  throw new Error(`submission ${sub.key} not done before the deadline`);
}

/** Every stored file under dataDir/files (not the temp folder), by storage key. */
export function storedFiles(dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = path.join(dataDir, 'files');
  const walk = (d: string) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'tmp') walk(p);
      else if (e.isDirectory()) continue;
      else out.set(e.name, p);
    }
  };
  walk(root);
  return out;
}
