import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '../platform/http/app.ts';
import { TestClock } from '../platform/clock.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { createDb } from '../platform/db.ts';
import type { Deps } from '../platform/deps.ts';
import { allJobs } from '../platform/jobs/catalog.ts';
import { createManualJobs, type ManualJobs } from '../platform/jobs/manual.ts';
import { createPgBossJobs } from '../platform/jobs/pgboss.ts';
import { createNotifier, type Message } from '../platform/notifier.ts';
import { createSecrets } from '../platform/secrets.ts';
import { TestClient } from './client.ts';
import { TEST_DATA_KEY } from './constants.ts';

export interface TestApp {
  app: App;
  deps: Deps;
  clock: TestClock;
  /** Messages the notifier was asked to send, newest last. */
  sent: Message[];
  /** A client with no session. */
  anon(): TestClient;
  /** Sign in (completing 2FA enrolment and forced password change if asked) and return the client. */
  login(username: string, password?: string): Promise<TestClient>;
  /** Run a job's handler now, in the test (whatever the job system). */
  runJobNow(name: string, data?: object): Promise<unknown>;
  /** Without `jobs: true`: the jobs enqueued so far, run in order if their transaction committed. */
  drainJobs(options?: { name?: string }): Promise<number>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Start a real pg-boss on the test database (workers polling every 0.5 s, cron passes every second). Off by default: keeps createTestApp fast. */
  jobs?: boolean;
  /** Run on the system clock instead of the fixed test time (browser journeys). */
  liveClock?: boolean;
  /** Log every request at info level to this file, and note the session tokens issued beside it (`<file>.secrets`) for the log scan. */
  logFile?: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database cloned from the template (schema, regions, demo network) and an app on it. */
export async function createTestApp(overrides: Partial<Config> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const { db, pool } = createDb(withDatabase(adminUrl, name), opts.jobs ? 10 : 5);
  const config: Config = { ...loadConfig({}), dataDir: path.resolve('.tmp', 'test-data'), ...overrides };
  const secrets = createSecrets(Buffer.from(TEST_DATA_KEY, 'base64'));
  const sent: Message[] = [];
  const real = createNotifier(db, secrets, (m) => m.to.slice(0, 3) + '***');
  const notifier = { send: async (m: Message) => (sent.push(m), real.send(m)) };
  const clock = new TestClock(new Date('2026-11-20T02:00:00Z'), opts.liveClock ?? false);
  const manual: ManualJobs | null = opts.jobs ? null : createManualJobs(() => deps, allJobs);
  const jobs = manual ?? createPgBossJobs(pool, () => deps, allJobs, { pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1, log: () => {} });
  const deps: Deps = { config, db, pool, secrets, notifier, clock, jobs };
  if (opts.jobs) await jobs.start();
  const logStream = opts.logFile ? openLog(opts.logFile) : undefined;
  const app = await buildApp(logStream ? { ...deps, config: { ...config, logLevel: 'info' } } : deps, { logger: !!logStream, logStream });
  if (opts.logFile) noteIssuedTokens(app, `${opts.logFile}.secrets`);
  await app.ready();
  return {
    app,
    deps,
    clock,
    sent,
    anon: () => new TestClient(app),
    login: (username, password) => TestClient.signIn(app, username, password),
    runJobNow: (job, data) => jobs.runNow(job, data),
    async drainJobs(options) {
      if (!manual) throw new Error('drainJobs: this test app runs pg-boss (jobs: true); its workers run the jobs');
      return manual.drain(options);
    },
    async close() {
      await app.close();
      logStream?.end();
      await jobs.stop();
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await c.end();
    },
  };
}

function openLog(file: string): fs.WriteStream {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return fs.createWriteStream(file, { flags: 'a' });
}

/** Every session and CSRF token the server hands out, so the log scan can look for the real values. */
function noteIssuedTokens(app: App, file: string): void {
  app.addHook('onSend', async (_req, reply) => {
    const found: string[] = [];
    const cookies = reply.getHeader('set-cookie');
    for (const c of [cookies].flat()) {
      const m = /^yz_sid=([^;]+)/.exec(String(c ?? ''));
      if (m && m[1].length > 8) found.push(m[1]);
    }
    if (found.length) fs.appendFileSync(file, found.join('\n') + '\n');
  });
}
