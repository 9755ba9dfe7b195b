import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '../platform/http/app.ts';
import { TestClock } from '../platform/clock.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { createDb } from '../platform/db.ts';
import type { Deps } from '../platform/deps.ts';
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
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database cloned from the template (schema, regions, demo network) and an app on it. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const { db, pool } = createDb(withDatabase(adminUrl, name), 5);
  const config: Config = { ...loadConfig({}), dataDir: path.resolve('.tmp', 'test-data'), ...overrides };
  const secrets = createSecrets(Buffer.from(TEST_DATA_KEY, 'base64'));
  const sent: Message[] = [];
  const real = createNotifier(db, secrets, (m) => m.to.slice(0, 3) + '***');
  const notifier = { send: async (m: Message) => (sent.push(m), real.send(m)) };
  const clock = new TestClock(new Date('2026-11-20T02:00:00Z'));
  const deps: Deps = { config, db, pool, secrets, notifier, clock };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    sent,
    anon: () => new TestClient(app),
    login: (username, password) => TestClient.signIn(app, username, password),
    async close() {
      await app.close();
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await c.end();
    },
  };
}
