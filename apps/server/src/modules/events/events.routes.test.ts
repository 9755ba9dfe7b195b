import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { exhibition, institutionOf, multipart, PNG } from './events.test-support.ts';

let t: TestApp;
let admin: TestClient;
let clerk: TestClient;
let handler: TestClient;
let yc: TestClient;
let wh: string;
let eventId: string;

// A Saturday: fairs run at weekends, and "same day" means the calendar day.
const NOW = new Date('2026-03-07T10:00:00+08:00');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  [admin, clerk, handler, yc] = await Promise.all([t.login('hb_admin'), t.login('wh_clerk'), t.login('wh_handler'), t.login('yc_handler')]);
  wh = await institutionOf(t, 'wh_clerk');
  const r = await admin.post('/api/events', exhibition(wh, '2026-03-06', '2026-03-08'));
  expect(r.status, r.raw).toBe(201);
  eventId = r.body.data.id;
}, 120_000);
afterAll(() => t.close());

describe('the event register', () => {
  it('registers an event, refuses bad dates naming the field, and edits with a version', async () => {
    const bad = await admin.post('/api/events', exhibition(wh, '2026-03-08', '2026-03-06'));
    expect(bad.status).toBe(400);
    expect(bad.raw).toContain('endsOn');
    expect(bad.raw).toContain('结束日期');
    const e = (await admin.get(`/api/events/${eventId}`)).body;
    expect(e.data).toMatchObject({ kind: 'exhibition', phase: 'during', expectedExhibitors: 420 });
    expect(e.abilities).toEqual({ edit: true, desk: false });
    expect((await admin.patch(`/api/events/${eventId}`, { version: 99, venue: 'B 馆' })).status).toBe(409);
    const ok = await admin.patch(`/api/events/${eventId}`, { version: e.data.version, venue: '武汉国际博览中心 A、B 馆' });
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.data.version).toBe(e.data.version + 1);
  });

  it('keeps a roster of institutions, staff and experts for the days of the event', async () => {
    const staff = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow();
    const cands = (await admin.get('/api/events/roster-candidates')).body.data;
    expect(cands.staff.map((s: { id: string }) => s.id)).toContain(staff.id);
    const expert = cands.experts[0];
    for (const entry of [{ kind: 'institution', refId: wh }, { kind: 'staff', refId: staff.id, duty: '投诉受理' }, { kind: 'expert', refId: expert.id }]) {
      const r = await admin.post(`/api/events/${eventId}/roster`, { onDate: '2026-03-07', ...entry });
      expect(r.status, r.raw).toBe(201);
    }
    const dup = await admin.post(`/api/events/${eventId}/roster`, { onDate: '2026-03-07', kind: 'staff', refId: staff.id });
    expect(dup.status).toBe(409);
    const outside = await admin.post(`/api/events/${eventId}/roster`, { onDate: '2026-03-09', kind: 'staff', refId: staff.id });
    expect(outside.status).toBe(422);
    expect(outside.body.error.field).toBe('onDate');
    const roster = (await admin.get(`/api/events/${eventId}`)).body.data.roster;
    expect(roster.map((x: { kind: string; name: string }) => `${x.kind}:${x.name}`)).toEqual(expect.arrayContaining(['staff:张伟（承办）', `expert:${expert.name}`]));
    const gone = await admin.del(`/api/events/${eventId}/roster/${roster[0].id}`);
    expect(gone.status).toBe(200);
    expect(gone.body.data.roster).toHaveLength(2);
  });

  it('takes exhibitors\' commitments signed online (box ticked) or uploaded', async () => {
    const unticked = await admin.post(`/api/events/${eventId}/commitments`, { exhibitor: '光谷激光科技有限公司', booth: 'A-108', signerName: '周敏', agreed: false });
    expect(unticked.status).toBe(400);
    expect(unticked.raw).toContain('agreed');
    const signed = await admin.post(`/api/events/${eventId}/commitments`, { exhibitor: '光谷激光科技有限公司', booth: 'A-108', signerName: '周敏', agreed: true });
    expect(signed.status, signed.raw).toBe(201);
    const up = await multipart(admin, `/api/events/${eventId}/commitments/upload`, [{ name: '承诺书.png', type: 'image/png', data: PNG }], { exhibitor: '楚天光纤股份有限公司', booth: 'B-12' });
    expect(up.status, up.raw).toBe(201);
    const noName = await multipart(admin, `/api/events/${eventId}/commitments/upload`, [{ name: 'c.png', type: 'image/png', data: PNG }], {});
    expect(noName.status).toBe(400);
    expect(noName.body.error.field).toBe('exhibitor');
    const list = (await admin.get(`/api/events/${eventId}`)).body.data.commitments;
    expect(list.map((c: { method: string; signerName: string | null }) => [c.method, c.signerName])).toEqual([['online', '周敏'], ['upload', null]]);
    const file = await admin.get(`/api/events/${eventId}/commitments/${list[1].id}/file`);
    expect(file.status).toBe(200);
  });

  it('renders a risk screening as a short report, the findings escaped', async () => {
    const r = await admin.post(`/api/events/${eventId}/screenings`, {
      screenedOn: '2026-03-05', scope: '对 420 家参展企业的展品与宣传材料进行排查',
      findings: [
        { exhibitor: '某<script>光电</script>公司', booth: 'C-3', ipType: 'trademark', level: 'high', note: '展板使用与注册商标近似的标识' },
        { exhibitor: '某仪器公司', ipType: 'patent', level: 'low', note: '专利已失效仍标注专利号' },
      ],
      conclusion: '建议对 C-3 展位重点巡查。',
    });
    expect(r.status, r.raw).toBe(201);
    const s = r.body.data.screenings[0];
    const html = await admin.get(`/api/events/${eventId}/screenings/${s.id}/report`);
    expect(html.status).toBe(200);
    expect(html.raw).toContain('共发现风险 2 项，其中高风险 1 项');
    expect(html.raw).toContain('某&lt;script&gt;光电&lt;/script&gt;公司');
    expect(html.raw).not.toContain('<script>');
  });
});

