import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../authz/can.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { HB_CENTER, institutionId, NATIONAL_OVERSEAS, NEW_PASSWORD, ROOT, userId, WUHAN } from './users.test-helpers.ts';

let t: TestApp;
let hbAdmin: TestClient, admin: TestClient, supervisor: TestClient, handler: TestClient;
let wuhan: string, hbCenter: string, root: string, overseas: string;

beforeAll(async () => {
  t = await createTestApp();
  [hbAdmin, admin, supervisor, handler] = await Promise.all([t.login('hb_admin'), t.login('admin'), t.login('hb_supervisor'), t.login('wh_handler')]);
  [wuhan, hbCenter, root, overseas] = await Promise.all([WUHAN, HB_CENTER, ROOT, NATIONAL_OVERSEAS].map((n) => institutionId(t, n)));
});
afterAll(() => t.close());

const newUser = (username: string, roles: { role: string; institutionId: string }[], extra: Record<string, unknown> = {}) => ({
  kind: 'staff', username, displayName: '新同事', password: NEW_PASSWORD, roles, ...extra,
});

describe('GET /api/users', () => {
  it('answers 401 signed out and 403 without user.read', async () => {
    expect((await t.anon().get('/api/users')).status).toBe(401);
    expect((await handler.get('/api/users')).status).toBe(403);
  });

  it('lists only users holding a role in scope, never applicants', async () => {
    const r = await hbAdmin.get('/api/users?pageSize=100');
    expect(r.status).toBe(200);
    const names = r.body.data.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['wh_clerk', 'yc_handler', 'hb_admin', 'expert_wu']));
    expect(names).not.toContain('secadmin');
    expect(names).not.toContain('hb_supervisor'); // at the provincial office, above the centre
    expect(names).not.toContain(null);
    expect(r.body.total).toBe(names.length);
    const all = await admin.get('/api/users?pageSize=100');
    expect(all.body.data.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['secadmin', 'auditor', 'hb_supervisor']));
  });

  it('filters by role, institution, kind and text, and pages', async () => {
    const byRole = await hbAdmin.get('/api/users?role=case_handler');
    expect(byRole.body.data.map((u: { username: string }) => u.username).sort()).toEqual(['wh_handler', 'yc_handler']);
    const byInst = await hbAdmin.get(`/api/users?institutionId=${wuhan}&kind=staff`);
    expect(byInst.body.data.map((u: { username: string }) => u.username).sort()).toEqual(['wh_clerk', 'wh_handler', 'wh_reviewer']);
    expect((await hbAdmin.get(`/api/users?q=${encodeURIComponent('张伟')}`)).body.data[0].username).toBe('wh_handler');
    const page = await hbAdmin.get('/api/users?pageSize=2&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.data).toHaveLength(2);
  });

  it('answers 400 naming the field, in Chinese, for malformed filters', async () => {
    const r = await hbAdmin.get('/api/users?pageSize=1000');
    expect(r.status).toBe(400);
    expect(r.body.error.field).toBe('pageSize');
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('GET /api/users/:id', () => {
  it('shows a user in scope with grants and abilities; 404 outside scope; 400 on a bad id', async () => {
    const clerk = await userId(t, 'wh_clerk');
    const r = await hbAdmin.get(`/api/users/${clerk}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ username: 'wh_clerk', status: 'active', grants: [{ role: 'intake_clerk', institutionName: WUHAN }] });
    expect(r.body.abilities).toMatchObject({ update: true, resetPassword: true, unlock: false, reveal: true });
    expect((await hbAdmin.get(`/api/users/${await userId(t, 'secadmin')}`)).status).toBe(404);
    expect((await supervisor.get(`/api/users/${clerk}`)).body.abilities.update).toBe(false);
    const bad = await hbAdmin.get('/api/users/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('id');
  });
});

describe('POST /api/users', () => {
  it('answers 401 signed out and 403 without user.manage', async () => {
    expect((await t.anon().post('/api/users', newUser('someone', [{ role: 'case_handler', institutionId: wuhan }]))).status).toBe(401);
    expect((await supervisor.post('/api/users', newUser('someone', [{ role: 'case_handler', institutionId: wuhan }]))).status).toBe(403);
  });

  it('creates a staff user with a lower-case name who must change the password, and audits it', async () => {
    const r = await hbAdmin.post('/api/users', newUser('Wh_Handler2', [{ role: 'case_handler', institutionId: wuhan }], { email: 'H2@Example.org', phone: '13700001111' }));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ username: 'wh_handler2', email: 'h2@example.org', phoneMasked: '137****1111', grants: [{ role: 'case_handler', institutionId: wuhan }] });
    const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', r.body.data.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ must_change_password: true, totp_required: false });
    expect(row.phone_enc).not.toContain('13700001111');
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', r.body.data.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.create']);
    expect(JSON.stringify(audit)).not.toContain('13700001111');
    const first = await t.anon().post('/api/auth/login', { username: 'wh_handler2', password: NEW_PASSWORD });
    expect(first.body.data.next).toBe('change_password');
  });

  it('refuses a taken user name (409 username), a weak password (422) and malformed input (400 with the field)', async () => {
    const dup = await hbAdmin.post('/api/users', newUser('WH_CLERK', [{ role: 'case_handler', institutionId: wuhan }]));
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('username');
    const weak = await hbAdmin.post('/api/users', newUser('weakling', [{ role: 'case_handler', institutionId: wuhan }], { password: 'password1' }));
    expect(weak.status).toBe(422);
    expect(weak.body.error.field).toBe('password');
    const phone = await hbAdmin.post('/api/users', newUser('badphone', [{ role: 'case_handler', institutionId: wuhan }], { phone: '12345' }));
    expect(phone.status).toBe(400);
    expect(phone.body.error.field).toBe('phone');
    expect(phone.body.error.message).toMatch(/^phone：.*[\u4e00-\u9fa5]/);
    const noRoles = await hbAdmin.post('/api/users', newUser('noroles', []));
    expect(noRoles.status).toBe(400);
    expect(noRoles.body.error.field).toBe('roles');
  });

  it('answers 404 for an institution outside the scope', async () => {
    const r = await hbAdmin.post('/api/users', newUser('outsider', [{ role: 'case_handler', institutionId: overseas }]));
    expect(r.status).toBe(404);
  });

  it('refuses privilege escalation: a role with a permission the actor lacks there', async () => {
    for (const role of ['system_admin', 'audit_admin', 'security_admin']) {
      const r = await hbAdmin.post('/api/users', newUser(`esc_${role}`, [{ role, institutionId: hbCenter }]));
      expect(r.status, role).toBe(403);
      expect(r.body.error.code).toBe('role_not_grantable');
    }
    // The system administrator lacks audit.read and user.security: it cannot make those administrators.
    expect((await admin.post('/api/users', newUser('new_auditor', [{ role: 'audit_admin', institutionId: root }]))).status).toBe(403);
    expect((await admin.post('/api/users', newUser('new_secadmin', [{ role: 'security_admin', institutionId: root }]))).status).toBe(403);
    // An institution administrator may make another one below, which then needs TOTP.
    const ok = await hbAdmin.post('/api/users', newUser('wh_admin', [{ role: 'institution_admin', institutionId: wuhan }]));
    expect(ok.status).toBe(201);
    const row = await t.deps.db.selectFrom('users').select('totp_required').where('id', '=', ok.body.data.id).executeTakeFirstOrThrow();
    expect(row.totp_required).toBe(true);
  });

  it('never puts two of the three separated administrator roles on one user', async () => {
    const both = await admin.post('/api/users', newUser('two_hats', [{ role: 'system_admin', institutionId: root }, { role: 'security_admin', institutionId: root }]));
    expect(both.status).toBe(409);
    expect(both.body.error.code).toBe('admin_roles_separated');
    const auditor = await userId(t, 'auditor');
    const add = await admin.post(`/api/users/${auditor}/roles`, { role: 'system_admin', institutionId: root });
    expect(add.status).toBe(409);
    expect(add.body.error.code).toBe('admin_roles_separated');
  });

  it('keeps the system administrator out of the audit log', async () => {
    const me = await admin.get('/api/auth/me');
    expect(me.body.data.permissions).not.toContain('audit.read');
    const actor = { userId: me.body.data.id, kind: 'staff' as const, displayName: 'x', sessionId: 'x', grants: [{ role: 'system_admin' as const, institutionId: root, institutionPath: 'cn' }] };
    expect(can(actor, 'audit.read')).toBe(false);
    expect(can(actor, 'audit.export')).toBe(false);
    if (t.app.declaredRoutes.some((r) => r.method === 'GET' && r.url === '/api/audit')) {
      expect((await admin.get('/api/audit')).status).toBe(403);
    }
  });
});

describe('GET /api/roles', () => {
  it('lists roles with names and permissions for staff only', async () => {
    expect((await t.anon().get('/api/roles')).status).toBe(401);
    const applicant = await t.login('applicant@example.com');
    expect((await applicant.get('/api/roles')).status).toBe(403);
    const r = await handler.get('/api/roles');
    expect(r.status).toBe(200);
    expect(r.body.data.find((x: { role: string }) => x.role === 'audit_admin')).toMatchObject({ name: { zh: '审计管理员' }, permissions: ['institution.read', 'audit.read', 'audit.export'] });
  });
});
