import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { institutionId, ok, register, userId, WH } from './cases.test-support.ts';

let t: TestApp;
let hbAdmin: TestClient;
let clerk: TestClient;
let ycHandler: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [hbAdmin, clerk, ycHandler] = await Promise.all(['hb_admin', 'wh_clerk', 'yc_handler'].map((u) => t.login(u)));
});
afterAll(() => t.close());

const suggest = (c: TestClient, id: string) => c.get(`/api/cases/${id}/handler-suggestions`);

/** A second handler at 武汉 with no cases, and one whose account is disabled. */
async function addHandler(username: string, status: 'active' | 'disabled') {
  const r = await hbAdmin.post('/api/users', {
    kind: 'staff', username, displayName: username === 'wh_light' ? '孙宁（承办）' : '停用的承办人', password: 'Light#Handler2026',
    roles: [{ role: 'case_handler', institutionId: await institutionId(t, WH) }],
  });
  expect(r.status).toBe(201);
  if (status === 'disabled') await t.deps.db.updateTable('users').set({ status }).where('id', '=', r.body.data.id).execute();
  return r.body.data.id as string;
}

describe('assignment suggestion', () => {
  it('lists the handlers of the case institution by open caseload and suggests the least-loaded', async () => {
    const id = await register(clerk);
    await ok(clerk, id, 'accept');
    const wh = await userId(t, 'wh_handler');
    const whOpen = await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('handler_id', '=', wh).where('state', 'not in', ['concluded', 'archived', 'withdrawn', 'declined', 'draft']).executeTakeFirstOrThrow();
    expect(Number(whOpen.n)).toBeGreaterThan(0);

    const before = await suggest(hbAdmin, id);
    expect(before.status).toBe(200);
    expect(before.body.data).toEqual([{ id: wh, displayName: '张伟（承办）', username: 'wh_handler', openCases: Number(whOpen.n), suggested: true }]);

    const light = await addHandler('wh_light', 'active');
    await addHandler('wh_gone', 'disabled');
    const after = (await suggest(hbAdmin, id)).body.data;
    // yc_handler (another institution) and the disabled account are not qualified.
    expect(after.map((h: { username: string }) => h.username)).toEqual(['wh_light', 'wh_handler']);
    expect(after[0]).toMatchObject({ id: light, openCases: 0, suggested: true });
    expect(after[1].suggested).toBe(false);

    // Giving the light handler more open cases than wh_handler turns the suggestion round.
    for (let i = 0; i <= Number(whOpen.n); i++) {
      const other = await register(clerk);
      await ok(clerk, other, 'accept');
      await ok(hbAdmin, other, 'assign', { handlerId: light });
    }
    const turned = (await suggest(hbAdmin, id)).body.data;
    expect(turned[0]).toMatchObject({ username: 'wh_handler', suggested: true });
    expect(turned[1]).toMatchObject({ username: 'wh_light', openCases: Number(whOpen.n) + 1, suggested: false });
  });

  it('is for those who assign (scope: the access matrix); an unknown case answers 404', async () => {
    const id = await register(clerk);
    expect((await suggest(clerk, id)).status).toBe(403);
    expect((await suggest(t.anon(), id)).status).toBe(401);
    expect((await suggest(ycHandler, id)).status).toBe(403);
    expect((await suggest(hbAdmin, '00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
