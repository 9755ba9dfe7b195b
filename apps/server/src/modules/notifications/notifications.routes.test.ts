import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { notifyFromTemplate } from './notifications.service.ts';

let t: TestApp;
let handler: TestClient;
let clerk: TestClient;
let handlerId: string;
let clerkId: string;

beforeAll(async () => {
  t = await createTestApp();
  handler = await t.login('wh_handler');
  clerk = await t.login('wh_clerk');
  const id = (u: string) => t.deps.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow().then((r) => r.id);
  handlerId = await id('wh_handler');
  clerkId = await id('wh_clerk');
  for (let i = 1; i <= 25; i++) {
    t.clock.advance(1000);
    await t.deps.db.transaction().execute((tx) =>
      notifyFromTemplate(t.deps, tx, { userIds: [handlerId], kind: 'case_assigned', data: { caseNo: `N-${i}` }, link: `/console/cases/${i}` }),
    );
  }
  await t.deps.db.transaction().execute((tx) => notifyFromTemplate(t.deps, tx, { userIds: [clerkId], kind: 'case_submitted', data: { caseNo: 'C-1' } }));
});
afterAll(() => t.close());

describe('GET /api/notifications', () => {
  it('lists my own, newest first, with the unread count and paging', async () => {
    const r = await handler.get('/api/notifications?pageSize=10');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ unread: 25, total: 25, page: 1, pageSize: 10 });
    expect(r.body.data).toHaveLength(10);
    expect(r.body.data[0]).toMatchObject({ kind: 'case_assigned', title: '新分派案件（N-25）', titleEn: 'Case assigned to you (N-25)', link: '/console/cases/25', read: false, readAt: null });
    const p3 = await handler.get('/api/notifications?pageSize=10&page=3');
    expect(p3.body.data.map((n: { title: string }) => n.title)).toEqual(['新分派案件（N-5）', '新分派案件（N-4）', '新分派案件（N-3）', '新分派案件（N-2）', '新分派案件（N-1）']);
    expect(r.raw).not.toContain('C-1');
  });

  it('answers 401 without a session', async () => {
    expect((await t.anon().get('/api/notifications')).status).toBe(401);
  });
});

describe('POST /api/notifications/:id/read', () => {
  it('marks one of mine read, once (the first reading time is kept)', async () => {
    const first = (await handler.get('/api/notifications?pageSize=1')).body.data[0];
    const r = await handler.post(`/api/notifications/${first.id}/read`, {});
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ id: first.id, read: true });
    t.clock.advance(60_000);
    const again = await handler.post(`/api/notifications/${first.id}/read`, {});
    expect(again.body.data.readAt).toBe(r.body.data.readAt);
    expect((await handler.get('/api/notifications')).body.unread).toBe(24);
    expect((await handler.get('/api/notifications?unread=true&pageSize=100')).body.data).toHaveLength(24);
  });

  it('answers 404 for another user\'s notification, and leaves it unread', async () => {
    const mine = (await clerk.get('/api/notifications')).body.data[0];
    const r = await handler.post(`/api/notifications/${mine.id}/read`, {});
    expect(r.status).toBe(404);
    expect(r.body.error?.message ?? r.raw).toMatch(/通知不存在/);
    expect((await clerk.get('/api/notifications')).body.unread).toBe(1);
    expect((await handler.post('/api/notifications/00000000-0000-7000-8000-000000000000/read', {})).status).toBe(404);
  });
});

describe('POST /api/notifications/read-all', () => {
  it('marks all of mine read and no one else\'s', async () => {
    const r = await handler.post('/api/notifications/read-all', {});
    expect(r.status).toBe(200);
    expect(r.body.data.updated).toBe(24);
    expect((await handler.get('/api/notifications')).body.unread).toBe(0);
    expect((await clerk.get('/api/notifications')).body.unread).toBe(1);
  });
});
