import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let clerk: TestClient;
let yc: TestClient;
let supervisor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, yc, supervisor] = await Promise.all(['wh_clerk', 'yc_handler', 'hb_supervisor'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const hotline = { channel: 'hotline', topic: 'dispute', ipType: 'trademark', question: '我们的注册商标被网店卖家冒用，先向平台投诉还是起诉？' };

describe('the consultation desk', () => {
  it('records a hotline consultation with defaults; the contact is encrypted at rest and masked on screen', async () => {
    const r = await clerk.post('/api/consultations', { ...hotline, answer: '先固定证据，再向平台投诉。', minutesSpent: 4, askerContact: '13812345678' });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ channel: 'hotline', askerKind: 'unknown', status: 'answered', askerContactMasked: '138****5678', minutesSpent: 4 });
    expect(r.body.data.institution.name).toBe('武汉市知识产权维权援助中心');
    expect(r.body.data.messages.map((m: { author: string }) => m.author)).toEqual(['asker', 'staff']);
    const row = await t.deps.db.selectFrom('consultations').selectAll().where('id', '=', r.body.data.id).executeTakeFirstOrThrow();
    expect(row.asker_contact_enc).not.toContain('13812345678');
    expect(t.deps.secrets.decrypt(row.asker_contact_enc!)).toBe('13812345678');
    const audit = await t.deps.db.selectFrom('audit_log').select('detail').where('object_id', '=', r.body.data.id).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('138');
  });

  it('names the field of bad input in both languages, and refuses online and future consultations', async () => {
    const empty = await clerk.post('/api/consultations', { ...hotline, question: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.raw).toContain('question');
    const online = await clerk.post('/api/consultations', { ...hotline, channel: 'online' });
    expect(online.status).toBe(400);
    expect(online.raw).toContain('channel');
    const future = await clerk.post('/api/consultations', { ...hotline, askedAt: '2099-01-01T00:00:00+08:00' });
    expect(future.status).toBe(422);
    expect(future.body.error.field).toBe('askedAt');
    expect(future.body.error.message).toContain('咨询时间');
  });

  it('lists in scope with filters: Wuhan records are not seen from Yichang, and answer 404 there', async () => {
    const mine = await clerk.post('/api/consultations', { ...hotline, channel: 'walk_in', topic: 'licensing', question: '商标许可合同要备案吗？测试甲' });
    const list = await clerk.get('/api/consultations?channel=walk_in&topic=licensing&q=测试甲');
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([mine.body.data.id]);
    const other = await yc.get('/api/consultations?q=测试甲');
    expect(other.body.total).toBe(0);
    expect((await yc.get(`/api/consultations/${mine.body.data.id}`)).status).toBe(404);
    expect((await yc.post(`/api/consultations/${mine.body.data.id}/answer`, { answer: 'x' })).status).toBe(404);
    const all = await supervisor.get('/api/consultations?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(40);
  });

  it('suggests answers given before to a similar question, only from the caller’s scope', async () => {
    const s = await clerk.get(`/api/consultations/suggestions?q=${encodeURIComponent('网店卖家用了我们的注册商标，应该先找平台投诉吗')}`);
    expect(s.status).toBe(200);
    expect(s.body.data.length).toBeGreaterThan(0);
    expect(s.body.data[0]).toMatchObject({ source: 'consultation' });
    expect(s.body.data[0].snippet).toContain('平台');
    expect(s.body.data[0].score).toBeGreaterThan(0);
    for (const q of ['', '商', "'; DROP TABLE consultations; --", '<script>x</script>', '😀'.repeat(3000)]) {
      const r = await clerk.get(`/api/consultations/suggestions?q=${encodeURIComponent(q)}`);
      expect(r.status, q.slice(0, 20)).toBe(200);
    }
    const ycs = await yc.get(`/api/consultations/suggestions?q=${encodeURIComponent('网店卖家用了我们的注册商标，应该先找平台投诉吗')}`);
    const ycIds = new Set(ycs.body.data.map((x: { refId: string }) => x.refId));
    // Featured Q&A and knowledge articles reach every desk; consultations stay in scope.
    for (const x of s.body.data) if (x.source === 'consultation' && ycIds.has(x.refId)) throw new Error('a Wuhan consultation reached Yichang');
  });

  it('exports the filtered list as .xlsx with the contact masked', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/consultations/export.xlsx?channel=hotline', headers: { cookie: clerk.cookie! } });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('咨询途径');
    const texts = JSON.stringify(ws.getSheetValues());
    expect(texts).toContain('热线电话');
    expect(texts).not.toContain('13812345678');
    expect(texts).toContain('138****5678');
  });
});
