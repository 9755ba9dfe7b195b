import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('regions', () => {
  it('holds the full GB/T 2260 table', async () => {
    const n = await t.deps.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThan(3000);
    const r = await t.anon().get('/api/regions');
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(31);
  });

  it('lists the cities of a province and finds a county by name or code', async () => {
    const cities = await t.anon().get('/api/regions?parent=420000');
    expect(cities.body.data.map((c: { name: string }) => c.name)).toContain('武汉市');
    const byName = await t.anon().get(`/api/regions?q=${encodeURIComponent('洪山')}`);
    expect(byName.body.data[0]).toMatchObject({ code: '420111', fullName: '湖北省 武汉市 洪山区' });
    const byCode = await t.anon().get('/api/regions?q=4201');
    expect(byCode.body.data.every((c: { code: string }) => c.code.startsWith('4201'))).toBe(true);
  });

  it('answers bad input with 400 naming the field, and unknown codes with 404', async () => {
    const bad = await t.anon().get('/api/regions?parent=42');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('parent');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const unknown = await t.anon().get('/api/regions?foo=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('foo');
    expect((await t.anon().get('/api/regions/999999')).status).toBe(404);
  });
});
