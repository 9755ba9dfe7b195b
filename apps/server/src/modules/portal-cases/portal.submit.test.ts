import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png } from '../../platform/storage/storage.test-support.ts';
import { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { APPLICANT, application, fullDraft, otherApplicant, sha256, submit, submitted, upload } from './portal.test-support.ts';

let t: TestApp;
let me: TestClient;
let other: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  me = await t.login(APPLICANT);
  other = await otherApplicant(t);
}, 120_000);
afterAll(() => t.close());

const casesOf = async (userId: string) =>
  Number((await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('applicant_user_id', '=', userId)
    .where('state', '!=', 'draft').executeTakeFirstOrThrow()).n);
const myId = async () => (await me.get('/api/auth/me')).body.data.id as string;

describe('drafts', () => {
  it('saves any subset of the form, merges autosaves, keeps personal data encrypted, lists and deletes', async () => {
    const r = await me.post('/api/portal/drafts', { applicant: { kind: 'natural_person', phone: '1380013' } });
    expect(r.status).toBe(201);
    const id = r.body.data.id;
    const put = await me.put(`/api/portal/drafts/${id}`, { summary: '对方仿冒我的商标', ipType: 'trademark' });
    expect(put.status).toBe(200);
    expect(put.body.data.application).toMatchObject({ applicant: { phone: '1380013' }, summary: '对方仿冒我的商标', ipType: 'trademark' });
    const stored = await t.deps.db.selectFrom('portal_drafts').select('application_enc').where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.application_enc).not.toContain('1380013');
    expect(stored.application_enc).not.toContain('商标');
    const listed = await me.get('/api/portal/drafts');
    expect(listed.status, listed.raw).toBe(200);
    expect(listed.body.data.map((d: { id: string }) => d.id)).toContain(id);
    expect((await me.put(`/api/portal/drafts/${id}`, { ipType: 'bicycle' })).status).toBe(400);
    const bad = await me.put(`/api/portal/drafts/${id}`, { institutionId: '00000000-0000-7000-8000-000000000009' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('institutionId');
    expect((await me.del(`/api/portal/drafts/${id}`)).status).toBe(204);
    expect((await me.get(`/api/portal/drafts/${id}`)).status).toBe(404);
  });

  it('attaches evidence checked by content and removes one file', async () => {
    const id = await fullDraft(me);
    const u = await upload(me, `/api/portal/drafts/${id}/evidence`, [{ name: '证据一.pdf', data: pdf() }, { name: 'photo.png', data: png() }]);
    expect(u.status).toBe(201);
    expect(u.body.data).toHaveLength(2);
    const wrong = await upload(me, `/api/portal/drafts/${id}/evidence`, [{ name: 'run.exe', data: Buffer.from('MZ\x90\x00 not evidence') }]);
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    expect(wrong.body.error.messageEn).toBeTruthy();
    const del = await me.del(`/api/portal/drafts/${id}/evidence/${u.body.data[1].id}`);
    expect(del.status).toBe(204);
    expect((await me.get(`/api/portal/drafts/${id}`)).body.data.evidence.map((e: { name: string }) => e.name)).toEqual(['证据一.pdf']);
  });

  it('does not add a file twice when its upload is sent again (same name and bytes); the extra copy is discarded', async () => {
    const id = await fullDraft(me);
    const file = { name: '证据二.pdf', data: pdf() };
    const first = await upload(me, `/api/portal/drafts/${id}/evidence`, [file]);
    const again = await upload(me, `/api/portal/drafts/${id}/evidence`, [file, { name: '另一份.pdf', data: pdf() }]);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.data.map((e: { id: string }) => e.id)).toContain(first.body.data[0].id);
    expect((await me.get(`/api/portal/drafts/${id}`)).body.data.evidence.map((e: { name: string }) => e.name).sort()).toEqual(['另一份.pdf', '证据二.pdf']);
    const pending = await t.deps.db.selectFrom('attachments').select('id').where('uploaded_by', '=', await myId()).where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });

  it('keeps another applicant (and staff) out: 404', async () => {
    const id = await fullDraft(me);
    expect((await other.get(`/api/portal/drafts/${id}`)).status).toBe(404);
    expect((await other.put(`/api/portal/drafts/${id}`, { summary: 'x' })).status).toBe(404);
    expect((await other.del(`/api/portal/drafts/${id}`)).status).toBe(404);
    expect((await submit(other, id)).status).toBe(404);
    expect((await upload(other, `/api/portal/drafts/${id}/evidence`, [{ name: 'a.pdf', data: pdf() }])).status).toBe(404);
    const clerk = await t.login('wh_clerk');
    expect((await clerk.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await clerk.post('/api/portal/drafts', {})).status).toBe(403);
    const { id: caseId } = await submitted(me);
    expect((await other.get(`/api/portal/cases/${caseId}`)).status).toBe(404);
    expect((await other.post(`/api/portal/cases/${caseId}/withdraw`, {})).status).toBe(404);
    expect((await clerk.get(`/api/portal/cases/${caseId}`)).status).toBe(404);
    expect((await other.get('/api/portal/cases')).body.data).toEqual([]);
  });
});

