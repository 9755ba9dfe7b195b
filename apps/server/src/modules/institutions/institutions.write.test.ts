import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { auditFor, idOf, pathOf } from './institutions.test-support.ts';

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
const station = (parentId: string, name: string, extra: Record<string, unknown> = {}) => ({
  parentId, name, type: 'workstation', level: 'county', regionCode: '420111', ipTypes: ['patent'], services: ['consultation'], ...extra,
});

describe('creating', () => {
  it('creates under a parent in scope, with an audit entry naming the fields only', async () => {
    const wh = await idOf(t, WH);
    const r = await hb.post('/api/institutions', station(wh, '光谷生物城知识产权工作站', { host: 'park', phone: '027-87654321', establishedOn: '2025-03-01' }));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ parentId: wh, parentName: WH, type: 'workstation', host: 'park', establishedOn: '2025-03-01', status: 'active', childCount: 0 });
    expect(r.body.data.path.startsWith(`${await pathOf(t, wh)}.`)).toBe(true);
    expect(r.body.abilities.createChild).toBe(true);
    const [entry] = await auditFor(t, r.body.data.id);
    expect(entry).toMatchObject({ action: 'institution.create', object_type: 'institution', result: 'success' });
    expect(entry.detail).toMatchObject({ parentId: wh, fields: expect.arrayContaining(['name', 'phone', 'host']) });
    expect(JSON.stringify(entry.detail)).not.toContain('027-87654321');
  });

  it('refuses a parent outside scope (404), a missing permission (403) and no session (401)', async () => {
    const office = await idOf(t, '湖北省知识产权局');
    const out = await hb.post('/api/institutions', station(office, '越权新建工作站'));
    expect(out.status).toBe(404);
    expect(out.body.error.field).toBe('parentId');
    expect((await whHandler.post('/api/institutions', station(await idOf(t, WH), '无权新建工作站'))).status).toBe(403);
    expect((await supervisor.post('/api/institutions', station(office, '监督新建工作站'))).status).toBe(403);
    expect((await t.anon().post('/api/institutions', station(office, '匿名新建工作站'))).status).toBe(401);
  });

  it('enforces the level rule, the region code and unique active names', async () => {
    const wh = await idOf(t, WH);
    const high = await hb.post('/api/institutions', station(wh, '省级工作站', { level: 'province' }));
    expect(high.status).toBe(422);
    expect(high.body.error).toMatchObject({ code: 'level_above_parent', field: 'level' });
    const region = await hb.post('/api/institutions', station(wh, '无区划工作站', { regionCode: '999999' }));
    expect(region.status).toBe(422);
    expect(region.body.error.field).toBe('regionCode');
    const dup = await hb.post('/api/institutions', station(wh, YC, { level: 'city' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'name_taken', field: 'name' });
    expect(dup.body.error.message).toContain(YC);
  });

  it('answers malformed bodies with 400 naming the field, in Chinese', async () => {
    const wh = await idOf(t, WH);
    const noName = await hb.post('/api/institutions', { parentId: wh, type: 'workstation', level: 'county' });
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('name');
    expect(noName.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const badEnum = await hb.post('/api/institutions', station(wh, '枚举错误工作站', { services: ['lawsuit'] }));
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.error.field).toBe('services.0');
    const extra = await hb.post('/api/institutions', station(wh, '多余字段工作站', { path: 'cn' }));
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('path');
  });
});

describe('updating', () => {
  it('patches fields, audits the changed names, and is strict', async () => {
    const id = await idOf(t, '汉正街市场知识产权维权援助工作站');
    const r = await hb.patch(`/api/institutions/${id}`, { phone: '027-11112222', hours: '工作日 9:00–17:00', host: 'market' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ phone: '027-11112222', host: 'market' });
    const entries = await auditFor(t, id);
    expect(entries.at(-1)).toMatchObject({ action: 'institution.update' });
    expect((entries.at(-1)!.detail as { fields: string[] }).fields.sort()).toEqual(['hours', 'phone']);
    expect((await hb.patch(`/api/institutions/${id}`, { parentId: id })).status).toBe(400);
    expect((await hb.patch(`/api/institutions/${id}`, {})).status).toBe(400);
    const tooHigh = await hb.patch(`/api/institutions/${id}`, { level: 'province' });
    expect(tooHigh.status).toBe(422);
    const lower = await hb.patch(`/api/institutions/${await idOf(t, '湖北省知识产权维权援助中心')}`, { level: 'county' });
    expect(lower.body.error.code).toBe('level_below_children');
    const dup = await hb.patch(`/api/institutions/${id}`, { name: YC });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('name');
  });

  it('answers 404 outside scope and 403 without the permission', async () => {
    expect((await hb.patch(`/api/institutions/${await idOf(t, '湖北省知识产权局')}`, { phone: '1' })).status).toBe(404);
    expect((await whHandler.patch(`/api/institutions/${await idOf(t, WH)}`, { phone: '1' })).status).toBe(403);
  });
});

