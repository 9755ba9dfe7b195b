import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('module visit counts', () => {
  it('counts visits per day and module, storing nothing about the visitor', async () => {
    const staff = await t.login('wh_reviewer');
    const before = (await staff.get('/api/visits')).body.data.days.at(-1).counts;
    const anon = t.anon();
    for (const m of ['home', 'home', 'policies', 'directory']) expect((await anon.post('/api/portal/visits', { module: m })).status).toBe(204);
    expect((await anon.post('/api/portal/visits', { module: 'admin' })).status).toBe(400);
    const res = await anon.request('POST', '/api/portal/visits', { module: 'home' });
    expect(res.headers['set-cookie']).toBeUndefined();
    const rows = await t.deps.db.selectFrom('page_visits').selectAll().execute();
    expect(Object.keys(rows[0]).sort()).toEqual(['count', 'day', 'module']);

    const table = (await staff.get('/api/visits')).body.data;
    const today = table.days.at(-1);
    expect(table.days).toHaveLength(30);
    const delta = Object.fromEntries(Object.entries(today.counts as Record<string, number>).map(([m, n]) => [m, n - before[m]]));
    expect(delta).toMatchObject({ home: 3, policies: 1, directory: 1, news: 0 });
    expect(table.totals.home).toBe(table.days.reduce((n: number, d: { counts: { home: number } }) => n + d.counts.home, 0));
    expect(table.days[0].total).toBeGreaterThan(0); // the demo's past visits

    const file = await t.app.inject({ method: 'GET', url: '/api/visits/export.xlsx', headers: { cookie: staff.cookie! } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('日期');
    expect(ws.getRow(1).getCell(2).value).toBe('首页');
    expect(ws.getRow(31).getCell(2).value).toBe(today.counts.home);
  });

  it('is shown to staff with the right only, and rejects a reversed range', async () => {
    expect((await t.anon().get('/api/visits')).status).toBe(401);
    expect((await (await t.login('wh_clerk')).get('/api/visits')).status).toBe(403);
    const bad = await (await t.login('wh_reviewer')).get('/api/visits?from=2026-05-01&to=2026-04-01');
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('from');
  });
});
