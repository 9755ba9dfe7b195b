import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildApp, type App } from './app.ts';
import { CONTENT_SECURITY_POLICY, HSTS } from './security-headers.ts';

let t: TestApp;
let proxied: App;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await buildApp({ ...t.deps, config: { ...t.deps.config, trustProxy: true } });
});
afterAll(async () => {
  await proxied.close();
  await t.close();
});

function csp(header: unknown): Map<string, string> {
  return new Map(String(header).split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, nosniff and no HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/', '/console/cases', '/api/nothing']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      const d = csp(r.headers['content-security-policy']);
      expect(d.get('frame-ancestors'), url).toBe("'none'");
      expect(d.get('script-src'), url).toBe("'self'");
      expect(d.get('object-src'), url).toBe("'none'");
      expect(r.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS when a trusted proxy says the browser came over HTTPS', async () => {
    const r = await proxied.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers['strict-transport-security']).toBe(HSTS);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('ignores X-Forwarded-Proto from an untrusted client', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(r.headers['strict-transport-security']).toBeUndefined();
  });
});
