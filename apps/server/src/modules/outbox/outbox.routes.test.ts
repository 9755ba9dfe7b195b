import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../platform/http/app.ts';
import { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { maskCodes } from './outbox.routes.ts';

let t: TestApp;
let configured: App;

beforeAll(async () => {
  t = await createTestApp();
  // The same database served as a deployment with SMTP configured.
  configured = await buildApp({ ...t.deps, config: { ...t.deps.config, smtpUrl: 'smtp://mail.example.org:587' } });
  await configured.ready();
  await t.anon().post('/api/auth/codes', { purpose: 'register', channel: 'sms', target: '13912340000' });
});
afterAll(async () => {
  await configured.close();
  await t.close();
});

/** The same session, talking to the other app. */
const on = (app: App, c: TestClient) => Object.assign(new TestClient(app), { cookie: c.cookie, csrf: c.csrf });

describe('GET /api/outbox', () => {
  it('is the developers\' inbox in embedded mode: anyone sees the latest messages, recipients masked', async () => {
    const r = await t.anon().get('/api/outbox');
    expect(r.status).toBe(200);
    const m = r.body.data[0];
    expect(m).toMatchObject({ channel: 'sms', status: 'kept', recipientMasked: '139***' });
    expect(m.body).toMatch(/验证码 \d{6}/);
    expect(r.raw).not.toContain('13912340000');
    expect(Object.keys(m).sort()).toEqual(['body', 'channel', 'createdAt', 'id', 'recipientMasked', 'status', 'subject']);
  });

  it('answers 404 when SMTP is configured, to anyone without outbox.read', async () => {
    expect((await new TestClient(configured).get('/api/outbox')).status).toBe(404);
    const handler = await t.login('wh_handler');
    expect((await on(configured, handler).get('/api/outbox')).status).toBe(404);
  });

  it('answers the system administrator (outbox.read) with verification codes hidden', async () => {
    const admin = await t.login('admin');
    const r = await on(configured, admin).get('/api/outbox');
    expect(r.status).toBe(200);
    expect(r.body.data[0].body).not.toMatch(/\d{6}/);
    expect(r.body.data[0].body).toContain('******');
    expect(maskCodes('验证码 123456，10 分钟')).toBe('验证码 ******，10 分钟');
  });

  it('keeps to the latest 100', async () => {
    const now = t.deps.clock.now();
    await t.deps.db
      .insertInto('outbox')
      .values(Array.from({ length: 120 }, (_, i) => ({
        channel: 'email' as const, recipient_enc: 'x', recipient_masked: 'a***@example.org', subject: `s${i}`, body: 'b', error: null, sent_at: null, created_at: now,
      })))
      .execute();
    expect((await t.anon().get('/api/outbox')).body.data).toHaveLength(100);
  });
});
