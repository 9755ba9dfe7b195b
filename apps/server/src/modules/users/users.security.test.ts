import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/network.ts';
import { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { institutionId, NEW_PASSWORD, userId, WUHAN } from './users.test-helpers.ts';

let t: TestApp;
let hbAdmin: TestClient, secadmin: TestClient, supervisor: TestClient;
let applicantId: string;

beforeAll(async () => {
  t = await createTestApp();
  [hbAdmin, secadmin, supervisor] = await Promise.all([t.login('hb_admin'), t.login('secadmin'), t.login('hb_supervisor')]);
  const a = await t.deps.db.selectFrom('users').select('id').where('kind', '=', 'applicant').executeTakeFirstOrThrow();
  applicantId = a.id;
});
afterAll(() => t.close());

describe('POST /api/users/:id/reset-password', () => {
  it('answers 401, 403 without user.manage or user.security, 404 outside scope or for applicants', async () => {
    const clerk = await userId(t, 'wh_clerk');
    expect((await t.anon().post(`/api/users/${clerk}/reset-password`, { password: NEW_PASSWORD })).status).toBe(401);
    expect((await supervisor.post(`/api/users/${clerk}/reset-password`, { password: NEW_PASSWORD })).status).toBe(403);
    expect((await hbAdmin.post(`/api/users/${await userId(t, 'secadmin')}/reset-password`, { password: NEW_PASSWORD })).status).toBe(404);
    expect((await secadmin.post(`/api/users/${applicantId}/reset-password`, { password: NEW_PASSWORD })).status).toBe(404);
  });

  it('sets a temporary password: sessions end and the next sign-in must change it', async () => {
    const clerkClient = await t.login('wh_clerk');
    const clerk = await userId(t, 'wh_clerk');
    const weak = await hbAdmin.post(`/api/users/${clerk}/reset-password`, { password: 'abc' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.field).toBe('password');
    const missing = await hbAdmin.post(`/api/users/${clerk}/reset-password`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('password');
    expect((await hbAdmin.post(`/api/users/${clerk}/reset-password`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await clerkClient.get('/api/auth/me')).body.data).toBeNull();
    expect((await t.anon().post('/api/auth/login', { username: 'wh_clerk', password: DEMO_PASSWORD })).status).toBe(401);
    const r = await t.anon().post('/api/auth/login', { username: 'wh_clerk', password: NEW_PASSWORD });
    expect(r.status).toBe(200);
    expect(r.body.data.next).toBe('change_password');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', clerk).where('action', '=', 'user.reset_password').execute();
    expect(audit).toHaveLength(1);
  });

  it('lets the security administrator reset any staff password in scope', async () => {
    const handler = await userId(t, 'wh_handler');
    expect((await secadmin.post(`/api/users/${handler}/reset-password`, { password: NEW_PASSWORD })).status).toBe(200);
    const r = await t.anon().post('/api/auth/login', { username: 'wh_handler', password: NEW_PASSWORD });
    expect(r.body.data.next).toBe('change_password');
  });
});

describe('POST /api/users/:id/unlock', () => {
  it('answers 401, 403 without user.security, 404 for an applicant; unlocking lets a locked user sign in', async () => {
    const yc = await userId(t, 'yc_handler');
    expect((await t.anon().post(`/api/users/${yc}/unlock`)).status).toBe(401);
    expect((await hbAdmin.post(`/api/users/${yc}/unlock`)).status).toBe(403);
    expect((await secadmin.post(`/api/users/${applicantId}/unlock`)).status).toBe(404);
    for (let i = 0; i < 6; i++) await t.anon().post('/api/auth/login', { username: 'yc_handler', password: `wrong${i}` });
    expect((await t.anon().post('/api/auth/login', { username: 'yc_handler', password: DEMO_PASSWORD })).status).toBe(423);
    const seen = await secadmin.get(`/api/users/${yc}`);
    expect(seen.body.data.lockedUntil).toBeTruthy();
    expect(seen.body.abilities.unlock).toBe(true);
    expect((await secadmin.post(`/api/users/${yc}/unlock`)).status).toBe(200);
    expect((await secadmin.get(`/api/users/${yc}`)).body.data.lockedUntil).toBeNull();
    expect((await t.anon().post('/api/auth/login', { username: 'yc_handler', password: DEMO_PASSWORD })).status).toBe(200);
  });
});

describe('POST /api/users/:id/reset-mfa', () => {
  it('answers 401, 403, 404; removes the TOTP secret so the user enrols again', async () => {
    const created = await hbAdmin.post('/api/users', {
      kind: 'staff', username: 'wh_admin2', displayName: '武汉管理员', password: NEW_PASSWORD,
      roles: [{ role: 'institution_admin', institutionId: await institutionId(t, WUHAN) }],
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const c = await TestClient.signIn(t.app, 'wh_admin2', NEW_PASSWORD); // changes the password, enrols TOTP
    expect((await c.get('/api/auth/me')).body.data.totpEnabled).toBe(true);
    expect((await t.anon().post(`/api/users/${id}/reset-mfa`)).status).toBe(401);
    expect((await hbAdmin.post(`/api/users/${id}/reset-mfa`)).status).toBe(403);
    expect((await secadmin.post(`/api/users/${applicantId}/reset-mfa`)).status).toBe(404);
    expect((await secadmin.post(`/api/users/${id}/reset-mfa`)).status).toBe(200);
    const row = await t.deps.db.selectFrom('users').select(['totp_enabled', 'totp_secret_enc']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_enabled: false, totp_secret_enc: null });
    expect((await c.get('/api/auth/me')).body.data).toBeNull();
    const again = await t.anon().post('/api/auth/login', { username: 'wh_admin2', password: `${NEW_PASSWORD}x` });
    expect(again.body.data.next).toBe('mfa_setup');
  });
});

describe('POST /api/users/:id/reveal', () => {
  it('answers 401, 403 without pii.reveal, 404 outside scope, 400 for another field', async () => {
    const clerk = await userId(t, 'wh_clerk');
    expect((await t.anon().post(`/api/users/${clerk}/reveal`, { field: 'phone' })).status).toBe(401);
    expect((await secadmin.post(`/api/users/${clerk}/reveal`, { field: 'phone' })).status).toBe(403);
    expect((await hbAdmin.post(`/api/users/${await userId(t, 'auditor')}/reveal`, { field: 'phone' })).status).toBe(404);
    const bad = await hbAdmin.post(`/api/users/${clerk}/reveal`, { field: 'password_hash' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('field');
  });

  it('shows the phone in clear, writes a user.reveal entry naming the field only, and keeps it encrypted at rest', async () => {
    const yc = await userId(t, 'yc_handler');
    expect((await hbAdmin.patch(`/api/users/${yc}`, { phone: '13655556666' })).status).toBe(200);
    const list = await hbAdmin.get('/api/users?q=yc_handler');
    expect(list.raw).not.toContain('13655556666');
    expect(list.body.data[0].phoneMasked).toBe('136****6666');
    const r = await hbAdmin.post(`/api/users/${yc}/reveal`, { field: 'phone' });
    expect(r.status).toBe(200);
    expect(r.body.data.phone).toBe('13655556666');
    const entry = await t.deps.db
      .selectFrom('audit_log').selectAll().where('object_id', '=', yc).where('action', '=', 'user.reveal').executeTakeFirstOrThrow();
    expect(entry.detail).toEqual({ field: 'phone' });
    expect(entry.actor_name).toBe('李静（省中心管理员）');
    expect(JSON.stringify(entry)).not.toContain('13655556666');
    const row = await t.deps.db.selectFrom('users').select(['phone_enc', 'phone_masked']).where('id', '=', yc).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13655556666');
    expect(row.phone_enc!.startsWith('v1:')).toBe(true);
    expect(t.deps.secrets.decrypt(row.phone_enc!)).toBe('13655556666');
  });
});
