import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { idOf } from './institutions.test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const names = (body: { data: { name: string }[] }) => body.data.map((i) => i.name);

describe('public directory', () => {
  it('lists active institutions to anyone, with public fields only', async () => {
    const r = await t.anon().get('/api/directory?pageSize=100');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(23);
    const wh = r.body.data.find((i: { name: string }) => i.name === '武汉市知识产权维权援助中心');
    expect(wh).toMatchObject({ type: 'assistance_center', level: 'city', regionCode: '420100', hours: expect.any(String), phone: expect.any(String) });
    for (const hidden of ['path', 'parentId', 'contactPerson', 'status', 'closedReason', 'createdAt']) expect(wh).not.toHaveProperty(hidden);
  });

  it('matches a region and everything below it', async () => {
    const q = async (code: string) => (await t.anon().get(`/api/directory?pageSize=100&regionCode=${code}`)).body;
    const province = await q('420000');
    expect(province.total).toBe(21);
    expect(province.data.every((i: { regionCode: string }) => i.regionCode.startsWith('42'))).toBe(true);
    const city = await q('420100');
    expect(city.total).toBe(6);
    expect(names(city)).toContain('东湖高新区光谷知识产权维权援助工作站');
    expect((await q('420111')).total).toBe(3);
    expect((await q('110000')).total).toBe(0);
  });

  it('filters by name (trigram), type, service and IP type, and pages', async () => {
    const get = async (qs: string) => (await t.anon().get(`/api/directory?pageSize=100&${qs}`)).body;
    const byName = await get(`q=${encodeURIComponent('宜昌')}`);
    expect(names(byName).sort()).toEqual(['宜昌市夷陵区知识产权维权援助工作站', '宜昌市知识产权维权援助中心']);
    const long = await get(`q=${encodeURIComponent('快速维权')}`);
    expect(names(long)).toEqual(['十堰市知识产权快速维权中心']);
    expect((await get('type=intake_office')).total).toBe(3);
    const funding = await get('service=funding_aid');
    expect(funding.data.every((i: { services: string[] }) => i.services.includes('funding_aid'))).toBe(true);
    expect(names(await get('ipType=plant_variety&type=workstation'))).toEqual(['宜昌市夷陵区知识产权维权援助工作站']);
    const page = await t.anon().get('/api/directory?pageSize=10&page=3');
    expect(page.body).toMatchObject({ total: 23, page: 3, pageSize: 10 });
    expect(page.body.data).toHaveLength(3);
  });

  it('shows one entry, and hides closed institutions', async () => {
    const id = await idOf(t, '汉正街市场知识产权维权援助工作站');
    const one = await t.anon().get(`/api/directory/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id, host: 'market', services: ['consultation', 'mediation'] });
    await t.deps.db.updateTable('institutions').set({ status: 'closed', closed_reason: '测试', closed_at: new Date() }).where('id', '=', id).execute();
    expect((await t.anon().get(`/api/directory/${id}`)).status).toBe(404);
    expect((await t.anon().get('/api/directory?pageSize=100')).body.total).toBe(22);
  });

  it('answers malformed queries with 400 naming the field, in Chinese', async () => {
    const bad = await t.anon().get('/api/directory?service=lawsuit');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('service');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.anon().get('/api/directory?regionCode=4201')).body.error.field).toBe('regionCode');
    expect((await t.anon().get('/api/directory?status=closed')).body.error.field).toBe('status');
    expect((await t.anon().get('/api/directory/xyz')).body.error.field).toBe('id');
  });
});
