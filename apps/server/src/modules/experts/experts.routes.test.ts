import { creditCodeCheckChar, idNumberCheckChar } from '@yuanzhi/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { upload, xlsx } from '../institutions/institutions.test-support.ts';

let t: TestApp;
let hb: TestClient;
let handler: TestClient;
let yc: TestClient;
let wu: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [hb, handler, yc, wu] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('yc_handler'), t.login('expert_wu')]);
});
afterAll(() => t.close());

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const caseId = async (summary: string) => (await t.deps.db.selectFrom('cases').select('id').where('summary', '=', summary).executeTakeFirstOrThrow()).id;

describe('registry', () => {
  it('creates, lists with filters, edits with a version, and keeps the change history; personal data masked', async () => {
    const r = await hb.post('/api/experts', {
      name: '测试专家甲', employer: '测试大学', kinds: ['technical_expert'], ipc: ['g06f'], ipTypes: ['patent'], idNumber: id('42010619800101123'),
      phone: '13800001111', interests: [{ kind: 'client', name: '某测试公司', creditCode: code('91420100MA4K5T2Q3') }],
      qualifications: [{ name: '专家聘书', expiresOn: '2020-01-01' }],
    });
    expect(r.status, r.raw).toBe(201);
    const e = r.body.data;
    expect(e.ipc).toEqual(['G06F']);
    expect(e.idNumberMasked).toMatch(/^4201\*+/);
    expect(r.raw).not.toContain('13800001111');
    expect(e.qualifications[0].expired).toBe(true);
    const list = await hb.get('/api/experts?ipc=G06F&kind=technical_expert');
    expect(list.body.data.map((x: { name: string }) => x.name)).toContain('测试专家甲');
    const stale = await hb.patch(`/api/experts/${e.id}`, { version: e.version + 5, title: '教授' });
    expect(stale.status).toBe(409);
    const ok = await hb.patch(`/api/experts/${e.id}`, { version: e.version, title: '教授', availability: 'limited' });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.data.changes.map((c: { action: string }) => c.action)).toEqual(['expert.update', 'expert.create']);
    expect(ok.body.data.changes[0].detail.fields).toEqual(['title', 'availability']);
  });

  it('refuses bad check digits and a duplicate ID number, naming the field', async () => {
    const bad = await hb.post('/api/experts', { name: '坏号码', kinds: ['lawyer'], idNumber: '420106198001011230', employerCreditCode: '91420100MA4K5T2Q30' });
    expect(bad.status).toBe(400);
    expect(bad.raw).toMatch(/idNumber|身份证/);
    const n = id('42010619800202123');
    expect((await hb.post('/api/experts', { name: '重号一', kinds: ['lawyer'], idNumber: n })).status).toBe(201);
    const dup = await hb.post('/api/experts', { name: '重号二', kinds: ['lawyer'], idNumber: n });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('idNumber');
  });

  it('is scoped to the institution subtree: a Yichang handler neither lists nor opens a Wuhan expert', async () => {
    const wh = await t.deps.db.selectFrom('experts').select('id').where('name', '=', '刘工').executeTakeFirstOrThrow();
    expect((await yc.get(`/api/experts/${wh.id}`)).status).toBe(404);
    const names = (await yc.get('/api/experts?pageSize=200')).body.data.map((x: { name: string }) => x.name);
    expect(names).toContain('秦专家');
    expect(names).not.toContain('刘工');
    expect((await handler.get(`/api/experts/${wh.id}`)).status).toBe(200);
  });
});

