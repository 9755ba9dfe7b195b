import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let auditor: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await t.anon().post('/api/auth/login', { username: 'nobody_at_all', password: 'wrong-pass' });
  await t.anon().post('/api/auth/login', { username: 'wh_clerk', password: 'wrong-pass' });
  await t.login('wh_handler');
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

describe('GET /api/audit', () => {
  it('lists sign-in successes and failures, newest first, with the chain hash', async () => {
    const r = await auditor.get('/api/audit?action=auth.login&pageSize=200');
    expect(r.status).toBe(200);
    const rows = r.body.data as any[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(r.body).toMatchObject({ page: 1, pageSize: 200, total: rows.length });
    const seqs = rows.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const unknown = rows.find((e) => e.result === 'failure' && e.detail?.reason === 'unknown_user');
    expect(unknown).toMatchObject({ actorId: null, institutionPath: null, objectType: 'user' });
    const wrong = rows.find((e) => e.result === 'failure' && e.actorName === '王芳（接待）');
    expect(wrong.detail).toEqual({ reason: 'wrong_password' });
    const ok = rows.find((e) => e.result === 'success' && e.actorName === '张伟（承办）');
    expect(ok).toMatchObject({ action: 'auth.login', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ok.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('filters by actor name or id, result, action prefix, object and time, and pages', async () => {
    const byName = await auditor.get(`/api/audit?actor=${encodeURIComponent('张伟')}&result=success`);
    expect(byName.body.data.length).toBeGreaterThan(0);
    expect(byName.body.data.every((e: any) => e.actorName === '张伟（承办）' && e.result === 'success')).toBe(true);
    const id = byName.body.data[0].actorId;
    const byId = await auditor.get(`/api/audit?actor=${id}&action=auth.*`);
    expect(byId.body.data.every((e: any) => e.actorId === id && e.action.startsWith('auth.'))).toBe(true);
    const byObject = await auditor.get(`/api/audit?objectType=user&objectId=${id}`);
    expect(byObject.body.data.length).toBeGreaterThan(0);
    const failures = await auditor.get('/api/audit?result=failure');
    expect(failures.body.data.every((e: any) => e.result === 'failure')).toBe(true);
    const future = await auditor.get('/api/audit?from=2999-01-01');
    expect(future.body).toMatchObject({ data: [], total: 0 });
    const today = new Date().toISOString().slice(0, 10);
    const window = await auditor.get(`/api/audit?from=2000-01-01&to=${today}T23:59:59Z`);
    expect(window.body.total).toBeGreaterThan(0);
    // (each search appends its own entry, so page through entries that searches do not add to)
    const p1 = await auditor.get('/api/audit?action=auth.*&pageSize=2&page=1');
    const p2 = await auditor.get('/api/audit?action=auth.*&pageSize=2&page=2');
    expect(p1.body.data).toHaveLength(2);
    expect(p2.body.data[0].seq).toBeLessThan(p1.body.data[1].seq);
    expect((await auditor.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await auditor.get('/api/audit?pageSize=1000')).status).toBe(400);
  });

  it('records each search in the log itself', async () => {
    await auditor.get('/api/audit?result=denied');
    const r = await auditor.get('/api/audit?action=audit.read&pageSize=1');
    expect(r.body.data[0]).toMatchObject({ action: 'audit.read', objectType: 'audit_log', actorName: '审计管理员' });
    expect(r.body.data[0].detail).toMatchObject({ filters: ['result'], result: 'denied' });
  });
});

describe('access', () => {
  it('answers 401 when not signed in and 403 to the system administrator and other staff', async () => {
    for (const url of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/verify']) {
      expect((await t.anon().get(url)).status).toBe(401);
    }
    const admin = await t.login('admin');
    const handler = await t.login('wh_handler');
    for (const url of ['/api/audit', '/api/audit/export.xlsx', '/api/audit/verify']) {
      expect((await admin.get(url)).status).toBe(403);
      expect((await handler.get(url)).status).toBe(403);
    }
  });
});

describe('GET /api/audit/export.xlsx', () => {
  it('exports the matching entries with Chinese headers, and records the export', async () => {
    const r = await auditor.request('GET', '/api/audit/export.xlsx?action=auth.login');
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toContain('spreadsheetml');
    expect(String(r.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const raw = await t.app.inject({ method: 'GET', url: '/api/audit/export.xlsx?action=auth.login', headers: { cookie: auditor.cookie! } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw.rawPayload as any);
    const ws = wb.getWorksheet('审计日志')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['序号', '时间（北京时间）', '操作人', '操作', '结果', '哈希']));
    const listed = await auditor.get('/api/audit?action=auth.login&pageSize=200');
    expect(ws.rowCount - 1).toBe(listed.body.total);
    const results = new Set<string>();
    ws.eachRow((row, n) => n > 1 && results.add(String(row.getCell(10).value)));
    expect([...results].every((v) => ['成功', '失败', '拒绝'].includes(v))).toBe(true);
    const logged = await auditor.get('/api/audit?action=audit.export&pageSize=1');
    expect(logged.body.data[0]).toMatchObject({ action: 'audit.export', detail: { rows: listed.body.total } });
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain and records the check', async () => {
    const r = await auditor.get('/api/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body.data.ok).toBe(true);
    expect(r.body.data.checked).toBeGreaterThan(5);
    expect(r.body.data.firstBadSeq).toBeUndefined();
    const logged = await auditor.get('/api/audit?action=audit.verify&pageSize=1');
    expect(logged.body.data[0].detail).toMatchObject({ ok: true });
  });
});
