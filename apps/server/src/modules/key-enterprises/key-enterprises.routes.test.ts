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
let handlerId: string;
beforeAll(async () => {
  t = await createTestApp();
  [hb, handler, yc] = await Promise.all([t.login('hb_admin'), t.login('wh_handler'), t.login('yc_handler')]);
  wuhan = await idOf(t, '武汉市知识产权维权援助中心');
  handlerId = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('key-enterprise list', () => {
  it('lists an enterprise with size, tags and its liaison; the liaison logs a contact and a service; history kept', async () => {
    const r = await hb.post('/api/key-enterprises', {
      institutionId: wuhan, name: '武汉测试光电有限公司', creditCode: code('91420100MA4T0E1X2'), size: 'medium', tags: ['specialised_innovative', 'exporter'],
      industry: 'manufacturing', liaisonUserId: handlerId, contactName: '赵经理', contactPhone: '13600002222', listedOn: '2026-03-01',
    });
    expect(r.status, r.raw).toBe(201);
    const e = r.body.data;
    expect(e).toMatchObject({ liaisonName: expect.any(String), contactPhoneMasked: '136****2222', listedOn: '2026-03-01' });
    expect(r.raw).not.toContain('13600002222');
    const mine = await handler.get('/api/key-enterprises?liaison=mine&tag=exporter');
    expect(mine.body.data.map((x: { name: string }) => x.name)).toContain('武汉测试光电有限公司');
    expect(mine.body.data.every((x: { liaisonUserId: string; tags: string[] }) => x.liaisonUserId === handlerId && x.tags.includes('exporter'))).toBe(true);
    expect((await handler.get('/api/key-enterprises?liaison=mine&tag=high_tech&pageSize=200')).body.data.map((x: { name: string }) => x.name)).not.toContain('武汉测试光电有限公司');

    const log = await handler.post(`/api/key-enterprises/${e.id}/logs`, { kind: 'contact', happenedOn: '2026-04-02', summary: '走访了解海外参展计划' });
    expect(log.status, log.raw).toBe(201);
    await handler.post(`/api/key-enterprises/${e.id}/logs`, { kind: 'service', happenedOn: '2026-05-10', summary: '出具海外参展风险提示', service: 'warning_analysis' });
    const future = await handler.post(`/api/key-enterprises/${e.id}/logs`, { kind: 'contact', happenedOn: '2999-01-01', summary: '未来' });
    expect(future.status).toBe(422);
    expect(future.body.error.field).toBe('happenedOn');
    const detail = (await handler.get(`/api/key-enterprises/${e.id}`)).body.data;
    expect(detail.logs.map((l: { kind: string }) => l.kind)).toEqual(['service', 'contact']);
    expect(detail.changes.map((c: { action: string }) => c.action)).toEqual(['key_enterprise.log', 'key_enterprise.log', 'key_enterprise.create']);

    const upd = await hb.patch(`/api/key-enterprises/${e.id}`, { version: e.version, size: 'large', tags: ['little_giant'] });
    expect(upd.body.data.changes[0].detail.changes).toEqual({ size: ['medium', 'large'], tags: [['specialised_innovative', 'exporter'], ['little_giant']] });
  });

  it('refuses a liaison who is not staff here, a bad credit code and the same credit code twice', async () => {
    const yhandler = (await t.deps.db.selectFrom('users').select('id').where('username', '=', 'yc_handler').executeTakeFirstOrThrow()).id;
    const bad = await hb.post('/api/key-enterprises', { institutionId: wuhan, name: '联络员错', creditCode: code('91420100MA4T0E1X3'), liaisonUserId: yhandler });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('liaisonUserId');
    expect((await hb.post('/api/key-enterprises', { name: '坏代码', creditCode: '91420100MA4T0E1X30' })).status).toBe(400);
    const c = code('91420100MA4T0E1X4');
    expect((await hb.post('/api/key-enterprises', { institutionId: wuhan, name: '重复甲', creditCode: c })).status).toBe(201);
    const dup = await hb.post('/api/key-enterprises', { institutionId: wuhan, name: '重复乙', creditCode: c });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('creditCode');
  });

  it('is scoped: Yichang neither lists, opens nor logs on a Wuhan enterprise', async () => {
    const e = await t.deps.db.selectFrom('key_enterprises').select('id').where('name', '=', '武汉测试光电有限公司').executeTakeFirstOrThrow();
    expect((await yc.get(`/api/key-enterprises/${e.id}`)).status).toBe(404);
    expect((await yc.post(`/api/key-enterprises/${e.id}/logs`, { kind: 'contact', happenedOn: '2026-04-02', summary: '越权' })).status).toBe(404);
    expect((await yc.get('/api/key-enterprises?pageSize=200')).body.data.map((x: { name: string }) => x.name)).not.toContain('武汉测试光电有限公司');
  });

  it('imports with the liaison named by account; unknown accounts and repeated codes by row; nothing until clean', async () => {
    const header = ['企业名称', '统一社会信用代码', '企业规模', '企业标签', '所属行业', '联络员账号'];
    const good = ['导入精密机械公司', code('91420100MA4T0E1X5'), '小型企业', '专精特新、高新技术企业', '制造业', 'wh_handler'];
    const rows = [good, ['导入二', code('91420100MA4T0E1X6'), '小型企业', null, null, 'expert_wu'], ['导入三', code('91420100MA4T0E1X5'), null, null, null, null], ['导入四', code('91420100MA4T0E1X7'), '巨型企业', null, null, null]];
    const r = await upload(hb, '/api/key-enterprises/imports', await xlsx(header, rows), 'ke.xlsx');
    expect(r.body.data.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:liaison', '4:creditCode', '5:size']);
    expect(await t.deps.db.selectFrom('key_enterprises').select('id').where('name', '=', '导入精密机械公司').executeTakeFirst()).toBeUndefined();
    const ok = await upload(hb, '/api/key-enterprises/imports', await xlsx(header, [good]), 'ke.xlsx');
    expect(ok.body.data).toMatchObject({ status: 'done', imported: 1 });
    const row = await t.deps.db.selectFrom('key_enterprises').selectAll().where('name', '=', '导入精密机械公司').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ liaison_user_id: handlerId, size: 'small', tags: ['specialised_innovative', 'high_tech'] });
  });
});
