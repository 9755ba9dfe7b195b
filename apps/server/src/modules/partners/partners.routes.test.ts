import { creditCodeCheckChar } from '@yuanzhi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { idOf, upload, xlsx } from '../institutions/institutions.test-support.ts';

let t: TestApp;
let hb: TestClient;
let handler: TestClient;
let yc: TestClient;
let wuhan: string;
beforeAll(async () => {
  t = await createTestApp();
  [hb, handler, yc] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('yc_handler')]);
  wuhan = await idOf(t, '武汉市知识产权维权援助中心');
});
afterAll(() => t.close());

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const count = async () => Number((await t.deps.db.selectFrom('partners').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('partner registry', () => {
  it('creates, filters, edits with a version and keeps who changed what; contact phones encrypted and masked', async () => {
    const r = await hb.post('/api/partners', {
      institutionId: wuhan, name: '测试大学知识产权学院', kind: 'university', creditCode: code('12420000MB0T3C4D5').toLowerCase(),
      signedOn: '2025-01-01', validUntil: '2027-12-31', provides: ['training', 'volunteers'],
      contacts: [{ name: '张老师', title: '院长助理', phone: '13912345678' }],
    });
    expect(r.status, r.raw).toBe(201);
    const p = r.body.data;
    expect(p.creditCode).toBe(code('12420000MB0T3C4D5'));
    expect(p.contacts[0].phoneMasked).toBe('139****5678');
    expect(r.raw).not.toContain('13912345678');
    const stored = await t.deps.db.selectFrom('partners').select('contacts').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.contacts)).not.toContain('13912345678');

    const valid = await hb.get('/api/partners?kind=university&agreement=valid&on=2026-06-01&provides=training');
    expect(valid.body.data.map((x: { name: string }) => x.name)).toContain('测试大学知识产权学院');
    const expired = await hb.get('/api/partners?agreement=expired&on=2028-01-01&pageSize=200');
    expect(expired.body.data.map((x: { name: string }) => x.name)).toContain('测试大学知识产权学院');

    expect((await hb.patch(`/api/partners/${p.id}`, { version: p.version + 3, notes: 'x' })).status).toBe(409);
    const ok = await hb.patch(`/api/partners/${p.id}`, { version: p.version, validUntil: '2028-12-31', provides: ['training'] });
    expect(ok.status, ok.raw).toBe(200);
    const change = ok.body.data.changes[0];
    expect(change.action).toBe('partner.update');
    expect(change.by).toBeTruthy();
    expect(change.detail.changes.validUntil).toEqual(['2027-12-31', '2028-12-31']);
    expect(change.detail.fields).toEqual(['validUntil', 'provides']);
    expect(ok.body.data.changes[1].action).toBe('partner.create');
    // A contact sent without a phone keeps the stored one; the history names the field only.
    const kept = await hb.patch(`/api/partners/${p.id}`, { version: ok.body.data.version, contacts: [{ name: '张老师', title: '院长' }] });
    expect(kept.body.data).toMatchObject({ contactTitle: '院长', contactPhoneMasked: '139****5678' });
    expect(kept.body.data.changes[0].detail).toEqual({ fields: ['contacts'], changes: {} });
    const cleared = await hb.patch(`/api/partners/${p.id}`, { version: kept.body.data.version, contacts: [{ name: '张老师', phone: null }] });
    expect(cleared.body.data.contactPhoneMasked).toBeNull();
  });

  it('refuses a bad check digit, an agreement ending before it starts and a duplicate credit code, naming the field', async () => {
    const bad = await hb.post('/api/partners', { name: '坏代码律所', kind: 'law_firm', creditCode: '91420100MA4K5T2Q30' });
    expect(bad.status).toBe(400);
    expect(bad.raw).toMatch(/creditCode/);
    expect(bad.raw).toMatch(/统一社会信用代码/);
    const order = await hb.post('/api/partners', { name: '日期倒置律所', kind: 'law_firm', signedOn: '2026-05-01', validUntil: '2026-01-01' });
    expect(order.status).toBe(422);
    expect(order.body.error.field).toBe('validUntil');
    const c = code('31420000MD1234567');
    expect((await hb.post('/api/partners', { name: '重复律所甲', kind: 'law_firm', creditCode: c })).status).toBe(201);
    const dup = await hb.post('/api/partners', { name: '重复律所乙', kind: 'law_firm', creditCode: c });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('creditCode');
  });

  it('is scoped to the institution subtree: Yichang neither lists nor opens a Wuhan partner', async () => {
    const r = await hb.post('/api/partners', { institutionId: wuhan, name: '武汉范围测试协会', kind: 'industry_association' });
    expect(r.status).toBe(201);
    expect((await yc.get(`/api/partners/${r.body.data.id}`)).status).toBe(404);
    expect((await yc.get('/api/partners?pageSize=200')).body.data.map((x: { name: string }) => x.name)).not.toContain('武汉范围测试协会');
    expect((await handler.get(`/api/partners/${r.body.data.id}`)).status).toBe(200);
    expect((await handler.patch(`/api/partners/${r.body.data.id}`, { version: 1, notes: '无权' })).status).toBe(403);
  });
});

