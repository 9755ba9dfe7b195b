import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../platform/http/app.ts';
import { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { totpNow } from './totp.ts';
import { ADMIN_INITIAL_PASSWORD } from '../../demo/network.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs a handler in and answers /me with grants and permissions', async () => {
    const c = await t.login('wh_handler');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ username: 'wh_handler', next: 'done' });
    expect(me.body.data.grants[0]).toMatchObject({ role: 'case_handler', institutionName: '武汉市知识产权维权援助中心' });
    expect(me.body.csrfToken).toBeTruthy();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await t.anon().post('/api/auth/login', { username: 'nobody_here', password: 'x' });
    const b = await t.anon().post('/api/auth/login', { username: 'wh_clerk', password: 'wrong' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error.message).toBe(b.body.error.message);
    expect(a.body.error.code).toBe('invalid_credentials');
  });

  it('locks the account on the 6th wrong password in 15 minutes, for 30 minutes, across a restart', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.anon().post('/api/auth/login', { username: 'yc_handler', password: `bad${i}` })).status).toBe(401);
    }
    const sixth = await t.anon().post('/api/auth/login', { username: 'yc_handler', password: 'bad6' });
    expect(sixth.status).toBe(423);
    expect(sixth.body.error.lockedUntil).toBeTruthy();
    // A second server process on the same database sees the lock, even with the right password.
    const other = await buildApp(t.deps);
    const again = await new TestClient(other).post('/api/auth/login', { username: 'yc_handler', password: 'Hubei#Assist2026' });
    expect(again.status).toBe(423);
    await other.close();
    t.clock.advance(31 * 60_000);
    expect((await t.anon().post('/api/auth/login', { username: 'yc_handler', password: 'Hubei#Assist2026' })).status).toBe(200);
  });

  it('makes the seeded administrator change its password and enrol TOTP, then asks TOTP at the next sign-in', async () => {
    const c = await t.login('admin');
    const me = await c.get('/api/auth/me');
    expect(me.body.data).toMatchObject({ next: 'done', totpEnabled: true, mustChangePassword: false });
    const again = new TestClient(t.app);
    const r = await again.post('/api/auth/login', { username: 'admin', password: `${ADMIN_INITIAL_PASSWORD}x` });
    expect(r.body.data.next).toBe('mfa');
    // Until the second factor is given, staff routes answer 401.
    expect((await again.get('/api/auth/me')).body.data.next).toBe('mfa');
    const bad = await again.post('/api/auth/mfa', { code: '000000' });
    expect(bad.status).toBe(422);
    const ok = await again.post('/api/auth/mfa', { code: totpNow(c.totpSecret!, t.clock.now()) });
    expect(ok.body.data.next).toBe('done');
  });

  it('refuses weak staff passwords with the reasons', async () => {
    const c = await t.login('wh_reviewer');
    const r = await c.post('/api/auth/password', { currentPassword: 'Hubei#Assist2026', newPassword: 'password1' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('weak_password');
    expect(r.body.error.field).toBe('newPassword');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await t.login('wh_clerk');
    const csrf = c.csrf;
    c.csrf = undefined;
    const r = await c.post('/api/auth/logout');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('csrf_failed');
    c.csrf = csrf;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.data).toBeNull();
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const c = await t.login('wh_clerk');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).body.data).not.toBeNull();
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).body.data).toBeNull();
    const d = await t.login('wh_clerk');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await d.get('/api/auth/me');
    }
    expect((await d.get('/api/auth/me')).body.data).toBeNull();
  });
});

describe('applicant sign-up', () => {
  it('registers an organisation with a valid credit code after a code sent by SMS', async () => {
    const c = t.anon();
    const s = await c.post('/api/auth/codes', { purpose: 'register', channel: 'sms', target: '13912345678' });
    expect(s.status).toBe(200);
    const msg = t.sent.at(-1)!;
    expect(msg.to).toBe('13912345678');
    const code = msg.body.match(/\d{6}/)![0];
    const bad = await c.post('/api/auth/register', {
      partyKind: 'legal_person', displayName: '赵六', orgName: '汉阳精工', creditCode: '91420100MA4K5T2Q3A', phone: '13912345678', code, password: 'abc12345',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('creditCode');
    const ok = await c.post('/api/auth/register', {
      partyKind: 'legal_person', displayName: '赵六', orgName: '汉阳精工', creditCode: '91420100MA4K5T2Q3Q', phone: '13912345678', code, password: 'abc12345',
    });
    // the demo applicant already uses this credit code; organisations may share it (branches), phones may not
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ kind: 'applicant', phoneMasked: '139****5678', next: 'done' });
    const row = await t.deps.db.selectFrom('users').select(['phone_enc']).where('phone_masked', '=', '139****5678').executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13912345678');
    // a second code within a minute is refused; a second sign-up with the same phone names the field
    expect((await c.post('/api/auth/codes', { purpose: 'register', channel: 'sms', target: '13912345678' })).status).toBe(429);
    t.clock.advance(61_000);
    await c.post('/api/auth/codes', { purpose: 'register', channel: 'sms', target: '13912345678' });
    const code2 = t.sent.at(-1)!.body.match(/\d{6}/)![0];
    const dup = await t.anon().post('/api/auth/register', { partyKind: 'natural_person', displayName: '钱七', phone: '13912345678', code: code2, password: 'abc12345' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('phone');
  });

  it('signs an applicant in by e-mail', async () => {
    const c = await t.login('applicant@example.com');
    expect((await c.get('/api/auth/me')).body.data.kind).toBe('applicant');
  });
});
