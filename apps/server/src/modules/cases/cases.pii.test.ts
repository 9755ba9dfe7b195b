import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { register } from './cases.test-support.ts';

let t: TestApp;
let clerk: TestClient;
let reviewer: TestClient;
let ycHandler: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [clerk, reviewer, ycHandler] = await Promise.all(['wh_clerk', 'wh_reviewer', 'yc_handler'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('personal data of parties', () => {
  it('is stored encrypted, shown masked, revealed by permission with an audit entry', async () => {
    const id = await register(clerk);
    const row = await t.deps.db.selectFrom('case_parties').selectAll().where('case_id', '=', id).where('role', '=', 'applicant').executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const clear of ['13912345678', '420102198001011234', '珞喻路']) expect(raw).not.toContain(clear);
    expect(row.phone_enc).toMatch(/^v1:/);
    expect(row.phone_hmac).toBe(t.deps.secrets.hmac('13912345678'));
    const c = await clerk.get(`/api/cases/${id}`);
    const p = c.body.data.parties.find((x: { role: string }) => x.role === 'applicant');
    expect(p).toMatchObject({ phoneMasked: '139****5678', idNumberMasked: '4201**********1234', addressMasked: '湖北省武汉市****' });
    expect(JSON.stringify(c.body)).not.toContain('13912345678');
    expect(c.body.abilities.revealPii).toBe(true);

    const r = await clerk.post(`/api/cases/${id}/parties/${p.id}/reveal`, { field: 'idNumber' });
    expect(r.status).toBe(200);
    expect(r.body.data.value).toBe('420102198001011234');
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', id).where('action', '=', 'case.reveal').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].detail)).not.toContain('420102');

    expect((await reviewer.post(`/api/cases/${id}/parties/${p.id}/reveal`, { field: 'phone' })).status).toBe(403);
    expect((await ycHandler.post(`/api/cases/${id}/parties/${p.id}/reveal`, { field: 'phone' })).status).toBe(404);
  });

  it('keeps notes, tasks and contact entries in the working file', async () => {
    const id = await register(clerk);
    expect((await clerk.post(`/api/cases/${id}/notes`, { kind: 'contact', body: '电话告知需补充材料', contactMethod: 'phone' })).status).toBe(201);
    const task = await clerk.post(`/api/cases/${id}/notes`, { kind: 'task', body: '核对权属证明', dueOn: '2026-11-25' });
    expect(task.status).toBe(201);
    expect((await clerk.post(`/api/cases/${id}/notes/${task.body.data.id}/done`, {})).status).toBe(200);
    const list = await reviewer.get(`/api/cases/${id}/notes`);
    expect(list.body.data.map((n: { kind: string; done: boolean }) => [n.kind, n.done])).toEqual([['contact', false], ['task', true]]);
    expect(list.body.data[1].dueOn).toBe('2026-11-25');
    expect((await ycHandler.get(`/api/cases/${id}/notes`)).status).toBe(404);
  });

  it('follows a subtree move: the cases\' paths change with their institution', async () => {
    const id = await register(clerk);
    const before = await t.deps.db.selectFrom('cases').select((eb) => eb.cast<string>('institution_path', 'text').as('p')).where('id', '=', id).executeTakeFirstOrThrow();
    const inst = await t.deps.db.selectFrom('institutions').select((eb) => eb.cast<string>('path', 'text').as('p')).where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow();
    expect(before.p).toBe(inst.p);
    await t.deps.db.updateTable('institutions').set({ path: `${inst.p}x` }).where('name', '=', '武汉市知识产权维权援助中心').execute();
    const after = await t.deps.db.selectFrom('cases').select((eb) => eb.cast<string>('institution_path', 'text').as('p')).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.p).toBe(`${inst.p}x`);
  });
});