describe('import', () => {
  const header = ['姓名', '工作单位', '单位统一社会信用代码', '身份证号码', '专家类别', '知识产权类型', '证书有效期至', '资格证书', '申报利害关系'];
  it('answers row by row and imports nothing, then imports the fixed file', async () => {
    const before = Number((await t.deps.db.selectFrom('experts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows: (string | Date | null)[][] = [
      ['导入甲', '甲大学', null, id('42010619850101123'), '技术专家', '专利', new Date('2027-06-30'), '专家聘书', '客户:某甲公司'], // 2 ok
      ['导入乙', '乙大学', '91420100MA4K5T2Q30', null, '律师', '商标', null, null, null], // 3 bad credit code
      ['导入丙', '丙大学', null, '420106198501011230', '律师', '商标', null, null, null], // 4 bad ID check digit
      ['导入丁', '丁大学', null, null, '调解员', '商标', '明年六月', '调解员证', null], // 5 date as unreadable text
      ['导入甲', '甲大学', null, null, '技术专家', '专利', null, null, null], // 6 same name and employer as row 2
      ['导入戊', '戊大学', null, id('42010619850101123').slice(0, 18), '律师', '版权', '2027/6/30', '律师执业证', null], // 7 same ID as row 2
      ['导入己', '己大学', null, null, '宇航员', '专利', null, null, null], // 8 unknown kind
    ];
    const r = await upload(hb, '/api/experts/imports', await xlsx(header, rows), 'experts.xlsx');
    expect(r.status, r.raw).toBe(200);
    expect(r.body.data.status).toBe('invalid');
    const got = r.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(got).toEqual(expect.arrayContaining(['3:employerCreditCode', '4:idNumber', '5:qualificationExpires', '6:name', '7:idNumber', '8:kinds']));
    expect(got.some((g: string) => g.startsWith('2:'))).toBe(false);
    const after = async () => Number((await t.deps.db.selectFrom('experts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await after()).toBe(before);
    const fixed = await upload(hb, '/api/experts/imports', await xlsx(header, [rows[0], ['导入戊', '戊大学', null, null, '律师', '版权', '2027年6月30日', '律师执业证', null]]), 'experts.xlsx');
    expect(fixed.body.data).toMatchObject({ status: 'done', imported: 2 });
    expect(await after()).toBe(before + 2);
    const e = await t.deps.db.selectFrom('experts').select(['qualifications', 'interests']).where('name', '=', '导入戊').executeTakeFirstOrThrow();
    expect(e.qualifications).toEqual([{ name: '律师执业证', expiresOn: '2027-06-30' }]);
  });

  it('refuses unknown headers and flags merged cells by row', async () => {
    const wrong = await upload(hb, '/api/experts/imports', await xlsx(['姓名', '专家类别', '年龄'], [['某人', '律师', '40']]), 'experts.xlsx');
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/年龄/);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['姓名', '工作单位', '专家类别']);
    ws.addRow(['合并甲', '合并大学', '律师']);
    ws.addRow(['合并乙', '合并大学', '律师']);
    ws.mergeCells('B2:B3');
    const merged = await upload(hb, '/api/experts/imports', Buffer.from(await wb.xlsx.writeBuffer()), 'experts.xlsx');
    expect(merged.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(expect.arrayContaining(['2:row', '3:row']));
  });

  it('runs a file over 1,000 rows as a job whose progress can be polled', async () => {
    const rows = Array.from({ length: 1005 }, (_, i) => [`批量专家${i}`, `批量单位${i}`, null, null, '技术专家', '专利', null, null, null]);
    const r = await upload(hb, '/api/experts/imports', await xlsx(header, rows), 'experts.xlsx');
    expect(r.status, r.raw).toBe(202);
    expect(r.body.data).toMatchObject({ status: 'queued', total: 1005 });
    await t.drainJobs({ name: 'expert-import' });
    const s = await hb.get(`/api/experts/imports/${r.body.data.id}`);
    expect(s.body.data).toMatchObject({ status: 'done', processed: 1005, imported: 1005 });
    expect((await handler.get(`/api/experts/imports/${r.body.data.id}`)).status).toBe(403);
  });

  it('exports what it lists, ID numbers masked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/experts/export.xlsx?kind=mediator', headers: { cookie: hb.cookie! } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[0].getColumn(1).values.slice(3);
    expect(names).toContain('孙调解员');
    expect(names).not.toContain('刘工');
  });
});

describe('matching and invitations', () => {
  it('ranks for a case with recusals and reasons, stores it; an invited expert accepts and gets the case', async () => {
    const c = await caseId('网店使用我司商标作为搜索关键词');
    const m = await handler.post(`/api/cases/${c}/expert-matches`, {});
    expect(m.status, m.raw).toBe(201);
    const excluded = Object.fromEntries(m.body.data.excluded.map((x: { name: string; reasons: { code: string; zh: string }[] }) => [x.name, x.reasons]));
    expect(excluded['马律师'][0]).toMatchObject({ code: 'same_organisation' });
    expect(excluded['黄律师'][0].zh).toMatch(/委托人\/客户.*武汉长江食品有限公司/);
    expect(excluded['王律师'][0].code).toBe('declared_interest');
    const ranked = m.body.data.ranked as { name: string; expertId: string; parts: unknown[] }[];
    expect(ranked.map((x) => x.name)).not.toContain('马律师');
    expect(ranked[0].parts.length).toBeGreaterThan(4);
    const wuId = ranked.find((x) => x.name === '吴教授')!.expertId;
    // A recused expert cannot be invited.
    const mId = (await t.deps.db.selectFrom('experts').select('id').where('name', '=', '马律师').executeTakeFirstOrThrow()).id;
    expect((await handler.post(`/api/cases/${c}/expert-invitations`, { matchId: m.body.data.id, expertId: mId })).status).toBe(422);
    const inv = await handler.post(`/api/cases/${c}/expert-invitations`, { matchId: m.body.data.id, expertId: wuId });
    expect(inv.status, inv.raw).toBe(201);
    expect((await wu.get(`/api/cases/${c}`)).status).toBe(404);
    const mine = await wu.get('/api/expert-invitations/mine');
    const invitation = mine.body.data.find((x: { caseId: string }) => x.caseId === c);
    expect(invitation.status).toBe('pending');
    expect((await yc.post(`/api/expert-invitations/${invitation.id}/accept`, {})).status).toBe(403);
    expect((await wu.post(`/api/expert-invitations/${invitation.id}/accept`, {})).status).toBe(200);
    expect((await wu.get(`/api/cases/${c}`)).status).toBe(200);
    const state = await handler.get(`/api/cases/${c}/expert-matching`);
    expect(state.body.data.invitations[0]).toMatchObject({ name: '吴教授', status: 'accepted' });
    expect(state.body.data.match.id).toBe(m.body.data.id);
    expect((await yc.get(`/api/cases/${c}/expert-matching`)).status).toBe(404);
    expect((await handler.post(`/api/expert-invitations/${invitation.id}/rating`, { rating: 5 })).status).toBe(200);
    const detail = await hb.get(`/api/experts/${wuId}`);
    expect(detail.body.data.rating).toEqual({ average: 5, count: 1 });
    expect(detail.body.data.workload.open).toBe(1);
  });

  it('a decline, then silence past the time limit, move to the next candidate', async () => {
    const c = await caseId('在德国展会上被诉专利侵权，请求应对指导');
    const m = (await handler.post(`/api/cases/${c}/expert-matches`, {})).body.data;
    expect(m.excluded.find((x: { name: string }) => x.name === '林博士').reasons[0].code).toBe('same_organisation');
    const wuId = m.ranked.find((x: { name: string }) => x.name === '吴教授').expertId;
    await handler.post(`/api/cases/${c}/expert-invitations`, { matchId: m.id, expertId: wuId });
    const inv = (await wu.get('/api/expert-invitations/mine')).body.data.find((x: { caseId: string }) => x.caseId === c);
    expect((await wu.post(`/api/expert-invitations/${inv.id}/decline`, { reason: '' })).status).toBe(400);
    const d = await wu.post(`/api/expert-invitations/${inv.id}/decline`, { reason: '近期出差，无法参加' });
    expect(d.status, d.raw).toBe(200);
    let list = (await handler.get(`/api/cases/${c}/expert-matching`)).body.data.invitations;
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ status: 'pending', auto: true, expertId: m.ranked.find((x: { expertId: string }) => x.expertId !== wuId).expertId });
    t.clock.set(new Date(t.clock.now().getTime() + 73 * 3600_000));
    await t.drainJobs({ name: 'expert-invitation-timeout' });
    // Sessions lapse over 73 hours: sign in again.
    list = (await (await t.login('wh_handler')).get(`/api/cases/${c}/expert-matching`)).body.data.invitations;
    expect(list.map((x: { status: string }) => x.status)).toEqual(['declined', 'expired', 'pending']);
  });
});
