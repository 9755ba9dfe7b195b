import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importInstitutions } from './institutions.import.ts';
import { auditFor, countInstitutions, idOf, readXlsx, upload, xlsx } from './institutions.test-support.ts';

let t: TestApp;
let hb: TestClient;
let whHandler: TestClient;
let supervisor: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [hb, whHandler, supervisor] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('hb_supervisor')]);
});
afterAll(() => t.close());

const WH = '武汉市知识产权维权援助中心';
const YC = '宜昌市知识产权维权援助中心';
const zhHeader = ['上级机构名称', '机构名称', '机构类型', '机构级别', '设立方式', '行政区划代码', '知识产权类型', '服务项目', '成立日期'];
/** A binary answer as a buffer (the test client keeps bodies as text). */
const download = async (c: TestClient, url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie: c.cookie! } })).rawPayload;
const cliCtx = { actorId: null, actorName: 'cli', institutionId: null, institutionPath: null, ip: null, requestId: null };

describe('import', () => {
  it('reports every bad row by its spreadsheet row number and imports nothing', async () => {
    const before = await countInstitutions(t);
    const file = await xlsx(zhHeader, [
      [WH, '导入测试好站', '工作站', '县级', '进园区', '420111', '专利、商标', '咨询指导', '2024-05-01'], // row 2: good
      [WH, '', '工作站', '县级', null, '420111', null, null, null], // row 3: no name
      [WH, '导入测试类型错', '银行', '县级', null, '420111', null, null, null], // row 4: bad type
      ['不存在的上级机构', '导入测试无上级', '工作站', '县级', null, '420111', null, null, null], // row 5: unknown parent
      [WH, '导入测试好站', '工作站', '县级', null, '420111', null, null, null], // row 6: repeats row 2
      [WH, '导入测试区划错', '工作站', '县级', null, '999999', null, null, null], // row 7: unknown region
      [WH, YC, '维权援助中心', '市级', null, '420500', null, null, null], // row 8: name of an active institution
      [WH, '导入测试级别高', '工作站', '省级', null, '420111', null, null, null], // row 9: above its parent
      ['湖北省知识产权局', '导入测试越权', '工作站', '县级', null, '420100', null, null, null], // row 10: parent outside scope
      [WH, '导入测试日期错', '工作站', '县级', null, '420111', '专利', '打官司', '2024-13-01'], // row 11: bad service and date
    ]);
    const r = await upload(hb, '/api/institutions/import', file);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('import_invalid');
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const got = r.body.error.rows.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(got).toEqual(expect.arrayContaining([
      '3:name', '4:type', '5:parentName', '6:name', '7:regionCode', '8:name', '9:level', '10:parentName', '11:services', '11:establishedOn',
    ]));
    expect(got.some((g: string) => g.startsWith('2:'))).toBe(false);
    expect(r.body.error.rows[0].messageEn).toBeTruthy();
    expect(await countInstitutions(t)).toBe(before);
  });

  it('imports 1,200 rows in one go, parent-first, each findable in the audit log', async () => {
    const rows: (string | null)[][] = [[YC, '批量导入总站', '分中心', '市级', null, '420500', '专利', '咨询指导、纠纷调解', null]];
    for (let i = 1; i < 1200; i++) rows.push(['批量导入总站', `批量导入工作站${i}`, 'workstation', 'county', null, '420506', 'patent', 'consultation', null]);
    const before = await countInstitutions(t);
    const started = Date.now();
    const r = await upload(hb, '/api/institutions/import', await xlsx(zhHeader, rows));
    const ms = Date.now() - started;
    expect(r.status, r.raw).toBe(200);
    expect(r.body.data.imported).toBe(1200);
    expect(ms).toBeLessThan(15_000);
    expect(await countInstitutions(t)).toBe(before + 1200);
    const parent = await idOf(t, '批量导入总站');
    const list = await hb.get(`/api/institutions?under=${parent}&pageSize=1`);
    expect(list.body.total).toBe(1200);
    const child = await hb.get(`/api/institutions/${await idOf(t, '批量导入工作站777')}`);
    expect(child.body.data).toMatchObject({ parentId: parent, parentName: '批量导入总站', services: ['consultation'], regionCode: '420506' });
    expect((await auditFor(t, child.body.data.id)).map((e) => e.action)).toEqual(['institution.create']);
    const entries = await t.deps.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'institution.create').where('detail', '@>', JSON.stringify({ import: true }) as never).executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(1200);
  });

  it('round-trips: an export re-imports as a copy of the subtree', async () => {
    const wh = await idOf(t, WH);
    const p = (await hb.post('/api/institutions', {
      parentId: wh, name: '往返测试中心', type: 'sub_center', level: 'city', regionCode: '420100', ipTypes: ['patent', 'copyright'],
      services: ['mediation'], establishedOn: '2023-09-15', address: '武汉市江汉区', description: '往返',
    })).body.data;
    await hb.post('/api/institutions', { parentId: p.id, name: '往返测试站', type: 'workstation', level: 'county', host: 'university', regionCode: '420111', ipTypes: ['trade_secret'], services: [] });
    const exp = await hb.get(`/api/institutions/export.xlsx?q=${encodeURIComponent('往返测试')}`);
    expect(exp.status).toBe(200);
    expect(String(exp.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(exp.headers['content-type'])).toContain('spreadsheetml');
    const buf = await download(hb, `/api/institutions/export.xlsx?q=${encodeURIComponent('往返测试')}`);
    const sheet = await readXlsx(buf);
    expect(sheet[0]).toContain('机构名称');
    expect(sheet[1]).toContain('name');
    expect(sheet).toHaveLength(4);
    // Close the originals so their names are free, then import the file.
    const child = await idOf(t, '往返测试站');
    expect((await hb.post(`/api/institutions/${child}/close`, { reason: '往返测试' })).status).toBe(200);
    expect((await hb.post(`/api/institutions/${p.id}/close`, { reason: '往返测试' })).status).toBe(200);
    const r = await upload(hb, '/api/institutions/import', buf);
    expect(r.status, r.raw).toBe(200);
    expect(r.body.data.imported).toBe(2);
    const copy = (await hb.get(`/api/institutions?q=${encodeURIComponent('往返测试')}&status=active`)).body.data;
    const cp = copy.find((i: { name: string }) => i.name === '往返测试中心');
    const cc = copy.find((i: { name: string }) => i.name === '往返测试站');
    expect(cp.id).not.toBe(p.id);
    expect(cp).toMatchObject({ parentId: wh, type: 'sub_center', level: 'city', regionCode: '420100', ipTypes: ['patent', 'copyright'], services: ['mediation'], establishedOn: '2023-09-15', address: '武汉市江汉区' });
    expect(cc).toMatchObject({ parentId: cp.id, host: 'university', ipTypes: ['trade_secret'], services: [] });
  });

  it('exports only the caller\'s scope, and guards both routes', async () => {
    const buf = await download(supervisor, `/api/institutions/export.xlsx?under=${await idOf(t, YC)}&q=${encodeURIComponent('宜昌')}`);
    expect((await readXlsx(buf)).length).toBe(2 + 2);
    expect((await t.anon().get('/api/institutions/export.xlsx')).status).toBe(401);
    expect((await whHandler.get('/api/institutions/export.xlsx')).status).toBe(403);
    const file = await xlsx(zhHeader, [[WH, '权限测试站', '工作站', '县级', null, null, null, null, null]]);
    expect((await upload(t.anon(), '/api/institutions/import', file)).status).toBe(401);
    expect((await upload(supervisor, '/api/institutions/import', file)).status).toBe(403);
    expect((await hb.get('/api/institutions/export.xlsx?level=town')).body.error.field).toBe('level');
  });

  it('refuses a file that is not a workbook, and a request with no file', async () => {
    const r = await upload(hb, '/api/institutions/import', Buffer.from('not a workbook'), 'x.xlsx');
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'invalid_file', field: 'file' });
    // Above the JSON body limit (1 MB) but within the 5 MB upload limit: read, then refused as not a workbook.
    expect((await upload(hb, '/api/institutions/import', Buffer.alloc(2 * 1024 * 1024, 1))).body.error.code).toBe('invalid_file');
    const big = await upload(hb, '/api/institutions/import', Buffer.alloc(6 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    const none = await hb.post('/api/institutions/import', {});
    expect(none.status).toBe(400);
    expect(none.body.error.field).toBe('file');
  });

  it('imports from the CLI entry point with no actor (whole network in scope)', async () => {
    const file = await xlsx(['parentName', 'name', 'type', 'level'], [['国家知识产权局知识产权保护司', '命令行导入中心', 'assistance_center', 'national']]);
    const r = await importInstitutions(t.deps, file, null, cliCtx);
    expect(r.imported).toBe(1);
    const [entry] = await auditFor(t, r.ids[0]);
    expect(entry).toMatchObject({ action: 'institution.create', actor_name: 'cli' });
  });
});