describe('the on-site desk', () => {
  const complaint = (extra: object = {}) => ({
    complainant: { name: '武汉华星光学有限公司', phone: '13912345678' }, booth: 'A-215', respondent: '某某光电设备有限公司',
    ipType: 'patent', ipNumber: 'ZL202110123456.7', summary: '展台展出的激光切割头与我司专利技术方案相同', ...extra,
  });

  it('turns a complaint with photos into a fast-track case due the same day, in the clerk\'s queue', async () => {
    const photos = await multipart(clerk, `/api/events/${eventId}/photos`, [{ name: 'booth.png', type: 'image/png', data: PNG }]);
    expect(photos.status, photos.raw).toBe(201);
    const r = await clerk.post(`/api/events/${eventId}/complaints`, complaint({ photoIds: [photos.body.data[0].id] }));
    expect(r.status, r.raw).toBe(201);
    const { caseId, caseNumber, deadlines } = r.body.data;
    expect(caseNumber).toBeTruthy();
    expect(deadlines.find((d: { kind: string }) => d.kind === 'acceptance')).toMatchObject({ due: '2026-03-07', workingDays: 0, status: 'running' });
    const c = (await clerk.get(`/api/cases/${caseId}`)).body.data;
    expect(c).toMatchObject({ track: 'fast', channel: 'exhibition', state: { value: 'submitted' } });
    expect(r.raw).not.toContain('13912345678');
    const att = await t.deps.db.selectFrom('case_attachments').select('attachment_id').where('case_id', '=', caseId).execute();
    expect(att).toHaveLength(1);
    const queue = (await clerk.get('/api/cases?queue=institution&channel=exhibition&track=fast')).body.data;
    expect(queue.map((x: { id: string }) => x.id)).toContain(caseId);
    const dueSoon = (await clerk.get('/api/cases?queue=due_soon')).body.data;
    expect(dueSoon.map((x: { id: string }) => x.id)).toContain(caseId);
  });

  it('takes a complaint with no photo, and a retried submit makes one case', async () => {
    const body = complaint({ booth: 'B-031', complainant: { name: '李明' , kind: 'natural_person' } });
    const a = await clerk.request('POST', `/api/events/${eventId}/complaints`, body, { 'idempotency-key': 'onsite-retry-0001' });
    expect(a.status, a.raw).toBe(201);
    const b = await clerk.request('POST', `/api/events/${eventId}/complaints`, body, { 'idempotency-key': 'onsite-retry-0001' });
    expect(b.status, b.raw).toBe(200);
    expect(b.body.data.caseId).toBe(a.body.data.caseId);
    expect(b.body.data.complaintId).toBe(a.body.data.complaintId);
    const n = await t.deps.db.selectFrom('onsite_complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('booth', '=', 'B-031').where('event_id', '=', eventId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses bad input naming the field, and complaints outside the event days', async () => {
    const phone = await clerk.post(`/api/events/${eventId}/complaints`, complaint({ complainant: { name: '甲', phone: '123' } }));
    expect(phone.status).toBe(400);
    expect(phone.raw).toContain('phone');
    expect(phone.raw).toContain('手机号码');
    const noBooth = await clerk.post(`/api/events/${eventId}/complaints`, complaint({ booth: '' }));
    expect(noBooth.status).toBe(400);
    expect(noBooth.raw).toContain('booth');
    const later = await admin.post('/api/events', exhibition(wh, '2026-05-01', '2026-05-03'));
    const early = await clerk.post(`/api/events/${later.body.data.id}/complaints`, complaint());
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('event_not_on');
    expect((await admin.post(`/api/events/${eventId}/complaints`, complaint())).status).toBe(403);
  });

  it('records the notice to the respondent once, the outcome, and desk consultations; the summary adds them up and exports', async () => {
    const list = (await clerk.get(`/api/events/${eventId}`)).body.data.complaints;
    expect(list).toHaveLength(2);
    const [first, second] = list;
    expect(first).toMatchObject({ track: 'fast', due: '2026-03-07', complainant: '武汉华星光学有限公司' });
    expect((await clerk.post(`/api/events/${eventId}/complaints/${first.id}/notice`, { method: 'in_person', note: '已向展位负责人送达告知书' })).status).toBe(204);
    expect((await clerk.post(`/api/events/${eventId}/complaints/${first.id}/notice`, { method: 'phone' })).status).toBe(409);
    expect((await clerk.post(`/api/events/${eventId}/complaints/${first.id}/outcome`, { outcome: 'withdrawn_from_display', note: '涉嫌侵权展品已撤下' })).status).toBe(204);
    expect((await clerk.post(`/api/events/${eventId}/complaints/${second.id}/outcome`, { outcome: 'settled' })).status).toBe(204);
    expect((await clerk.post(`/api/events/${eventId}/complaints/${second.id}/outcome`, { outcome: 'bogus' })).status).toBe(400);
    expect((await clerk.post(`/api/events/${eventId}/consultations`, { topic: '展品商标使用', count: 6 })).status).toBe(204);
    expect((await clerk.post(`/api/events/${eventId}/consultations`, { onDate: '2026-03-06', topic: '专利侵权判定', count: 3 })).status).toBe(204);
    const s = (await admin.get(`/api/events/${eventId}/summary`)).body.data;
    expect(s).toMatchObject({ complaints: 2, notified: 1, open: 0, consultations: 9, outcomes: { withdrawn_from_display: 1, settled: 1, referred_to_enforcement: 0 } });
    expect(s.byDay).toEqual([{ day: '2026-03-06', complaints: 0, consultations: 3 }, { day: '2026-03-07', complaints: 2, consultations: 6 }]);
    const x = await t.app.inject({ method: 'GET', url: `/api/events/${eventId}/summary.xlsx`, headers: { cookie: admin.cookie! } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '按日统计', '投诉明细']);
    expect(wb.getWorksheet('投诉明细')!.rowCount).toBe(3);
    expect(String(wb.getWorksheet('投诉明细')!.getRow(2).getCell(9).value)).toBe('撤展');
  });

  it('is scoped to the institution subtree: Yichang sees neither the event nor its summary', async () => {
    expect((await yc.get(`/api/events/${eventId}`)).status).toBe(404);
    expect((await yc.get(`/api/events/${eventId}/summary.xlsx`)).status).toBe(404);
    expect((await yc.get('/api/events')).body.data.map((e: { id: string }) => e.id)).not.toContain(eventId);
    expect((await handler.get('/api/events')).body.data.map((e: { id: string }) => e.id)).toContain(eventId);
  });
});
