import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('HTTP edge', () => {
  it('refuses bodies over the limit with 413 and a Chinese message', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' });
    const r = await t.anon().request('POST', '/api/auth/login', big, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.body.error.message).toBe('提交的内容过大');
  });

  it('answers malformed JSON and unsupported content types with 4xx, never 500', async () => {
    const bad = await t.anon().request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.messageEn).toBeTruthy();
    const xml = await t.anon().request('POST', '/api/auth/login', '<a/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
  });

  it('answers unknown API paths with a JSON 404 and sets the request id and safety headers', async () => {
    const r = await t.anon().get('/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(r.headers['x-request-id']).toBe(r.body.error.requestId);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a NUL character naming the field', async () => {
    const r = await t.anon().post('/api/auth/login', { username: 'a\u0000b', password: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('username');
  });

  it('keeps passwords, phones and cookies out of the log', async () => {
    const out = new PassThrough();
    let log = '';
    out.on('data', (d) => (log += d));
    const app = await buildApp({ ...t.deps, config: { ...t.deps.config, logLevel: 'trace' } }, { logger: true, logStream: out });
    await app.inject({
      method: 'POST', url: '/api/auth/register',
      headers: { cookie: 'yz_sid=secret-cookie-value' },
      payload: { partyKind: 'natural_person', displayName: '张三', phone: '13700001111', code: '123456', password: 'Secret#Pass99' },
    });
    await app.close();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('secret-cookie-value');
    expect(log).not.toContain('13700001111');
    expect(log).not.toContain('Secret#Pass99');
  });
});
