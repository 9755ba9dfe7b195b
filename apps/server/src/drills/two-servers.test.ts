import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../platform/http/app.ts';
import { createDb } from '../platform/db.ts';
import { TestClient } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { APPLICANT, fullDraft, submit } from '../modules/portal-cases/portal.test-support.ts';

/**
 * Drill 2: two server instances, each with its own connection pool, on one database; requests alternate.
 * State that must be shared (sessions, lock-outs, rate-limit windows, idempotency keys) lives in the
 * database, so the pair behaves as one server. (Jobs across two processes: jobs.pgboss.test.ts.)
 */
let t: TestApp;
let b: App;
let closeB: () => Promise<void>;
beforeAll(async () => {
  t = await createTestApp();
  const { db, pool } = createDb(String(t.deps.pool.options.connectionString), 5);
  b = await buildApp({ ...t.deps, db, pool });
  await b.ready();
  closeB = async () => {
    await b.close();
    await db.destroy();
  };
});
afterAll(async () => {
  await closeB();
  await t.close();
});

/** One browser whose requests go alternately to server A and server B (same cookie jar). */
function alternating(c: TestClient): TestClient {
  let n = 0;
  const apps = [t.app, b];
  return new Proxy(c, {
    get(target, prop, recv) {
      if (prop === 'app') return apps[n++ % 2];
      return Reflect.get(target, prop, recv);
    },
  });
}

const casesOfApplicant = async () => Number((await t.deps.db.selectFrom('cases').innerJoin('users', 'users.id', 'cases.applicant_user_id')
  .where('users.email', '=', APPLICANT).where('cases.case_number', 'is not', null).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('two servers on one database', () => {
  it('a session opened on A works on B, and a sign-out on B ends it on A', async () => {
    const c = await TestClient.signIn(t.app, 'wh_handler');
    const onB = Object.assign(new TestClient(b), { cookie: c.cookie, csrf: c.csrf });
    expect((await onB.get('/api/auth/me')).body.data.username).toBe('wh_handler');
    expect((await onB.post('/api/auth/logout', {})).status).toBeLessThan(300);
    expect((await c.get('/api/auth/me')).body.data).toBeNull();
  });

  it('wrong passwords spread over both servers lock the account after the same count', async () => {
    const tries = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? b : t.app;
      tries.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wh_clerk', password: `Wrong#Pass${i}` } })).statusCode);
    }
    expect(tries.slice(0, 5).every((s) => s === 401)).toBe(true);
    const right = await b.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wh_clerk', password: 'Hubei#Assist2026' } });
    const rightOnA = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'wh_clerk', password: 'Hubei#Assist2026' } });
    expect([right.statusCode, rightOnA.statusCode]).toEqual([423, 423]);
  });

  it('a rate limit counts the requests of both servers together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const app = i % 2 ? b : t.app;
      const r = await app.inject({
        method: 'POST', url: '/api/auth/reset-password',
        payload: { channel: 'email', target: `nobody${i}@example.com`, code: '000000', newPassword: 'Another#Pass2026' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20).includes(429)).toBe(false);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('one idempotency key sent to both servers at once makes exactly one case', async () => {
    const me = await TestClient.signIn(t.app, APPLICANT);
    const id = await fullDraft(me);
    const both = alternating(me);
    const key = `two-servers-${Date.now()}`;
    const before = await casesOfApplicant();
    const answers = await Promise.all([submit(both, id, key), submit(both, id, key), submit(both, id, key), submit(both, id, key)]);
    // The first to claim the key makes the case (201); the others replay its answer (200) or, still running, 409.
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    const receipts = answers.filter((r) => r.status < 300).map((r) => r.body.data);
    for (const r of receipts) expect(r).toEqual(receipts[0]);
    expect(await casesOfApplicant()).toBe(before + 1);
  });
});