describe('submit', () => {
  it('needs an Idempotency-Key', async () => {
    const id = await fullDraft(me);
    const r = await submit(me, id, null);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'idempotency_key_required', field: 'Idempotency-Key' });
  });

  it('names every wrong field (zh/en) and keeps the draft as typed', async () => {
    const r = await me.post('/api/portal/drafts', { applicant: { kind: 'legal_person', name: '' }, ipType: 'patent', summary: '只写了一半' });
    const id = r.body.data.id;
    const s = await submit(me, id);
    expect(s.status).toBe(422);
    expect(s.body.error.code).toBe('invalid_application');
    const fields = s.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['applicant.name', 'applicant.phone', 'applicant.enterpriseSize', 'ipNumber', 'services', 'request', 'regionCode']));
    expect(s.body.error.message).toMatch(/草稿已保留/);
    expect(s.body.error.messageEn).toMatch(/draft is kept/);
    const d = await me.get(`/api/portal/drafts/${id}`);
    expect(d.status).toBe(200);
    expect(d.body.data.application.summary).toBe('只写了一半');
    // Fixed, the same key now goes through (the failed attempt did not use it up).
    const { applicant, services, ipNumber, request, regionCode } = application();
    expect((await me.put(`/api/portal/drafts/${id}`, { applicant, services, ipNumber, request, regionCode })).status).toBe(200);
    const ok = await me.request('POST', `/api/portal/drafts/${id}/submit`, {}, { 'idempotency-key': s.body.error.requestId.replaceAll('-', '').slice(0, 20) });
    expect(ok.status).toBe(201);
  });

  it('answers a receipt whose hashes are the SHA-256 of the uploaded bytes; a retry gives the same answer and no new case', async () => {
    const files = [{ name: '购买记录.pdf', data: pdf() }, { name: '商品照片.png', data: png() }];
    const id = await fullDraft(me, {}, files);
    const before = await casesOf(await myId());
    const first = await submit(me, id, 'retry-key-0001');
    expect(first.status).toBe(201);
    const rc = first.body.data;
    expect(rc.caseNumber).toMatch(/^WH-2026-\d{6}$/);
    expect(rc.institution).toMatchObject({ name: '武汉市知识产权维权援助中心', chosen: false });
    expect(rc.institution.reason.zh).toBe('位于申请人所在的武汉市，提供侵权判定参考意见服务，受理专利纠纷');
    expect(rc.evidence).toEqual(files.map((f) => ({ name: f.name, sizeBytes: f.data.length, sha256: sha256(f.data) })));
    const again = await submit(me, id, 'retry-key-0001');
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(rc);
    expect(await casesOf(await myId())).toBe(before + 1);
    expect((await submit(me, id, 'another-key-01')).status).toBe(409);
    expect((await me.get(`/api/portal/drafts/${id}`)).status).toBe(404);
    const view = await me.get(`/api/portal/cases/${id}`);
    expect(view.body.data).toMatchObject({ caseNumber: rc.caseNumber, state: { value: 'submitted', zh: '已提交' } });
    expect(view.body.data.next.due).toBeTruthy();
    expect(view.body.data.next.zh).toContain(view.body.data.next.due);
  });

  it('shows the privacy notice with its version; refuses a submit under an older notice (409, draft kept) and records the current one', async () => {
    const notice = await new TestClient(t.app).get('/api/portal/privacy-notice');
    expect(notice.status).toBe(200);
    const { version, zh, en } = notice.body.data;
    expect(zh.length).toBe(en.length);
    const id = await fullDraft(me);
    const stale = await me.request('POST', `/api/portal/drafts/${id}/submit`, { privacyNoticeVersion: 'old-v0' }, { 'idempotency-key': 'notice-key-01' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'privacy_notice_changed', field: 'privacyNoticeVersion', currentVersion: version });
    expect((await me.get(`/api/portal/drafts/${id}`)).status).toBe(200);
    const ok = await me.request('POST', `/api/portal/drafts/${id}/submit`, { privacyNoticeVersion: version }, { 'idempotency-key': 'notice-key-02' });
    expect(ok.status).toBe(201);
    const rec = await t.deps.db.selectFrom('case_privacy').select(['notice_version', 'consented_at']).where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(rec.notice_version).toBe(version);
  });

  it('makes one case from concurrent retries (Promise.all)', async () => {
    const id = await fullDraft(me, { institutionId: (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '宜昌市知识产权维权援助中心').executeTakeFirstOrThrow()).id });
    const before = await casesOf(await myId());
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(me, id, 'concurrent-key-01')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.data.caseNumber)).size).toBe(1);
    expect(answers[0].body.data.caseNumber).toMatch(/^YC-/);
    expect(answers[0].body.data.institution.chosen).toBe(true);
    expect(await casesOf(await myId())).toBe(before + 1);
  });

  it('encrypts the applicant contact of the submitted case', async () => {
    const { id } = await submitted(me);
    const p = await t.deps.db.selectFrom('case_parties').selectAll().where('case_id', '=', id).where('role', '=', 'applicant').executeTakeFirstOrThrow();
    expect(p.phone_enc).not.toContain('13800138000');
    expect(p.phone_masked).not.toContain('0013800');
  });
});
