import { creditCodeCheckChar } from '@yuanzhi/domain';
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
const names = (r: { body: { data: { title: string }[] } }) => r.body.data.map((x) => x.title);

describe('overseas libraries', () => {
  it('keeps laws, cases, exporting enterprises and lawyers by country and industry; a lawyer phone is masked', async () => {
    const law = await hb.post('/api/overseas', { kind: 'law', title: '测试国专利法（2024年修订）', country: 'de', ipTypes: ['patent'], industries: ['manufacturing'], datedOn: '2024-05-01', sourceUrl: 'https://example.org/patg' });
    expect(law.status, law.raw).toBe(201);
    expect(law.body.data.country).toBe('DE');
    await hb.post('/api/overseas', { kind: 'case', title: '某光电公司诉某激光公司专利侵权案', country: 'US', ipTypes: ['patent'], industries: ['manufacturing', 'import_export'], organisation: '美国某地区法院' });
    const firm = await hb.post('/api/overseas', { kind: 'lawyer', title: '测试律师', country: 'US', organisation: 'Example IP LLP', languages: ['en', 'ZH'], phone: '+1 212-555-0199' });
    expect(firm.body.data).toMatchObject({ languages: ['en', 'zh'], phoneMasked: '+12****0199' });
    expect(firm.raw).not.toContain('555-0199');
    const ent = await hb.post('/api/overseas', { institutionId: wuhan, kind: 'enterprise', title: '武汉测试出口有限公司', country: 'DE', creditCode: code('91420100MA4X0P1R2'), industries: ['import_export'] });
    expect(ent.status, ent.raw).toBe(201);

    const usCases = names(await hb.get('/api/overseas?country=US&kind=case'));
    expect(usCases).toContain('某光电公司诉某激光公司专利侵权案');
    expect(usCases).not.toContain('测试国专利法（2024年修订）');
    expect(names(await hb.get('/api/overseas?country=DE&kind=case'))).not.toContain('某光电公司诉某激光公司专利侵权案');
    expect(names(await hb.get('/api/overseas?industry=manufacturing&ipType=patent'))).toEqual(expect.arrayContaining(['测试国专利法（2024年修订）', '某光电公司诉某激光公司专利侵权案']));
    expect(names(await hb.get('/api/overseas?q=Example'))).toEqual(['Emily Chen', '测试律师']);
    const upd = await hb.patch(`/api/overseas/${law.body.data.id}`, { version: 1, summary: '第139条规定侵权赔偿' });
    expect(upd.body.data.changes[0].detail.changes.summary).toEqual([null, '第139条规定侵权赔偿']);
  });

  it('refuses an enterprise without a credit code, a non-http link and the same law twice in a country', async () => {
    const noCode = await hb.post('/api/overseas', { kind: 'enterprise', title: '无代码企业', country: 'DE' });
    expect(noCode.status).toBe(422);
    expect(noCode.body.error.field).toBe('creditCode');
    expect((await hb.post('/api/overseas', { kind: 'law', title: '坏链接', country: 'DE', sourceUrl: 'javascript:alert(1)' })).status).toBe(400);
    const dup = await hb.post('/api/overseas', { kind: 'law', title: '测试国专利法（2024年修订）', country: 'DE' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('title');
    expect((await hb.post('/api/overseas', { kind: 'law', title: '测试国专利法（2024年修订）', country: 'AT' })).status).toBe(201);
  });

  it('is scoped: Yichang does not see a Wuhan entry; Wuhan does not see the province', async () => {
    const ent = await t.deps.db.selectFrom('overseas_entries').select('id').where('title', '=', '武汉测试出口有限公司').executeTakeFirstOrThrow();
    expect((await yc.get(`/api/overseas/${ent.id}`)).status).toBe(404);
    expect((await handler.get(`/api/overseas/${ent.id}`)).status).toBe(200);
    expect(names(await handler.get('/api/overseas?pageSize=200'))).not.toContain('测试律师');
  });

  it('imports by row with kinds and countries by their Chinese names; nothing until clean', async () => {
    const header = ['类别', '名称', '国家或地区', '行业领域', '统一社会信用代码'];
    const rows = [['海外案例', '导入案例甲', '日本', '电子商务', null], ['出口企业', '导入企业', '德国', '进出口', null], ['海外法律法规', '导入法规', '火星', null, null], ['海外法律法规', '波兰工业产权法', 'pl', null, null]];
    const r = await upload(hb, '/api/overseas/imports', await xlsx(header, rows), 'o.xlsx');
    expect(r.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:creditCode', '4:country']);
    const ok = await upload(hb, '/api/overseas/imports', await xlsx(header, [rows[0], ['出口企业', '导入企业', '德国', '进出口', code('91420100MA4X0P1R3')], rows[3]]), 'o.xlsx');
    expect(ok.body.data).toMatchObject({ status: 'done', imported: 3 });
    expect(names(await hb.get('/api/overseas?country=PL'))).toEqual(['波兰工业产权法']);
    expect(names(await hb.get('/api/overseas?country=JP&kind=case'))).toEqual(['导入案例甲']);
  });
});
