import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../../platform/storage/storage.test-support.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { redactUrl } from '../../platform/http/log-redact.ts';
import { createRatingLink } from './portal.rating.ts';
import { APPLICANT, lastCode, otherApplicant, sha256, submitted, upload } from './portal.test-support.ts';

let t: TestApp;
let me: TestClient;
let clerk: TestClient;
let handler: TestClient;
let admin: TestClient;
let whId: string;
beforeAll(async () => {
  t = await createTestApp();
  [me, clerk, handler, admin] = await Promise.all([t.login(APPLICANT), t.login('wh_clerk'), t.login('wh_handler'), t.login('hb_admin')]);
  whId = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(() => t.close());

const fire = (c: TestClient, id: string, event: string, payload: Record<string, unknown> = {}) => c.post(`/api/cases/${id}/transitions`, { event, payload });

describe('tracking my cases', () => {
  it('shows a request for more material, takes the reply with files, and lets me withdraw', async () => {
    const { id } = await submitted(me, { institutionId: whId });
    expect((await me.get('/api/portal/cases')).body.data.map((c: { id: string }) => c.id)).toContain(id);
    expect((await fire(clerk, id, 'requestSupplement', { reason: '请补充购买商品的发票' })).status).toBe(200);
    const v = (await me.get(`/api/portal/cases/${id}`)).body.data;
    expect(v.state).toMatchObject({ value: 'awaiting_supplement' });
    expect(v.supplementRequest.text).toBe('请补充购买商品的发票');
    expect(v.messages.find((m: { kind: string }) => m.kind === 'supplement_request').text).toBe('请补充购买商品的发票');
    expect(v.abilities).toEqual({ withdraw: true, supplement: true });
    expect(v.next.en).toMatch(/paused/);
    expect(v).not.toHaveProperty('parties');

    const file = pdf();
    const s = await upload(me, `/api/portal/cases/${id}/supplement`, [{ name: '发票.pdf', data: file }], { note: '发票已上传' });
    expect(s.status, s.raw).toBe(200);
    expect(s.body.data.state.value).toBe('submitted');
    expect(s.body.data.evidence.find((e: { purpose: string }) => e.purpose === 'supplement')).toMatchObject({ name: '发票.pdf', sha256: sha256(file) });
    const again = await upload(me, `/api/portal/cases/${id}/supplement`, [{ name: 'b.pdf', data: pdf() }]);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('illegal_transition');

    const w = await me.post(`/api/portal/cases/${id}/withdraw`, { reason: '已与对方和解' });
    expect(w.status).toBe(200);
    expect(w.body.data.state).toMatchObject({ value: 'withdrawn', zh: expect.any(String), en: expect.any(String) });
    expect((await me.post(`/api/portal/cases/${id}/withdraw`, {})).status).toBe(409);
  });

  it('another applicant cannot reach my case', async () => {
    const { id } = await submitted(me);
    const other = await otherApplicant(t);
    expect((await other.get(`/api/portal/cases/${id}`)).status).toBe(404);
    expect((await upload(other, `/api/portal/cases/${id}/supplement`, [], { note: 'x' })).status).toBe(404);
  });
});

describe('rating', () => {
  it('creates a link when the case is concluded; rates once (409 after)', async () => {
    const { id, receipt } = await submitted(me, { institutionId: whId, services: ['consultation'] });
    const handlerId = (await handler.get('/api/auth/me')).body.data.id;
    expect((await fire(clerk, id, 'accept')).status).toBe(200);
    expect((await fire(admin, id, 'assign', { handlerId })).status).toBe(200);
    expect((await fire(handler, id, 'start')).status).toBe(200);
    expect((await fire(handler, id, 'conclude', { result: '已出具维权指导意见' })).status).toBe(200);
    const link = await t.deps.db.transaction().execute((tx) => createRatingLink(t.deps, tx, id));
    expect(link!.path).toBe(`/rate/${link!.token}`);
    const anon = t.anon();
    const g = await anon.get(`/api/portal/rate/${link!.token}`);
    expect(g.status).toBe(200);
    expect(g.body.data).toMatchObject({ caseNumber: receipt.caseNumber, institution: { name: '武汉市知识产权维权援助中心' }, rated: false });
    expect((await anon.post(`/api/portal/rate/${link!.token}`, { score: 6 })).status).toBe(400);
    const r = await anon.post(`/api/portal/rate/${link!.token}`, { score: 5, comment: '回复及时，很专业' });
    expect(r.status).toBe(200);
    const twice = await anon.post(`/api/portal/rate/${link!.token}`, { score: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_rated');
    expect((await anon.get(`/api/portal/rate/${link!.token}`)).body.data).toMatchObject({ rated: true, score: 5 });
    expect(await t.deps.db.transaction().execute((tx) => createRatingLink(t.deps, tx, id))).toBeNull();
    expect((await me.get(`/api/portal/cases/${id}`)).body.data).toMatchObject({ rated: true, state: { value: 'concluded' } });
    expect((await anon.get('/api/portal/rate/not-a-real-token-000')).status).toBe(404);
    expect(redactUrl(`/api/portal/rate/${link!.token}?x=1`)).toBe('/api/portal/rate/[redacted]?x=1');
  });

  it('a link expires after 30 days', async () => {
    const { id } = await submitted(me);
    const link = await t.deps.db.transaction().execute((tx) => createRatingLink(t.deps, tx, id));
    t.clock.advance(31 * 86_400_000);
    expect((await t.anon().get(`/api/portal/rate/${link!.token}`)).status).toBe(404);
  });
});

describe('tracking without an account', () => {
  it('sends a code only for a matching pair, with the same answer either way; the token reads the case for 30 minutes', async () => {
    me = await t.login(APPLICANT); // the clock moved on in the tests above
    const { receipt } = await submitted(me, { applicant: { kind: 'natural_person', name: '张三', phone: '13912340001' } });
    const anon = t.anon();
    const sentBefore = t.sent.length;
    const wrong = await anon.post('/api/portal/track/code', { caseNumber: receipt.caseNumber, contact: '13912340002' });
    const unknown = await anon.post('/api/portal/track/code', { caseNumber: 'WH-2026-999999', contact: '13912340003' });
    expect(t.sent.length).toBe(sentBefore);
    const right = await anon.post('/api/portal/track/code', { caseNumber: receipt.caseNumber, contact: '13912340001' });
    expect([wrong.status, unknown.status, right.status]).toEqual([200, 200, 200]);
    expect(wrong.body.data).toEqual(right.body.data);
    expect(unknown.body.data).toEqual(right.body.data);
    const code = lastCode(t, '13912340001')!;
    expect(code).toMatch(/^\d{6}$/);

    const bad = await anon.post('/api/portal/track', { caseNumber: receipt.caseNumber, contact: '13912340001', code: code === '000000' ? '111111' : '000000' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'invalid_code', field: 'code' });
    const otherCase = await anon.post('/api/portal/track', { caseNumber: 'WH-2026-999999', contact: '13912340001', code });
    expect(otherCase.status).toBe(422);
    expect(otherCase.body.error.message).toBe(bad.body.error.message);

    // A valid code given with the wrong case number is spent all the same: ask for a new one.
    t.clock.advance(61_000);
    await anon.post('/api/portal/track/code', { caseNumber: receipt.caseNumber, contact: '13912340001' });
    const ok = await anon.post('/api/portal/track', { caseNumber: receipt.caseNumber, contact: '13912340001', code: lastCode(t, '13912340001') });
    expect(ok.status, ok.raw).toBe(200);
    const token = ok.body.data.token as string;
    const stored = await t.deps.db.selectFrom('portal_track_tokens').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const view = await anon.request('GET', '/api/portal/track/case', undefined, { 'x-track-token': token });
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({ caseNumber: receipt.caseNumber, state: { value: 'submitted' }, abilities: { withdraw: false, supplement: false } });
    expect(view.raw).not.toContain('13912340001');
    expect(view.raw).not.toContain('某电商店铺');
    expect((await anon.get('/api/portal/track/case')).status).toBe(401);
    t.clock.advance(31 * 60_000);
    expect((await anon.request('GET', '/api/portal/track/case', undefined, { 'x-track-token': token })).status).toBe(401);
  });
});