describe('partner import and export', () => {
  const header = ['单位名称', '单位类别', '统一社会信用代码', '协议签订日期', '协议有效期至', '合作内容', '联系人', '联系电话'];
  it('answers row by row and imports nothing, then imports the fixed file', async () => {
    const before = await count();
    const good = ['导入仲裁委', '仲裁机构', code('12420100MB1111111'), new Date('2026-01-05'), '2028/1/4', '仲裁、纠纷调解', '李主任', '13700001111'];
    const rows = [
      good, // 2 ok
      ['导入律所', '律师事务所', '91420100MA4K5T2Q30', null, null, '法律服务', null, null], // 3 bad check digit
      ['导入协会', '行业协会', null, '去年', null, null, null, null], // 4 date as text
      ['导入法院', '法院系统', null, null, null, null, null, null], // 5 unknown kind
      ['导入仲裁委二', '仲裁机构', code('12420100MB1111111'), null, null, null, null, null], // 6 same code as row 2
      ['导入调委会', '调解委员会', null, null, null, null, '王调解', '1234'], // 7 bad phone
    ];
    const r = await upload(hb, '/api/partners/imports', await xlsx(header, rows), 'partners.xlsx');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.data.status).toBe('invalid');
    const got = r.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(got).toEqual(['3:creditCode', '4:signedOn', '5:kind', '6:creditCode', '7:contacts']);
    expect(await count()).toBe(before);
    const fixed = await upload(hb, '/api/partners/imports', await xlsx(header, [good, ['导入法院', '人民法院', null, null, null, '案件转办衔接', null, null]]), 'partners.xlsx');
    expect(fixed.body.data).toMatchObject({ status: 'done', imported: 2 });
    expect(await count()).toBe(before + 2);
    const again = await upload(hb, '/api/partners/imports', await xlsx(header, [good]), 'partners.xlsx');
    expect(again.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['2:name', '2:creditCode']);
    const p = await t.deps.db.selectFrom('partners').selectAll().where('name', '=', '导入仲裁委').executeTakeFirstOrThrow();
    expect(p).toMatchObject({ kind: 'arbitration_body', provides: ['arbitration', 'mediation'] });
    expect((await hb.get(`/api/partners/${p.id}`)).body.data).toMatchObject({ signedOn: '2026-01-05', validUntil: '2028-01-04' });
  });

  it('refuses unknown headers and runs a file over 1,000 rows as a job whose progress can be polled', async () => {
    const wrong = await upload(hb, '/api/partners/imports', await xlsx(['单位名称', '单位类别', '法人代表'], [['某单位', '高校', '某人']]), 'partners.xlsx');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/法人代表/);
    const rows = Array.from({ length: 1003 }, (_, i) => [`批量合作单位${i}`, '知识产权服务机构', null, null, null, null, null, null]);
    const r = await upload(hb, '/api/partners/imports', await xlsx(header, rows), 'partners.xlsx');
    expect(r.status, r.raw).toBe(202);
    expect(r.body.data).toMatchObject({ status: 'queued', total: 1003 });
    await t.drainJobs({ name: 'registry-import' });
    expect((await hb.get(`/api/partners/imports/${r.body.data.id}`)).body.data).toMatchObject({ status: 'done', processed: 1003, imported: 1003 });
    expect((await handler.get(`/api/partners/imports/${r.body.data.id}`)).status).toBe(403);
  });

  it('exports what it lists, phones masked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/partners/export.xlsx?kind=arbitration_body', headers: { cookie: hb.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names = ws.getColumn(1).values.slice(3);
    expect(names).toContain('导入仲裁委');
    expect(names).not.toContain('导入法院');
    const text = JSON.stringify(ws.getSheetValues());
    expect(text).toContain('137****1111');
    expect(text).not.toContain('13700001111');
  });
});
