import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { idOf, pathOf } from './institutions.test-support.ts';

let t: TestApp;
let hbAdmin: TestClient;
let whHandler: TestClient;
let supervisor: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [hbAdmin, whHandler, supervisor] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('hb_supervisor')]);
});
afterAll(() => t.close());

const HB_CENTER = '湖北省知识产权维权援助中心';
const WH = '武汉市知识产权维权援助中心';
const YC = '宜昌市知识产权维权援助中心';

describe('reading institutions', () => {
  it('answers 401 to a caller who is not signed in, on every route', async () => {
    const id = await idOf(t, WH);
    const a = t.anon();
    for (const [m, u] of [
      ['GET', '/api/institutions'], ['GET', '/api/institutions/tree'], ['GET', `/api/institutions/${id}`],
      ['GET', '/api/institutions/export.xlsx'], ['POST', '/api/institutions'], ['PATCH', `/api/institutions/${id}`],
      ['POST', `/api/institutions/${id}/close`], ['POST', `/api/institutions/${id}/reopen`], ['POST', `/api/institutions/${id}/move`],
      ['POST', '/api/institutions/import'],
    ] as const) {
      const r = await a.request(m, u, m === 'GET' ? undefined : {});
      expect(r.status, `${m} ${u}`).toBe(401);
    }
  });

  it('answers 403 to a role without institution.read', async () => {
    const expert = await t.login('expert_wu');
    expect((await expert.get('/api/institutions')).status).toBe(403);
    expect((await expert.get('/api/institutions/tree')).status).toBe(403);
  });

  it('lists the 湖北 centre subtree for hb_admin and the 武汉 subtree for 武汉 staff', async () => {
    const hbPath = await pathOf(t, await idOf(t, HB_CENTER));
    const all = await hbAdmin.get('/api/institutions?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(19);
    expect(all.body.data.every((i: { path: string }) => i.path === hbPath || i.path.startsWith(`${hbPath}.`))).toBe(true);
    expect(all.body.data.map((i: { name: string }) => i.name)).not.toContain('湖北省知识产权局');
    const wh = await whHandler.get('/api/institutions?pageSize=200');
    expect(wh.body.total).toBe(5);
    expect(wh.body.data.map((i: { name: string }) => i.name)).toContain('汉正街市场知识产权维权援助工作站');
    expect(wh.body.data.map((i: { name: string }) => i.name)).not.toContain(YC);
    const sup = await supervisor.get('/api/institutions?pageSize=200');
    expect(sup.body.total).toBe(21);
  });

  it('filters and pages the list', async () => {
    const ycId = await idOf(t, YC);
    const q = async (qs: string) => (await hbAdmin.get(`/api/institutions?pageSize=200&${qs}`)).body;
    expect((await q('type=workstation')).data.every((i: { type: string }) => i.type === 'workstation')).toBe(true);
    expect((await q('type=workstation')).total).toBe(6);
    expect((await q('regionCode=420100')).total).toBe(6);
    expect((await q('regionCode=420111')).total).toBe(3);
    expect((await q(`q=${encodeURIComponent('宜昌')}`)).total).toBe(2);
    expect((await q(`under=${ycId}`)).total).toBe(3);
    expect((await q('host=market')).data[0].name).toBe('汉正街市场知识产权维权援助工作站');
    expect((await q('service=funding_aid')).data.every((i: { services: string[] }) => i.services.includes('funding_aid'))).toBe(true);
    expect((await q('ipType=plant_variety&level=county')).data.map((i: { name: string }) => i.name)).toContain('宜昌市夷陵区知识产权维权援助工作站');
    expect((await q('status=closed')).total).toBe(0);
    const p2 = await hbAdmin.get('/api/institutions?pageSize=5&page=2');
    expect(p2.body).toMatchObject({ total: 19, page: 2, pageSize: 5 });
    expect(p2.body.data).toHaveLength(5);
  });

  it('returns a nested tree rooted at the caller\'s scope', async () => {
    const r = await whHandler.get('/api/institutions/tree');
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(r.body.data[0]).toMatchObject({ name: WH, level: 'city', status: 'active' });
    expect(r.body.data[0].children).toHaveLength(4);
    const hb = await hbAdmin.get('/api/institutions/tree');
    expect(hb.body.data.map((n: { name: string }) => n.name)).toEqual([HB_CENTER]);
    const yc = hb.body.data[0].children.find((n: { name: string }) => n.name === YC);
    expect(yc.children).toHaveLength(2);
  });

  it('shows one institution with abilities, and 404 outside scope (a sibling city)', async () => {
    const wh = await hbAdmin.get(`/api/institutions/${await idOf(t, WH)}`);
    expect(wh.status).toBe(200);
    expect(wh.body.data).toMatchObject({ name: WH, parentName: HB_CENTER, regionCode: '420100', childCount: 4, status: 'active' });
    expect(wh.body.data.regionName).toContain('武汉市');
    expect(wh.body.abilities).toEqual({ update: true, close: true, reopen: false, move: true, createChild: true });
    const own = await hbAdmin.get(`/api/institutions/${await idOf(t, HB_CENTER)}`);
    expect(own.body.abilities.move).toBe(false); // its parent lies above the admin's scope
    const mine = await whHandler.get(`/api/institutions/${await idOf(t, WH)}`);
    expect(mine.body.abilities).toEqual({ update: false, close: false, reopen: false, move: false, createChild: false });
    const sibling = await whHandler.get(`/api/institutions/${await idOf(t, YC)}`);
    expect(sibling.status).toBe(404);
    expect(sibling.body.error.code).toBe('not_found');
    expect((await hbAdmin.get(`/api/institutions/${await idOf(t, '湖北省知识产权局')}`)).status).toBe(404);
    expect((await hbAdmin.get('/api/institutions/0195f0a0-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('answers malformed input with 400 naming the field, in Chinese', async () => {
    const bad = await hbAdmin.get('/api/institutions?type=bank');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('type');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = await hbAdmin.get('/api/institutions?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('colour');
    const badId = await hbAdmin.get('/api/institutions/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.field).toBe('id');
    expect((await hbAdmin.get('/api/institutions?regionCode=42')).body.error.field).toBe('regionCode');
  });
});

describe('enumerations', () => {
  it('match the CHECK constraints of the institutions table', async () => {
    const { institutionTypeValues, institutionLevelValues, institutionHostValues } = await import('@yuanzhi/contracts');
    const defs = await t.deps.db
      .selectFrom('pg_constraint' as never)
      .select(sql<string>`pg_get_constraintdef(oid)`.as('def'))
      .where(sql<boolean>`conrelid = 'institutions'::regclass AND contype = 'c'`)
      .execute();
    const all = defs.map((d) => d.def).join('\n');
    for (const v of [...institutionTypeValues, ...institutionLevelValues, ...institutionHostValues]) expect(all).toContain(`'${v}'`);
  });
});