describe('closing and reopening', () => {
  it('refuses to close while children or role holders remain, naming them', async () => {
    const r = await hb.post(`/api/institutions/${await idOf(t, WH)}/close`, { reason: '机构调整' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('institution_in_use');
    expect(r.body.error.message).toContain('汉正街市场知识产权维权援助工作站');
    expect(r.body.error.message).toMatch(/\d+ 名人员/);
    expect(r.body.error.blockers.roleHolders).toBeGreaterThanOrEqual(3);
    const leaf = await hb.post('/api/institutions', station(await idOf(t, YC), '宜昌任职测试工作站', { regionCode: '420500' }));
    const user = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'yc_handler').executeTakeFirstOrThrow();
    await t.deps.db.insertInto('role_assignments').values({ user_id: user.id, role: 'case_handler', institution_id: leaf.body.data.id }).execute();
    const held = await hb.post(`/api/institutions/${leaf.body.data.id}/close`, { reason: '撤并' });
    expect(held.status).toBe(409);
    expect(held.body.error.message).toContain('1 名人员');
  });

  it('closes a leaf with a reason, then reopens it; reopen needs an active parent', async () => {
    const yc = await idOf(t, YC);
    const parent = (await hb.post('/api/institutions', station(yc, '宜昌开关测试分站', { level: 'city', regionCode: '420500' }))).body.data;
    const child = (await hb.post('/api/institutions', station(parent.id, '宜昌开关测试受理点', { regionCode: '420500' }))).body.data;
    expect((await hb.post(`/api/institutions/${child.id}/close`, {})).body.error.field).toBe('reason');
    const closed = await hb.post(`/api/institutions/${child.id}/close`, { reason: '场地到期' });
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ status: 'closed', closedReason: '场地到期' });
    expect(closed.body.data.closedAt).toBeTruthy();
    expect(closed.body.abilities).toMatchObject({ close: false, reopen: true, createChild: false });
    expect((await hb.post(`/api/institutions/${child.id}/close`, { reason: '再次' })).status).toBe(409);
    expect((await hb.post(`/api/institutions/${parent.id}/close`, { reason: '撤并' })).status).toBe(200);
    const refused = await hb.post(`/api/institutions/${child.id}/reopen`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('parent_closed');
    expect((await hb.post(`/api/institutions/${parent.id}/reopen`)).status).toBe(200);
    const reopened = await hb.post(`/api/institutions/${child.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.data).toMatchObject({ status: 'active', closedAt: null, closedReason: null });
    const actions = (await auditFor(t, child.id)).map((e) => e.action);
    expect(actions).toEqual(['institution.create', 'institution.close', 'institution.reopen']);
    expect((await whHandler.post(`/api/institutions/${child.id}/close`, { reason: '越权' })).status).toBe(403);
    expect((await hb.post(`/api/institutions/${await idOf(t, '湖北省知识产权局')}/close`, { reason: '越权' })).status).toBe(404);
  });
});

describe('moving', () => {
  it('moves a whole subtree and keeps every path consistent with its parent', async () => {
    const wh = await idOf(t, WH);
    const yc = await idOf(t, YC);
    const a = (await hb.post('/api/institutions', station(wh, '移动测试甲中心', { level: 'city', regionCode: '420100' }))).body.data;
    const b = (await hb.post('/api/institutions', station(a.id, '移动测试乙站'))).body.data;
    const c = (await hb.post('/api/institutions', station(b.id, '移动测试丙点'))).body.data;
    const r = await hb.post(`/api/institutions/${a.id}/move`, { newParentId: yc });
    expect(r.status).toBe(200);
    expect(r.body.data.parentId).toBe(yc);
    const ycPath = await pathOf(t, yc);
    const label = a.path.split('.').at(-1);
    expect(await pathOf(t, a.id)).toBe(`${ycPath}.${label}`);
    expect(await pathOf(t, b.id)).toBe(`${ycPath}.${label}.${b.path.split('.').at(-1)}`);
    expect((await pathOf(t, c.id)).startsWith(`${ycPath}.${label}.`)).toBe(true);
    const broken = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM institutions c JOIN institutions p ON p.id = c.parent_id
       WHERE subpath(c.path, 0, nlevel(c.path) - 1) <> p.path`.execute(t.deps.db);
    expect(broken.rows[0].n).toBe(0);
    const [entry] = (await auditFor(t, a.id)).filter((e) => e.action === 'institution.move');
    expect(entry.detail).toMatchObject({ fromParentId: wh, toParentId: yc, subtreeSize: 3 });
    // 武汉 staff no longer see the moved subtree; its new city's scope does.
    expect((await whHandler.get(`/api/institutions/${b.id}`)).status).toBe(404);
  });

  it('refuses moving under itself or a descendant, the root, out of scope, and a level above the parent', async () => {
    const wh = await idOf(t, WH);
    const market = await idOf(t, '汉正街市场知识产权维权援助工作站');
    const self = await hb.post(`/api/institutions/${wh}/move`, { newParentId: wh });
    expect(self.status).toBe(422);
    expect(self.body.error.field).toBe('newParentId');
    expect((await hb.post(`/api/institutions/${wh}/move`, { newParentId: market })).body.error.code).toBe('invalid_move');
    const outside = await hb.post(`/api/institutions/${wh}/move`, { newParentId: await idOf(t, '湖北省知识产权局') });
    expect(outside.status).toBe(404);
    expect(outside.body.error.field).toBe('newParentId');
    // hb_admin's own centre hangs under the province office, above the admin's scope: 403.
    expect((await hb.post(`/api/institutions/${await idOf(t, '湖北省知识产权维权援助中心')}/move`, { newParentId: wh })).status).toBe(403);
    const level = await hb.post(`/api/institutions/${await idOf(t, '襄阳市知识产权维权援助中心')}/move`, { newParentId: market });
    expect(level.status).toBe(422);
    expect(level.body.error.code).toBe('level_above_parent');
    expect((await whHandler.post(`/api/institutions/${market}/move`, { newParentId: wh })).status).toBe(403);
    const admin = await t.login('admin');
    const root = await admin.post(`/api/institutions/${await idOf(t, '国家知识产权局知识产权保护司')}/move`, { newParentId: wh });
    expect(root.status).toBe(409);
    expect(root.body.error.code).toBe('cannot_move_root');
  });
});
