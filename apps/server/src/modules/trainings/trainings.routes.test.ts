import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../../platform/storage/storage.test-support.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let handler: TestClient;
let yichang: TestClient;
let admin: TestClient;
let wh: string;
const START = new Date('2026-11-21T02:00:00Z'); // tomorrow, China time, for the fixed test clock (2026-11-20T02:00Z)

beforeAll(async () => {
  t = await createTestApp();
  handler = await t.login('wh_handler');
  yichang = await t.login('yc_handler');
  admin = await t.login('hb_admin');
  wh = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  institutionId: wh, title: '企业海外知识产权纠纷应对实务培训', topics: ['overseas_disputes', 'litigation'], audience: '外贸企业法务、知识产权负责人',
  mode: 'offline', place: '武汉市光谷国际会展中心 A3 会议室', startsAt: START.toISOString(), endsAt: new Date(START.getTime() + 3 * 3600_000).toISOString(),
  organiser: '武汉市知识产权维权援助中心', coOrganisers: ['武汉市律师协会'], capacity: 2, ...over,
});

async function published(over: Record<string, unknown> = {}) {
  const c = await handler.post('/api/trainings', body(over));
  expect(c.status).toBe(201);
  const p = await handler.post(`/api/trainings/${c.body.data.id}/transition`, { action: 'publish' });
  expect(p.status).toBe(200);
  return p.body.data as { id: string; checkinPath: string };
}

/** Move the test clock (sessions idle out across the jump, so staff sign in again on both sides). */
async function at(when: Date, fn: () => Promise<void>) {
  t.clock.set(when);
  handler = await t.login('wh_handler');
  try {
    await fn();
  } finally {
    t.clock.set(new Date('2026-11-20T02:00:00Z'));
    handler = await t.login('wh_handler');
  }
}

const smsTo = (phone: string) => t.sent.filter((m) => m.channel === 'sms' && m.to === phone).map((m) => m.body);

