import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { DEMO_PASSWORD } from '../../demo/network.ts';
import { HB_CENTER, institutionId, NEW_PASSWORD, ROOT, userId, WUHAN } from './users.test-helpers.ts';

let t: TestApp;
let hbAdmin: TestClient, admin: TestClient, supervisor: TestClient;
let wuhan: string, hbCenter: string, root: string;

beforeAll(async () => {
  t = await createTestApp();
  [hbAdmin, admin, supervisor] = await Promise.all([t.login('hb_admin'), t.login('admin'), t.login('hb_supervisor')]);
  [wuhan, hbCenter, root] = await Promise.all([WUHAN, HB_CENTER, ROOT].map((n) => institutionId(t, n)));
});
afterAll(() => t.close());

describe('PATCH /api/users/:id', () => {
  it('answers 401, 403 without user.manage, 404 outside scope', async () => {
    const clerk = await userId(t, 'wh_clerk');
    expect((await t.anon().patch(`/api/users/${clerk}`, { displayName: 'x' })).status).toBe(401);
    expect((await supervisor.patch(`/api/users/${clerk}`, { displayName: 'x' })).status).toBe(403);
    expect((await hbAdmin.patch(`/api/users/${await userId(t, 'auditor')}`, { displayName: 'x' })).status).toBe(404);
  });

  it('stores the phone encrypted with a keyed hash and shows it masked', async () => {
    const clerk = await userId(t, 'wh_clerk');
    const r = await hbAdmin.patch(`/api/users/${clerk}`, { displayName: '王芳', phone: '13911112222', email: 'WF@example.org' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ displayName: '王芳', phoneMasked: '139****2222', email: 'wf@example.org' });
    const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', clerk).executeTakeFirstOrThrow();
    expect(row.phone_enc).toBeTruthy();
    expect(row.phone_enc).not.toContain('13911112222');
    expect(row.phone_hmac).toBe(t.deps.secrets.hmac('13911112222'));
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', clerk).execute();
    expect(audit.at(-1)!.action).toBe('user.update');
    expect((audit.at(-1)!.detail as { fields: string[] }).fields.sort()).toEqual(['displayName', 'email', 'phone']);
    expect(JSON.stringify(audit)).not.toContain('13911112222');
    // Another account cannot take the same phone.
    const dup = await hbAdmin.patch(`/api/users/${await userId(t, 'wh_handler')}`, { phone: '13911112222' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('phone');
  });

  it('answers 400 naming the field for a bad status or e-mail', async () => {
    const clerk = await userId(t, 'wh_clerk');
    const r = await hbAdmin.patch(`/api/users/${clerk}`, { status: 'gone' });
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('status');
    expect((await hbAdmin.patch(`/api/users/${clerk}`, { email: 'nope' })).body.error.field).toBe('email');
  });

  it('disables an account: its sessions end and it cannot sign in; enabling restores it', async () => {
    const reviewer = await t.login('wh_reviewer');
    const id = await userId(t, 'wh_reviewer');
    const r = await hbAdmin.patch(`/api/users/${id}`, { status: 'disabled' });
    expect(r.status).toBe(200);
    expect(r.body.data.status).toBe('disabled');
    expect((await reviewer.get('/api/auth/me')).body.data).toBeNull();
    const login = await t.anon().post('/api/auth/login', { username: 'wh_reviewer', password: DEMO_PASSWORD });
    expect(login.status).toBe(401);
    expect((await hbAdmin.patch(`/api/users/${id}`, { status: 'active' })).status).toBe(200);
    expect((await t.anon().post('/api/auth/login', { username: 'wh_reviewer', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('refuses to disable one\'s own account', async () => {
    const r = await hbAdmin.patch(`/api/users/${await userId(t, 'hb_admin')}`, { status: 'disabled' });
    expect(r.status).toBe(409);
  });

  it('refuses to manage an account that also holds a role the actor could not grant (403)', async () => {
    const r = await admin.post('/api/users', {
      kind: 'staff', username: 'two_places', displayName: '双岗', password: NEW_PASSWORD,
      roles: [{ role: 'case_handler', institutionId: wuhan }, { role: 'system_admin', institutionId: root }],
    });
    expect(r.status).toBe(201);
    const seen = await hbAdmin.get(`/api/users/${r.body.data.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.update).toBe(false);
    const p = await hbAdmin.patch(`/api/users/${r.body.data.id}`, { status: 'disabled' });
    expect(p.status).toBe(403);
    expect(p.body.error.code).toBe('user_outranks_actor');
    expect((await hbAdmin.post(`/api/users/${r.body.data.id}/reset-password`, { password: NEW_PASSWORD })).status).toBe(403);
  });
});

describe('role assignments', () => {
  it('adds and removes a role; the last role stays; 404 outside scope; 403 escalation', async () => {
    const yc = await userId(t, 'yc_handler');
    expect((await t.anon().post(`/api/users/${yc}/roles`, { role: 'reviewer', institutionId: wuhan })).status).toBe(401);
    expect((await supervisor.post(`/api/users/${yc}/roles`, { role: 'reviewer', institutionId: wuhan })).status).toBe(403);
    const added = await hbAdmin.post(`/api/users/${yc}/roles`, { role: 'reviewer', institutionId: wuhan });
    expect(added.status).toBe(200);
    expect(added.body.data.grants.map((g: { role: string }) => g.role)).toEqual(['case_handler', 'reviewer']);
    const again = await hbAdmin.post(`/api/users/${yc}/roles`, { role: 'reviewer', institutionId: wuhan });
    expect(again.status).toBe(409);
    expect((await hbAdmin.post(`/api/users/${yc}/roles`, { role: 'reviewer', institutionId: root })).status).toBe(404);
    const esc = await hbAdmin.post(`/api/users/${yc}/roles`, { role: 'system_admin', institutionId: hbCenter });
    expect(esc.status).toBe(403);
    const wrongKind = await hbAdmin.post(`/api/users/${yc}/roles`, { role: 'expert', institutionId: hbCenter });
    expect(wrongKind.status).toBe(422);
    const reviewerGrant = added.body.data.grants.find((g: { role: string }) => g.role === 'reviewer');
    expect((await supervisor.del(`/api/users/${yc}/roles/${reviewerGrant.id}`)).status).toBe(403);
    const removed = await hbAdmin.del(`/api/users/${yc}/roles/${reviewerGrant.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.data.grants).toHaveLength(1);
    const last = await hbAdmin.del(`/api/users/${yc}/roles/${removed.body.data.grants[0].id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_role');
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', yc).execute();
    expect(actions.map((a) => a.action)).toEqual(['user.role_add', 'user.role_remove']);
  });

  it('gives TOTP-required status with an administrator role', async () => {
    const clerk = await userId(t, 'wh_clerk');
    expect((await hbAdmin.post(`/api/users/${clerk}/roles`, { role: 'institution_admin', institutionId: wuhan })).status).toBe(200);
    const row = await t.deps.db.selectFrom('users').select('totp_required').where('id', '=', clerk).executeTakeFirstOrThrow();
    expect(row.totp_required).toBe(true);
  });
});
