import { idNumberCheckChar } from '@yuanzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { idOf, upload, xlsx } from '../institutions/institutions.test-support.ts';

let t: TestApp;
let hb: TestClient;
let clerk: TestClient;
let yc: TestClient;
let wuhan: string;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  [hb, clerk, yc] = await Promise.all([t.login('hb_admin'), t.login('wh_clerk'), t.login('yc_handler')]);
  wuhan = await idOf(t, '武汉市知识产权维权援助中心');
});
afterAll(() => t.close());

const id = (first17: string) => first17 + idNumberCheckChar(first17);

describe('volunteer teams and volunteers', () => {
  it('creates a team with its host and a member; ID number and phone encrypted, masked; history names private fields only', async () => {
    const team = await hb.post('/api/volunteer-teams', { institutionId: wuhan, name: '测试大学知识产权志愿服务队', hostKind: 'university', hostName: '测试大学', leaderName: '周同学' });
    expect(team.status, team.raw).toBe(201);
    teamId = team.body.data.id;
    const v = await hb.post('/api/volunteers', {
      institutionId: wuhan, teamId, name: '志愿者甲', employer: '测试大学法学院', idNumber: id('42010620000101123'), phone: '13512345678', skills: ['consultation', 'legal'],
    });
    expect(v.status, v.raw).toBe(201);
    expect(v.body.data).toMatchObject({ team: '测试大学知识产权志愿服务队', phoneMasked: '135****5678', totalHours: 0 });
    expect(v.body.data.idNumberMasked).toMatch(/^4201\*+/);
    expect(v.raw).not.toContain('13512345678');
    const row = await t.deps.db.selectFrom('volunteers').select(['id_number_enc', 'phone_enc']).where('id', '=', v.body.data.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13512345678');
    const upd = await hb.patch(`/api/volunteers/${v.body.data.id}`, { version: 1, phone: '13512340000', skills: ['translation'] });
    expect(upd.body.data.changes[0].detail).toEqual({ fields: ['phone', 'skills'], changes: { skills: [['consultation', 'legal'], ['translation']] } });
    expect(JSON.stringify(upd.body.data.changes)).not.toContain('1351234');
    expect((await hb.get(`/api/volunteer-teams/${teamId}`)).body.data.members).toBe(1);
    // Without an institution named, a volunteer joins the institution of its team.
    const joined = await hb.post('/api/volunteers', { teamId, name: '随队志愿者' });
    expect(joined.status, joined.raw).toBe(201);
    expect(joined.body.data.institutionName).toBe('武汉市知识产权维权援助中心');
  });

  it('refuses a team of another institution, a bad ID number and the same ID number twice', async () => {
    const hbTeam = await hb.post('/api/volunteer-teams', { name: '省中心志愿服务队', hostKind: 'institution' });
    const other = await hb.post('/api/volunteers', { institutionId: wuhan, teamId: hbTeam.body.data.id, name: '错队伍' });
    expect(other.status).toBe(422);
    expect(other.body.error.field).toBe('teamId');
    expect((await hb.post('/api/volunteers', { institutionId: wuhan, teamId, name: '坏号码', idNumber: '420106200001011230' })).status).toBe(400);
    const dup = await hb.post('/api/volunteers', { institutionId: wuhan, teamId, name: '志愿者乙', idNumber: id('42010620000101123') });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('idNumber');
  });

  it('logs service hours and totals them per volunteer, team and institution', async () => {
    const v = await t.deps.db.selectFrom('volunteers').select('id').where('name', '=', '志愿者甲').executeTakeFirstOrThrow();
    const b = await hb.post('/api/volunteers', { institutionId: wuhan, teamId, name: '志愿者丙', employer: '测试大学' });
    expect((await clerk.post(`/api/volunteers/${v.id}/hours`, { servedOn: '2026-03-01', activity: '知识产权宣传周咨询台', hours: 3.5 })).status).toBe(201);
    const last = await clerk.post(`/api/volunteers/${v.id}/hours`, { servedOn: '2026-03-08', activity: '展会驻场', hours: 4 });
    expect(last.body.data.total).toEqual({ hours: 7.5, sessions: 2 });
    await clerk.post(`/api/volunteers/${b.body.data.id}/hours`, { servedOn: '2026-03-08', activity: '展会驻场', hours: 2 });
    const bad = await clerk.post(`/api/volunteers/${v.id}/hours`, { servedOn: '2026-03-09', activity: '超时', hours: 25 });
    expect(bad.status).toBe(400);
    expect(bad.raw).toMatch(/hours/);
    const byV = (await clerk.get('/api/volunteer-hours/totals?by=volunteer&from=2026-01-01&to=2026-06-30')).body;
    expect(byV.data.slice(0, 2).map((x: { name: string; hours: number }) => [x.name, x.hours])).toEqual([['志愿者甲', 7.5], ['志愿者丙', 2]]);
    const byTeam = (await clerk.get('/api/volunteer-hours/totals?by=team&from=2026-03-02&to=2026-06-30')).body.data;
    expect(byTeam[0]).toMatchObject({ name: '测试大学知识产权志愿服务队', hours: 6, sessions: 2, volunteers: 2 });
    expect(byV.total).toEqual({ hours: 9.5, sessions: 3 });
    const byInst = (await hb.get('/api/volunteer-hours/totals?by=institution&to=2026-06-30')).body;
    expect(byInst.data.find((x: { name: string }) => x.name === '武汉市知识产权维权援助中心').hours).toBe(9.5);
    expect((await hb.get(`/api/volunteer-teams/${teamId}`)).body.data.totals).toEqual({ hours: 9.5, sessions: 3 });
    expect((await hb.get(`/api/volunteers/${v.id}`)).body.data.hours.map((h: { hours: number }) => h.hours)).toEqual([4, 3.5]);
  });

  it('is scoped: Yichang sees neither the Wuhan volunteers, their hours nor their totals', async () => {
    const v = await t.deps.db.selectFrom('volunteers').select('id').where('name', '=', '志愿者甲').executeTakeFirstOrThrow();
    expect((await yc.get(`/api/volunteers/${v.id}`)).status).toBe(404);
    expect((await yc.post(`/api/volunteers/${v.id}/hours`, { servedOn: '2026-03-01', activity: '越权', hours: 1 })).status).toBe(404);
    expect((await yc.get('/api/volunteers?pageSize=200')).body.data.map((x: { name: string }) => x.name)).not.toContain('志愿者甲');
    expect((await yc.get('/api/volunteer-hours/totals?by=volunteer')).body.data.map((x: { name: string }) => x.name)).not.toContain('志愿者甲');
    expect((await yc.get(`/api/volunteer-teams/${teamId}`)).status).toBe(404);
    expect((await yc.get('/api/volunteer-teams?pageSize=200')).body.data.map((x: { name: string }) => x.name)).not.toContain('测试大学知识产权志愿服务队');
    expect((await yc.post('/api/volunteers', { teamId, name: '越权志愿者' })).status).toBe(403);
  });

  it('imports volunteers into a team named in the sheet; unknown teams and repeated people by row; nothing until clean', async () => {
    const header = ['姓名', '所属队伍', '工作单位或学校', '身份证号码', '服务技能'];
    const good = ['导入志愿者', '省中心志愿服务队', '湖北大学', id('42010620010101123'), '专利检索、外语翻译'];
    const rows = [good, ['导入二', '不存在的队伍', null, null, null], ['导入三', '省中心志愿服务队', null, id('42010620010101123'), null], ['导入志愿者', '省中心志愿服务队', '湖北大学', null, null]];
    const r = await upload(hb, '/api/volunteers/imports', await xlsx(header, rows), 'v.xlsx');
    expect(r.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:team', '4:idNumber', '5:name']);
    const ok = await upload(hb, '/api/volunteers/imports', await xlsx(header, [good]), 'v.xlsx');
    expect(ok.body.data).toMatchObject({ status: 'done', imported: 1 });
    const v = await t.deps.db.selectFrom('volunteers').selectAll().where('name', '=', '导入志愿者').executeTakeFirstOrThrow();
    expect(v.skills).toEqual(['patent_search', 'translation']);
    expect(v.id_number_masked).toMatch(/\*/);
  });
});