describe('trainings', () => {
  it('refuses bad input with a message naming the field, and nothing is created', async () => {
    const before = (await handler.get('/api/trainings')).body.total;
    const r = await handler.post('/api/trainings', body({ endsAt: '2026-11-20T00:00:00Z' }));
    expect(r.status).toBe(400);
    expect(r.raw).toContain('endsAt');
    expect(r.raw).toContain('结束时间须晚于开始时间');
    const r2 = await handler.post('/api/trainings', body({ mode: 'offline', place: null }));
    expect(r2.status).toBe(400);
    expect(r2.raw).toContain('place');
    expect((await handler.get('/api/trainings')).body.total).toBe(before);
    const online = (await handler.post('/api/trainings', body({ mode: 'online', place: null, title: '线上' }))).body.data;
    const toOffline = await handler.patch(`/api/trainings/${online.id}`, { mode: 'offline', version: online.version });
    expect([toOffline.status, toOffline.body.error.field]).toEqual([422, 'place']);
    const stale = await handler.patch(`/api/trainings/${online.id}`, { title: '改名', version: online.version + 5 });
    expect([stale.status, stale.body.error.field]).toEqual([409, 'version']);
  });

  it('a draft is not on the portal; published it is, with places left', async () => {
    const draft = (await handler.post('/api/trainings', body({ title: '草稿培训' }))).body.data;
    expect((await t.anon().get(`/api/portal/trainings/${draft.id}`)).status).toBe(404);
    const p = await published();
    const pub = await t.anon().get(`/api/portal/trainings/${p.id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data).toMatchObject({ state: 'published', placesLeft: 2, registrationOpen: true });
    expect(pub.body.data).not.toHaveProperty('checkinPath');
    expect((await t.anon().get('/api/portal/trainings')).body.data.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it('past capacity goes on the waiting list with a clear message, and moves up when someone cancels', async () => {
    const p = await published();
    const anon = t.anon();
    const a = await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '张三', phone: '13900001111', organisation: '武汉某光电公司' });
    const b = await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '李四', phone: '13900002222' });
    const c = await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '王五', phone: '13900003333' });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(a.body.data.status).toBe('confirmed');
    expect(c.body.data).toMatchObject({ status: 'waitlisted', position: 1 });
    const again = await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '张三', phone: '13900001111' });
    expect(again.status).toBe(409);
    expect(again.body.error.field).toContain('phone');
    await t.drainJobs();
    expect(smsTo('13900003333').join()).toContain('候补');
    expect(smsTo('13900001111').join()).toContain(a.body.data.code);

    const wrong = await anon.post(`/api/portal/trainings/${p.id}/registrations/cancel`, { code: a.body.data.code, phone: '13900009999' });
    expect(wrong.status).toBe(404);
    expect((await anon.post(`/api/portal/trainings/${p.id}/registrations/cancel`, { code: a.body.data.code, phone: '13900001111' })).status).toBe(204);
    await t.drainJobs();
    expect(smsTo('13900003333').join()).toContain('递补');
    const list = (await handler.get(`/api/trainings/${p.id}/registrations`)).body.data as { name: string; status: string; phoneMasked: string }[];
    expect(list.find((x) => x.name === '王五')?.status).toBe('confirmed');
    expect(list.find((x) => x.name === '张三')?.status).toBe('cancelled');
    expect(list[0].phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const stored = await t.deps.db.selectFrom('training_registrations').select('phone_enc').where('training_id', '=', p.id).execute();
    expect(stored.every((s) => !s.phone_enc.includes('139000'))).toBe(true);
  });

  it('sends the reminder the day before, once', async () => {
    const p = await published({ capacity: 5 });
    await t.anon().post(`/api/portal/trainings/${p.id}/registrations`, { name: '赵六', phone: '13900004444' });
    await t.drainJobs();
    expect(await t.runJobNow('training-reminders')).toBeGreaterThanOrEqual(1);
    expect(await t.runJobNow('training-reminders')).toBe(0);
    await t.drainJobs();
    expect(smsTo('13900004444').filter((m) => m.includes('提醒'))).toHaveLength(1);
  });

  it('checks in from the door QR code: a second scan counts once; the list, the head count and the QR image', async () => {
    const p = await published({ capacity: 10 });
    const anon = t.anon();
    const one = (await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '钱七', phone: '13900005555' })).body.data;
    await anon.post(`/api/portal/trainings/${p.id}/registrations`, { name: '孙八', phone: '13900006666' });
    const token = p.checkinPath.split('/').pop()!;
    expect((await anon.post(`/api/portal/trainings/checkin/${token}`, { phone: '13900005555' })).body.error.code).toBe('checkin_closed');
    await at(new Date(START.getTime() - 30 * 60_000), async () => {
      const page = await anon.get(`/api/portal/trainings/checkin/${token}`);
      expect(page.body.data).toMatchObject({ id: p.id, open: true });
      const first = await anon.post(`/api/portal/trainings/checkin/${token}`, { phone: '13900005555' });
      const second = await anon.post(`/api/portal/trainings/checkin/${token}`, { code: one.code.toLowerCase() });
      expect(first.body.data).toMatchObject({ name: '钱七', already: false });
      expect(second.body.data).toMatchObject({ name: '钱七', already: true, checkedInAt: first.body.data.checkedInAt });
      const nobody = await anon.post(`/api/portal/trainings/checkin/${token}`, { phone: '13800000000' });
      expect([nobody.status, nobody.body.error.field]).toEqual([404, 'phone']);
      expect((await anon.post(`/api/portal/trainings/checkin/${token}`, {})).status).toBe(400);
      const detail = (await handler.get(`/api/trainings/${p.id}`)).body.data;
      expect(detail.attendance).toMatchObject({ registered: 2, checkedIn: 1 });
      // staff tick the second from the list, twice
      const sun = ((await handler.get(`/api/trainings/${p.id}/registrations`)).body.data as { id: string; name: string }[]).find((x) => x.name === '孙八')!;
      expect((await handler.post(`/api/trainings/${p.id}/registrations/${sun.id}/checkin`)).body.data.already).toBe(false);
      expect((await handler.post(`/api/trainings/${p.id}/registrations/${sun.id}/checkin`)).body.data.already).toBe(true);
      expect((await handler.get(`/api/trainings/${p.id}`)).body.data.attendance.checkedIn).toBe(2);
    });
    expect((await handler.put(`/api/trainings/${p.id}/head-count`, { headCount: -1 })).status).toBe(400);
    expect((await handler.put(`/api/trainings/${p.id}/head-count`, { headCount: 180 })).status).toBe(204);
    expect((await handler.get(`/api/trainings/${p.id}`)).body.data.attendance.headCount).toBe(180);
    const svg = await handler.get(`/api/trainings/${p.id}/qr`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.raw).toContain('<svg');
    const png = await t.app.inject({ method: 'GET', url: `/api/trainings/${p.id}/qr?format=png`, headers: { cookie: handler.cookie! } });
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });

  it('takes feedback once per registration after the event', async () => {
    const p = await published({ capacity: 10 });
    const reg = (await t.anon().post(`/api/portal/trainings/${p.id}/registrations`, { name: '周九', phone: '13900007777' })).body.data;
    expect((await t.anon().post(`/api/portal/trainings/${p.id}/feedback`, { code: reg.code, score: 5 })).body.error.code).toBe('not_held');
    await at(new Date(START.getTime() + 4 * 3600_000), async () => {
      expect((await handler.post(`/api/trainings/${p.id}/transition`, { action: 'hold' })).status).toBe(200);
      expect((await t.anon().post(`/api/portal/trainings/${p.id}/feedback`, { code: reg.code, score: 6 })).status).toBe(400);
      expect((await t.anon().post(`/api/portal/trainings/${p.id}/feedback`, { code: reg.code, score: 4, comment: '案例很实用' })).status).toBe(201);
      expect((await t.anon().post(`/api/portal/trainings/${p.id}/feedback`, { code: reg.code, score: 1 })).status).toBe(409);
      expect((await handler.get(`/api/trainings/${p.id}`)).body.data.feedback).toMatchObject({ count: 1, average: 4 });
      expect((await t.anon().post(`/api/portal/trainings/${p.id}/registrations`, { name: '迟到', phone: '13900008888' })).body.error.code).toBe('registration_closed');
    });
  });

  it('keeps to the institution subtree: another city sees 404, the province sees it', async () => {
    const p = await published();
    expect((await yichang.get(`/api/trainings/${p.id}`)).status).toBe(404);
    expect((await yichang.post(`/api/trainings/${p.id}/transition`, { action: 'hold' })).status).toBe(404);
    expect((await yichang.get('/api/trainings')).body.data.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await admin.get(`/api/trainings/${p.id}`)).status).toBe(200);
    const other = await yichang.post('/api/trainings', body());
    expect(other.status).toBe(404);
  });

  it('exports the list and the sign-in sheet as .xlsx', async () => {
    const p = await published();
    for (const url of ['/api/trainings/export.xlsx', `/api/trainings/${p.id}/registrations.xlsx`]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: handler.cookie! } });
      expect(r.statusCode).toBe(200);
      expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('never gives the last place twice when people register at the same moment', async () => {
    const p = await published({ capacity: 3 });
    const rs = await Promise.all(Array.from({ length: 6 }, (_, i) => t.anon().post(`/api/portal/trainings/${p.id}/registrations`, { name: `并发${i}`, phone: `1370000000${i}` })));
    expect(rs.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(rs.filter((r) => r.body.data.status === 'confirmed')).toHaveLength(3);
    expect(rs.filter((r) => r.body.data.status === 'waitlisted').map((r) => r.body.data.position).sort()).toEqual([1, 2, 3]);
    expect((await t.anon().get(`/api/portal/trainings/${p.id}`)).body.data.placesLeft).toBe(0);
  });

  it('keeps materials in the evidence storage: staff upload, the public downloads once published', async () => {
    const draft = (await handler.post('/api/trainings', body({ title: '资料测试' }))).body.data;
    const file = pdf();
    const boundary = `----yz${crypto.randomUUID()}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="课件.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await handler.request('POST', `/api/trainings/${draft.id}/materials`, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status).toBe(201);
    const fileId = up.body.data[0].id;
    expect((await yichang.request('POST', `/api/trainings/${draft.id}/materials`, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` })).status).toBe(404);
    expect((await t.anon().get(`/api/portal/trainings/${draft.id}/materials/${fileId}`)).status).toBe(404);
    await handler.post(`/api/trainings/${draft.id}/transition`, { action: 'publish' });
    const dl = await t.app.inject({ method: 'GET', url: `/api/portal/trainings/${draft.id}/materials/${fileId}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(file)).toBe(true);
    expect((await handler.del(`/api/trainings/${draft.id}/materials/${fileId}`)).status).toBe(204);
    expect((await t.anon().get(`/api/portal/trainings/${draft.id}`)).body.data.materials).toEqual([]);
  });
});
