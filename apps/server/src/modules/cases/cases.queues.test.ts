import { caseStates } from '@yuanzhi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { ok, register, userId } from './cases.test-support.ts';

let t: TestApp;
let clerk: TestClient;
let handler: TestClient;
let hbAdmin: TestClient;
let ycHandler: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [clerk, handler, hbAdmin, ycHandler] = await Promise.all(['wh_clerk', 'wh_handler', 'hb_admin', 'yc_handler'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const DAY = 86_400_000;
/** Move the clock; sessions time out meanwhile, so sign in again. */
async function advance(days: number) {
  t.clock.advance(days * DAY);
  [clerk, handler, ycHandler] = await Promise.all(['wh_clerk', 'wh_handler', 'yc_handler'].map((u) => t.login(u)));
}

describe('demo cases', () => {
  it('cover every state, each with its events and deadlines, made through the services', async () => {
    const rows = await t.deps.db.selectFrom('cases').select(['id', 'state', 'case_number']).where('summary', 'not like', '矩阵%').execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(caseStates));
    for (const r of rows.filter((x) => x.state !== 'draft')) {
      const ev = await t.deps.db.selectFrom('case_events').select(['event', 'to_state']).where('case_id', '=', r.id).orderBy('seq').execute();
      expect(ev[0].event).toBe('submit');
      expect(ev.at(-1)!.to_state).toBe(r.state);
      const dl = await t.deps.db.selectFrom('case_deadlines').select('kind').where('case_id', '=', r.id).execute();
      expect(dl.length).toBeGreaterThan(0);
    }
  });
});

describe('work queues', () => {
  it('lists the caller\'s cases by queue, sorted by deadline, in scope, with personal data masked', async () => {
    const token = `队列${Date.now()}`;
    const a = await register(clerk, { summary: `${token} 甲` });
    await ok(clerk, a, 'accept');
    await ok(hbAdmin, a, 'assign', { handlerId: await userId(t, 'wh_handler') });
    await advance(3);
    const b = await register(clerk, { summary: `${token} 乙` });
    const mine = await handler.get(`/api/cases?queue=mine&q=${encodeURIComponent(token)}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((c: { id: string }) => c.id)).toEqual([a]);
    const all = await clerk.get(`/api/cases?q=${encodeURIComponent(token)}`);
    expect(all.body.total).toBe(2);
    // b's acceptance deadline (5 working days from now) comes before a's handling deadline (30)
    expect(all.body.data.map((c: { id: string }) => c.id)).toEqual([b, a]);
    expect(all.body.data[0].applicantPhoneMasked).toBe('139****5678');
    expect(JSON.stringify(all.body)).not.toContain('13912345678');
    expect((await ycHandler.get(`/api/cases?q=${encodeURIComponent(token)}`)).body.total).toBe(0);
    const supervisor = await t.login('hb_supervisor');
    expect((await supervisor.get(`/api/cases?q=${encodeURIComponent(token)}`)).body.total).toBe(2);
    const page = await clerk.get(`/api/cases?q=${encodeURIComponent(token)}&pageSize=1&page=2`);
    expect(page.body.data.map((c: { id: string }) => c.id)).toEqual([a]);
    expect((await clerk.get('/api/cases?pageSize=101')).status).toBe(400);
    const unassigned = await clerk.get(`/api/cases?queue=unassigned&q=${encodeURIComponent(token)}`);
    expect(unassigned.body.total).toBe(0);
  });

  it('finds due-soon and overdue cases by the stored deadlines', async () => {
    const token = `期限${Date.now()}`;
    const id = await register(clerk, { summary: token }); // submitted 2026-11-2x: due 5 working days later
    const q = (queue: string) => clerk.get(`/api/cases?queue=${queue}&q=${encodeURIComponent(token)}`);
    expect((await q('due_soon')).body.total).toBe(0);
    expect((await q('overdue')).body.total).toBe(0);
    await advance(5);
    expect((await q('due_soon')).body.total).toBe(1);
    await advance(10);
    expect((await q('overdue')).body.total).toBe(1);
    expect((await q('overdue')).body.data[0].overdue).toBe(true);
    await ok(clerk, id, 'accept');
    expect((await q('overdue')).body.total).toBe(0);
    const c = await clerk.get(`/api/cases/${id}`);
    const acc = c.body.data.deadlines.find((d: { kind: string }) => d.kind === 'acceptance');
    expect(acc).toMatchObject({ status: 'met', late: true });
    expect(acc.rule.id).toBe('acceptance.5wd');
  });

  it('pauses the clock while waiting for supplementary material and explains it', async () => {
    const id = await register(clerk, { summary: `补正${Date.now()}` });
    await ok(clerk, id, 'requestSupplement', { reason: '请补充权属证明' });
    await advance(7);
    const r = await ok(clerk, id, 'supplement', { note: '申请人已现场提交权属证明' });
    const acc = r.body.data.deadlines.find((d: { kind: string }) => d.kind === 'acceptance');
    expect(acc.pausedWorkingDays).toBeGreaterThan(0);
    expect(acc.explanation.zh).toContain('等待补正');
    const stored = await t.deps.db.selectFrom('case_deadlines').select(['kind', 'status']).where('case_id', '=', id).execute();
    expect(stored).toEqual([{ kind: 'acceptance', status: 'running' }]);
  });

  it('exports the same list as .xlsx, masked', async () => {
    const token = `导出${Date.now()}`;
    await register(clerk, { summary: token });
    const r = await clerk.request('GET', `/api/cases/export.xlsx?q=${encodeURIComponent(token)}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await t.app.inject({ method: 'GET', url: `/api/cases/export.xlsx?q=${encodeURIComponent(token)}`, headers: { cookie: clerk.cookie! } })).rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(1).getCell(1).value).toBe('案件编号');
    expect(String(ws.getRow(2).getCell(7).value)).toBe('139****5678');
    expect((await handler.get('/api/cases/export.xlsx')).status).toBe(403);
  });
});
