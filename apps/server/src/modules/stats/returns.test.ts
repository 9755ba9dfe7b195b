import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { institutionId, WH } from '../cases/cases.test-support.ts';

let t: TestApp;
let wh: string;
let hb: string;
beforeAll(async () => {
  t = await createTestApp();
  wh = await institutionId(t, WH);
  hb = await institutionId(t, '湖北省知识产权维权援助中心');
});
afterAll(() => t?.close());

const draft = (over: Record<string, unknown> = {}) => ({
  institutionId: wh, period: '2026-Q3', fundsSpent: 12.5, narrative: '第三季度开展维权援助工作情况。',
  practices: [{ title: '展会快速维权', text: '在光博会设立服务站，现场受理纠纷。' }], submit: false, ...over,
});

describe('statistical returns: file, return with a comment, correct, accept, lock', () => {
  it('runs the whole round', async () => {
    const filer = await t.login('wh_reviewer');
    const view0 = (await filer.get(`/api/stats/returns/view?institutionId=${wh}&period=2026-Q3`)).body.data;
    expect(view0.status).toBe('none');
    expect(view0.dueOn).toBe('2026-10-15');
    expect(view0.abilities).toMatchObject({ save: true, submit: true, review: false });
    expect(typeof view0.figures['cases.accepted']).toBe('number');

    expect((await filer.put('/api/stats/returns', draft())).status).toBe(200);
    const submitted = await filer.put('/api/stats/returns', draft({ submit: true }));
    expect(submitted.body.data.status).toBe('submitted');
    const id = submitted.body.data.id as string;
    // Submitted: frozen for the filer.
    const again = await filer.put('/api/stats/returns', draft({ narrative: '改' }));
    expect(again.status).toBe(409);

    // The filer cannot review its own return; the parent can.
    expect((await filer.post(`/api/stats/returns/${id}/review`, { decision: 'accept' })).status).toBe(403);
    const parent = await t.login('hb_admin');
    const noComment = await parent.post(`/api/stats/returns/${id}/review`, { decision: 'return' });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.field).toBe('comment');
    expect((await parent.post(`/api/stats/returns/${id}/review`, { decision: 'return', comment: '经费数据请核实' })).status).toBe(200);

    const back = (await filer.get(`/api/stats/returns/view?institutionId=${wh}&period=2026-Q3`)).body.data;
    expect(back.status).toBe('returned');
    expect(back.reviewComment).toBe('经费数据请核实');
    expect(back.history.map((h: { action: string }) => h.action)).toEqual(['save', 'submit', 'return']);

    expect((await filer.put('/api/stats/returns', draft({ fundsSpent: 10, submit: true }))).status).toBe(200);
    const sup = await t.login('hb_supervisor');
    expect((await sup.post(`/api/stats/returns/${id}/review`, { decision: 'accept' })).status).toBe(200);

    // Accepted: locked for everyone, and rolled up into the parent's return.
    expect((await filer.put('/api/stats/returns', draft({ submit: true }))).status).toBe(409);
    expect((await sup.post(`/api/stats/returns/${id}/review`, { decision: 'return', comment: 'x' })).status).toBe(409);
    const up = (await parent.get(`/api/stats/returns/view?institutionId=${hb}&period=2026-Q3`)).body.data;
    expect(up.rollup.fundsSpent).toBe(10);
    expect(up.rollup.returns[0].practices[0].title).toBe('展会快速维权');

    const board = (await sup.get('/api/stats/returns?period=2026-Q3')).body.data as { institutionName: string; status: string; overdue: boolean }[];
    expect(board.find((b) => b.institutionName === WH)).toMatchObject({ status: 'accepted', overdue: false });
    expect(board.find((b) => b.institutionName === '宜昌市知识产权维权援助中心')).toMatchObject({ status: 'missing', overdue: true });
    // Workstations file within their parent's return.
    expect(board.some((b) => b.institutionName.includes('工作站'))).toBe(false);
  });

  it('keeps returns inside the scope and refuses a period that has not ended', async () => {
    const yc = await t.login('yc_handler');
    expect((await yc.get(`/api/stats/returns/view?institutionId=${wh}&period=2026-Q3`)).status).toBe(404);
    const filer = await t.login('wh_reviewer');
    const early = await filer.put('/api/stats/returns', draft({ period: '2026-Q4' }));
    expect(early.status).toBe(422);
    expect(early.body.error.field).toBe('period');
    const handler = await t.login('wh_handler');
    expect((await handler.put('/api/stats/returns', draft())).status).toBe(403);
  });

  it('reminds the filers of missing returns once a day', async () => {
    const first = await t.runJobNow('return-reminders');
    expect(first).toBeGreaterThan(0);
    expect(await t.runJobNow('return-reminders')).toBe(0);
    const yc = await t.deps.db.selectFrom('notifications').select(['kind', 'title']).where('kind', '=', 'return_due').execute();
    expect(yc.some((n) => n.title.includes('2026年第三季度'))).toBe(true);
  });
});
