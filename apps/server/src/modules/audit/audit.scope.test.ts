import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hashPassword } from '../auth/password.ts';
import { recordAudit, type AuditContext } from './audit.record.ts';

let t: TestApp;
let whAuditor: TestClient;
let root: TestClient;
const paths: Record<string, { id: string; path: string }> = {};
const PASSWORD = 'Wuhan#Audit2026';

async function institution(name: string) {
  const r = await t.deps.db.selectFrom('institutions').select(['id', 'path']).where('name', '=', name).executeTakeFirstOrThrow();
  return { id: r.id, path: r.path };
}

beforeAll(async () => {
  t = await createTestApp();
  paths.wh = await institution('武汉市知识产权维权援助中心');
  paths.whPark = await institution('东湖高新区光谷知识产权维权援助工作站');
  paths.yc = await institution('宜昌市知识产权维权援助中心');
  paths.hb = await institution('湖北省知识产权维权援助中心');
  const db = t.deps.db;
  const user = await db
    .insertInto('users')
    .values({
      kind: 'staff', username: 'wh_auditor', display_name: '武汉审计员', email: null, password_hash: await hashPassword(PASSWORD),
      phone_enc: null, phone_hmac: null, phone_masked: null, party_kind: null, org_name: null, credit_code: null,
      totp_secret_enc: null, locked_until: null, last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_assignments').values({ user_id: user.id, role: 'audit_admin', institution_id: paths.wh.id }).execute();
  const ctx: AuditContext = { actorId: null, actorName: 'seed', institutionId: null, institutionPath: null, ip: null, requestId: null };
  for (const [key, p] of Object.entries(paths)) {
    await recordAudit(db, ctx, { action: 'test.scoped', objectType: 'thing', objectId: key, institutionId: p.id, institutionPath: p.path });
  }
  await recordAudit(db, ctx, { action: 'test.scoped', objectType: 'thing', objectId: 'none' });
  await t.anon().post('/api/auth/login', { username: 'no_such_person', password: 'x' });
  whAuditor = await t.login('wh_auditor', PASSWORD);
  root = await t.login('auditor');
});
afterAll(() => t.close());

const ids = (r: { body: { data: { objectId: string }[] } }) => r.body.data.map((e) => e.objectId).sort();

describe('an audit admin below the root', () => {
  it('sees only the entries of its own subtree, not those above, beside or without an institution', async () => {
    const r = await whAuditor.get('/api/audit?action=test.scoped');
    expect(r.status).toBe(200);
    expect(ids(r)).toEqual(['wh', 'whPark']);
    expect(r.body.total).toBe(2);
    const all = await whAuditor.get('/api/audit?pageSize=200');
    expect(all.body.data.every((e: any) => e.institutionPath && e.institutionPath.startsWith(paths.wh.path))).toBe(true);
    expect(all.body.data.some((e: any) => e.detail?.reason === 'unknown_user')).toBe(false);
  });

  it('exports only its subtree', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/audit/export.xlsx?action=test.scoped', headers: { cookie: whAuditor.cookie! } });
    expect(r.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as any);
    const ws = wb.getWorksheet(1)!;
    const objectIds: string[] = [];
    ws.eachRow((row, n) => n > 1 && objectIds.push(String(row.getCell(9).value)));
    expect(objectIds.sort()).toEqual(['wh', 'whPark']);
  });

  it('has its own reads recorded under its institution, so it can see them', async () => {
    const r = await whAuditor.get('/api/audit?action=audit.read');
    expect(r.body.data.length).toBeGreaterThan(0);
    expect(r.body.data[0]).toMatchObject({ actorName: '武汉审计员', institutionPath: paths.wh.path });
  });
});

describe('the audit admin at the root', () => {
  it('sees every entry, those without an institution included', async () => {
    const r = await root.get('/api/audit?action=test.scoped');
    expect(ids(r)).toEqual(['hb', 'none', 'wh', 'whPark', 'yc']);
    const unknown = await root.get('/api/audit?result=failure&action=auth.login');
    expect(unknown.body.data.some((e: any) => e.detail?.reason === 'unknown_user')).toBe(true);
  });
});
