import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/network.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { hashPassword } from '../auth/password.ts';
import { documentRenderer } from './case-documents.ts';
import { fire, institutionId, ok, register, userId, YC } from './cases.test-support.ts';

let t: TestApp;
let clerk: TestClient;
let handler: TestClient;
let reviewer: TestClient;
let ycHandler: TestClient;
let ycClerk: TestClient;
let expert: TestClient;
let admin: TestClient;
let handlerId: string;

async function makeUser(username: string, kind: 'applicant' | 'expert') {
  const u = await t.deps.db
    .insertInto('users')
    .values({
      kind, username, display_name: username, email: `${username}@docs.test`, password_hash: await hashPassword(DEMO_PASSWORD),
      phone_enc: null, phone_hmac: null, phone_masked: null, party_kind: kind === 'applicant' ? 'natural_person' : null, org_name: null,
      credit_code: null, totp_secret_enc: null, locked_until: null, last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return u.id;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, handler, reviewer, ycHandler, expert, admin] = await Promise.all(['wh_clerk', 'wh_handler', 'wh_reviewer', 'yc_handler', 'expert_wu', 'hb_admin'].map((u) => t.login(u)));
  handlerId = await userId(t, 'wh_handler');
  // yc_handler holds case_handler only; a YC clerk accepts the transfer
  const yc = await institutionId(t, YC);
  const id = await makeUser('yc_docs_clerk', 'expert');
  await t.deps.db.updateTable('users').set({ kind: 'staff' }).where('id', '=', id).execute();
  await t.deps.db.insertInto('role_assignments').values({ user_id: id, role: 'intake_clerk', institution_id: yc }).execute();
  ycClerk = await t.login('yc_docs_clerk');
}, 120_000);
afterAll(() => t.close());

const docs = async (c: TestClient, id: string) => {
  const r = await c.get(`/api/cases/${id}/documents`);
  expect(r.status).toBe(200);
  return r.body.data as { id: string; kind: string; docNumber: string; serial: number; year: number; status: string; error: string | null }[];
};

async function download(c: TestClient, url: string) {
  return t.app.inject({ method: 'GET', url, headers: c.cookie ? { cookie: c.cookie } : {} });
}

async function accepted(over: Record<string, unknown> = {}) {
  const id = await register(clerk, over);
  await ok(clerk, id, 'accept');
  return id;
}

async function working(over: Record<string, unknown> = {}) {
  const id = await accepted(over);
  await ok(admin, id, 'assign', { handlerId });
  await ok(handler, id, 'start');
  return id;
}

describe('documents issued by transitions', () => {
  it('accept queues a numbered acceptance notice in the transaction; the job issues it as .docx and PDF', async () => {
    const id = await register(clerk);
    const r = await ok(clerk, id, 'accept');
    const effect = (r.body.transition.effects as { type: string; status: string; docNumber?: string }[]).find((e) => e.type === 'document');
    expect(effect).toMatchObject({ document: 'acceptance_notice', status: 'queued' });
    expect(effect!.docNumber).toMatch(/^武汉维援受字〔2026〕[1-9]\d*号$/);
    expect((await docs(clerk, id))[0]).toMatchObject({ kind: 'acceptance_notice', status: 'draft', year: 2026 });
    await t.drainJobs();
    const [d] = await docs(clerk, id);
    expect(d).toMatchObject({ kind: 'acceptance_notice', status: 'issued', docNumber: effect!.docNumber, error: null });
  }, 60_000);

  it('numbers per institution and year: consecutive serials; 受理 and 不予受理 share 受字; another institution has its own series', async () => {
    const a = await accepted();
    const b = await register(clerk);
    await ok(clerk, b, 'decline', { reason: '申请事项不属于知识产权维权援助范围' });
    const c = await accepted();
    await t.drainJobs();
    const [da, db, dc] = [(await docs(clerk, a))[0]!, (await docs(clerk, b))[0]!, (await docs(clerk, c))[0]!];
    expect(db.kind).toBe('decline_notice');
    expect([db.serial - da.serial, dc.serial - db.serial]).toEqual([1, 1]);
    expect(db.docNumber).toBe(`武汉维援受字〔2026〕${db.serial}号`);
    // Yichang: its own series
    const ycId = await institutionId(t, YC);
    const before = await t.deps.db.selectFrom('number_sequences').select('last').where('institution_id', '=', ycId).where('kind', '=', 'doc:受字').where('year', '=', 2026).executeTakeFirst();
    const yc = await register(ycClerk);
    await ok(ycClerk, yc, 'accept');
    await t.drainJobs();
    const serial = (before?.last ?? 0) + 1;
    expect((await docs(ycClerk, yc))[0]).toMatchObject({ serial, docNumber: `宜昌维援受字〔2026〕${serial}号`, status: 'issued' });
  }, 120_000);

  it('each document effect on its transition: supplement request, transfer letter (+ acceptance there), referral letter, guidance letter', async () => {
    const s = await register(clerk);
    await ok(clerk, s, 'requestSupplement', { reason: '专利证书复印件\n被诉侵权产品照片' });
    const tr = await register(clerk);
    await ok(clerk, tr, 'transfer', { toInstitutionId: await institutionId(t, YC), reason: '被申请人在宜昌，就近办理' });
    await ok(ycClerk, tr, 'acceptTransfer');
    const rf = await accepted();
    await ok(clerk, rf, 'refer', { body: 'mediation_committee', reason: '双方同意调解' }).catch(async () => ok(handler, rf, 'refer', { body: 'mediation_committee', reason: '双方同意调解' }));
    const g = await working();
    await ok(handler, g, 'conclude', { result: '已向申请人提供维权指导。\n建议通过公证购买固定证据。' });
    await t.drainJobs();
    expect((await docs(clerk, s)).map((d) => [d.kind, d.status])).toEqual([['supplement_request', 'issued']]);
    expect((await docs(clerk, s))[0]!.docNumber).toMatch(/^武汉维援补字〔2026〕\d+号$/);
    const trDocs = await docs(ycClerk, tr);
    expect(trDocs.map((d) => [d.kind, d.status])).toEqual([['transfer_letter', 'issued'], ['acceptance_notice', 'issued']]);
    expect(trDocs[0]!.docNumber).toMatch(/^武汉维援移字/);
    expect(trDocs[1]!.docNumber).toMatch(/^宜昌维援受字/);
    expect((await docs(clerk, rf)).map((d) => d.kind)).toEqual(['acceptance_notice', 'referral_letter']);
    expect((await docs(clerk, rf))[1]!.docNumber).toMatch(/^武汉维援转字/);
    const gd = await docs(clerk, g);
    expect(gd.map((d) => [d.kind, d.status])).toEqual([['acceptance_notice', 'issued'], ['guidance_letter', 'issued']]);
    expect(gd[1]!.docNumber).toMatch(/^武汉维援指字〔2026〕\d+号$/);
  }, 180_000);

  it('the database refuses any UPDATE or DELETE of an issued document', async () => {
    const id = await accepted();
    await t.drainJobs();
    const [d] = await docs(clerk, id);
    expect(d!.status).toBe('issued');
    await expect(sql`UPDATE case_documents SET doc_number = '改号〔2026〕1号' WHERE id = ${d!.id}`.execute(t.deps.db)).rejects.toThrow(/issued/);
    await expect(sql`UPDATE case_documents SET data = '{}'::jsonb WHERE id = ${d!.id}`.execute(t.deps.db)).rejects.toThrow(/issued/);
    await expect(sql`DELETE FROM case_documents WHERE id = ${d!.id}`.execute(t.deps.db)).rejects.toThrow(/issued/);
    expect((await fire(admin, id, 'assign', { handlerId })).status).toBe(200);
    const regen = await clerk.post(`/api/cases/${id}/documents/${d!.id}/regenerate`, {});
    expect(regen.status).toBe(409);
    expect(regen.body.error.code).toBe('document_issued');
  }, 60_000);

  it('a rendering failure leaves the case change in place and the document a draft with its error; regenerate keeps the number', async () => {
    const id = await register(clerk);
    const real = documentRenderer.render;
    documentRenderer.render = async () => {
      throw new Error('Chromium crashed');
    };
    try {
      await ok(clerk, id, 'requestSupplement', { reason: '营业执照复印件' });
      await expect(t.drainJobs()).rejects.toThrow('Chromium crashed');
    } finally {
      documentRenderer.render = real;
    }
    expect((await clerk.get(`/api/cases/${id}`)).body.data.state.value).toBe('awaiting_supplement');
    const [d] = await docs(clerk, id);
    expect(d).toMatchObject({ kind: 'supplement_request', status: 'draft', error: 'Error: Chromium crashed' });
    expect((await download(clerk, `/api/cases/${id}/documents/${d!.id}/download?format=pdf`)).statusCode).toBe(409);
    const r = await clerk.post(`/api/cases/${id}/documents/${d!.id}/regenerate`, {});
    expect(r.status).toBe(202);
    expect(r.body.data).toMatchObject({ status: 'draft', docNumber: d!.docNumber, error: null });
    await t.drainJobs();
    const [again] = await docs(clerk, id);
    expect(again).toMatchObject({ id: d!.id, status: 'issued', docNumber: d!.docNumber, serial: d!.serial });
    expect((await ycHandler.post(`/api/cases/${id}/documents/${d!.id}/regenerate`, {})).status).toBe(404);
  }, 60_000);
});

describe('downloads', () => {
  let caseId: string;
  let docId: string;
  let applicant: TestClient;
  let other: TestClient;
  beforeAll(async () => {
    const mine = await makeUser('docs_applicant', 'applicant');
    await makeUser('docs_other_applicant', 'applicant');
    caseId = await accepted();
    await t.deps.db.updateTable('cases').set({ applicant_user_id: mine }).where('id', '=', caseId).execute();
    await t.drainJobs();
    docId = (await docs(clerk, caseId))[0]!.id;
    [applicant, other] = await Promise.all([t.login('docs_applicant'), t.login('docs_other_applicant')]);
  }, 60_000);

  it('answers the stored bytes (hash-checked) with attachment headers, .docx and PDF', async () => {
    const row = await t.deps.db.selectFrom('case_documents').selectAll().where('id', '=', docId).executeTakeFirstOrThrow();
    for (const [format, att, magic] of [['docx', row.docx_attachment_id, 'PK'], ['pdf', row.pdf_attachment_id, '%PDF']] as const) {
      const r = await download(handler, `/api/cases/${caseId}/documents/${docId}/download?format=${format}`);
      expect(r.statusCode).toBe(200);
      const a = await t.deps.db.selectFrom('attachments').selectAll().where('id', '=', att!).executeTakeFirstOrThrow();
      expect(crypto.createHash('sha256').update(r.rawPayload).digest('hex')).toBe(a.sha256);
      expect(r.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
      expect(r.headers['content-disposition']).toMatch(/^attachment;/);
      expect(String(r.headers['content-disposition'])).toContain(format);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['content-type']).toBe(a.media_type);
    }
    const links = await t.deps.db.selectFrom('case_attachments').select('purpose').where('case_id', '=', caseId).execute();
    expect(links.filter((l) => l.purpose === 'document')).toHaveLength(2);
  });

  it('404 out of scope, for another applicant, for staff on the portal route; the applicant downloads their own', async () => {
    expect((await download(ycHandler, `/api/cases/${caseId}/documents/${docId}/download?format=pdf`)).statusCode).toBe(404);
    expect((await ycHandler.get(`/api/cases/${caseId}/documents`)).status).toBe(404);
    const portal = `/api/portal/cases/${caseId}/documents/${docId}/download?format=docx`;
    expect((await download(other, portal)).statusCode).toBe(404);
    expect((await other.get(`/api/portal/cases/${caseId}/documents`)).status).toBe(404);
    expect((await download(handler, portal)).statusCode).toBe(404);
    const mine = await download(applicant, portal);
    expect(mine.statusCode).toBe(200);
    expect(mine.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const list = await applicant.get(`/api/portal/cases/${caseId}/documents`);
    expect(list.body.data.map((d: { id: string }) => d.id)).toEqual([docId]);
    // applicants have no staff route
    expect((await download(applicant, `/api/cases/${caseId}/documents/${docId}/download?format=pdf`)).statusCode).toBe(403);
  });

  it('a stored file altered on disk breaks the download instead of serving other bytes', async () => {
    const id = await accepted();
    await t.drainJobs();
    const [d] = await docs(clerk, id);
    const row = await t.deps.db.selectFrom('case_documents').select('pdf_attachment_id').where('id', '=', d!.id).executeTakeFirstOrThrow();
    const a = await t.deps.db.selectFrom('attachments').select('storage_key').where('id', '=', row.pdf_attachment_id!).executeTakeFirstOrThrow();
    const { pathForKey } = await import('../../platform/storage/layout.ts');
    const fs = await import('node:fs/promises');
    const file = pathForKey(t.deps.config.dataDir, a.storage_key);
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 10] ^= 0xff;
    await fs.writeFile(file, bytes);
    const r = await download(clerk, `/api/cases/${id}/documents/${d!.id}/download?format=pdf`).catch((e: Error) => e);
    expect(r instanceof Error || r.rawPayload.length < bytes.length || r.statusCode >= 500).toBe(true);
  });
});

describe('service outcomes, experts and the infringement opinion', () => {
  it('validates per service: 422 naming the fields', async () => {
    const id = await working({ services: ['mediation', 'funding_aid', 'overseas_guidance', 'warning_analysis'] });
    let r = await handler.put(`/api/cases/${id}/outcomes/mediation`, { termsSummary: '赔偿5万元' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('invalid_outcome');
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['agreementReached', 'judicialConfirmation']));
    r = await handler.put(`/api/cases/${id}/outcomes/mediation`, { agreementReached: true, judicialConfirmation: true });
    expect(r.status).toBe(422);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['termsSummary', 'court']));
    r = await handler.put(`/api/cases/${id}/outcomes/funding_aid`, { amountApproved: 1000, amountPaid: 2000 });
    expect(r.status).toBe(422);
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['amountPaid', 'paidOn']));
    r = await handler.put(`/api/cases/${id}/outcomes/overseas_guidance`, { country: 'usa', adviceSummary: '' });
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['country', 'adviceSummary']));
    r = await handler.put(`/api/cases/${id}/outcomes/warning_analysis`, { conclusion: 'likely', findingsSummary: '存在风险' });
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('conclusion');
    r = await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, { conclusion: 'likely', reasoning: ['x'] });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('service_not_requested');
    expect((await handler.put(`/api/cases/${id}/outcomes/nonsense`, {})).status).toBe(404);

    const good = {
      mediation: { agreementReached: true, termsSummary: '被申请人下架侵权商品并赔偿5万元', judicialConfirmation: true, court: '武汉市中级人民法院' },
      funding_aid: { amountApproved: 20000, amountPaid: 10000, paidOn: '2026-11-20' },
      overseas_guidance: { country: 'US', adviceSummary: '建议委托当地律师应诉，并评估和解可能。' },
      warning_analysis: { findingsSummary: '目标市场存在三件相关在先专利，建议规避设计。' },
    };
    for (const [s, body] of Object.entries(good)) {
      r = await handler.put(`/api/cases/${id}/outcomes/${s}`, body);
      expect(r.status, `${s} ${r.raw}`).toBe(200);
      expect(r.body.data).toMatchObject({ service: s, data: expect.objectContaining(body) });
    }
    expect((await clerk.get(`/api/cases/${id}/outcomes/mediation`)).body.data.data.court).toBe('武汉市中级人民法院');
    expect((await ycHandler.get(`/api/cases/${id}/outcomes/mediation`)).status).toBe(404);
    expect((await reviewer.put(`/api/cases/${id}/outcomes/mediation`, good.mediation)).status).toBe(403);
    // the guidance letter carries the outcomes
    await ok(handler, id, 'conclude', { result: '调解结案。' });
    await t.drainJobs();
    const g = (await docs(clerk, id)).find((d) => d.kind === 'guidance_letter');
    expect(g?.status).toBe('issued');
    const row = await t.deps.db.selectFrom('case_documents').select('data').where('id', '=', g!.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.data)).toContain('武汉市中级人民法院司法确认');
  }, 60_000);

  it('an invited expert reads the case and writes an opinion; the opinion is issued only once signed off', async () => {
    const id = await working({ services: ['infringement_opinion'] });
    const expertId = await userId(t, 'expert_wu');
    expect((await expert.get(`/api/cases/${id}`)).status).toBe(404);
    expect((await expert.put(`/api/cases/${id}/experts/me/opinion`, { opinion: '我认为构成侵权' })).status).toBe(404);
    expect((await handler.post(`/api/cases/${id}/experts`, { userId: handlerId })).status).toBe(422);
    const inv = await handler.post(`/api/cases/${id}/experts`, { userId: expertId });
    expect(inv.status).toBe(201);
    expect(inv.body.data).toEqual([expect.objectContaining({ userId: expertId, opinion: null })]);
    expect((await ycHandler.post(`/api/cases/${id}/experts`, { userId: expertId })).status).toBe(404);

    const view = await expert.get(`/api/cases/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.abilities.events ?? []).toEqual([]);
    expect((await expert.get(`/api/cases/${id}/timeline`)).status).toBe(403);
    expect((await expert.put(`/api/cases/${id}/experts/me/opinion`, { opinion: '被诉产品落入权利要求1的保护范围。' })).status).toBe(200);
    expect((await expert.put(`/api/cases/${id}/outcomes/infringement_opinion`, { conclusion: 'likely', reasoning: ['x'] })).status).toBe(403);
    const seen = await handler.get(`/api/cases/${id}/outcomes/infringement_opinion`);
    expect(seen.body.data.experts[0].opinion).toBe('被诉产品落入权利要求1的保护范围。');
    expect((await expert.get(`/api/cases/${id}/outcomes/infringement_opinion`)).status).toBe(200);
    // another case: not invited
    const other = await working({ services: ['infringement_opinion'] });
    expect((await expert.get(`/api/cases/${other}`)).status).toBe(404);

    // the handler composes the final opinion; conclusion before sign-off is refused by the domain
    const opinion = {
      conclusion: 'likely', comparedWhat: '权利要求1',
      reasoning: ['被诉产品包含权利要求1的全部技术特征。'],
      compared: [{ item: '特征A', protected: '交叉铰接的支撑杆', accused: '交叉铰接的支撑杆', finding: '相同' }],
    };
    expect((await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, opinion)).status).toBe(200);
    const early = await fire(handler, id, 'conclude', { result: '出具侵权判定参考意见' });
    expect([409, 422]).toContain(early.status);
    expect(early.body.error.code).toBe('opinion_not_signed_off');
    await ok(handler, id, 'submitForReview');
    await ok(reviewer, id, 'signOff');
    const signed = await handler.get(`/api/cases/${id}/outcomes/infringement_opinion`);
    expect(signed.body.data.signedOffAt).not.toBeNull();
    expect(signed.body.data.data.experts).toEqual(['吴教授（专家）']);
    expect((await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, opinion)).status).toBe(409);
    expect((await expert.put(`/api/cases/${id}/experts/me/opinion`, { opinion: '改一下' })).status).toBe(409);
    await ok(handler, id, 'conclude', { result: '出具侵权判定参考意见' });
    await t.drainJobs();
    const issued = (await docs(clerk, id)).find((d) => d.kind === 'infringement_opinion');
    expect(issued).toMatchObject({ status: 'issued' });
    expect(issued!.docNumber).toMatch(/^武汉维援意字〔2026〕\d+号$/);
    expect((await docs(clerk, id)).some((d) => d.kind === 'guidance_letter')).toBe(false);
    // detaching
    expect((await handler.del(`/api/cases/${other}/experts/${expertId}`)).status).toBe(404);
  }, 120_000);

  it('signing off with no composed opinion and concluding answers 422 and changes nothing', async () => {
    const id = await working({ services: ['infringement_opinion'] });
    await ok(handler, id, 'submitForReview');
    await ok(reviewer, id, 'signOff');
    const r = await fire(handler, id, 'conclude', { result: '结案' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('opinion_missing');
    expect((await clerk.get(`/api/cases/${id}`)).body.data.state.value).toBe('in_progress');
  }, 60_000);

  it('an expert can be detached', async () => {
    const id = await working({ services: ['infringement_opinion'] });
    const expertId = await userId(t, 'expert_wu');
    await handler.post(`/api/cases/${id}/experts`, { userId: expertId });
    expect((await handler.del(`/api/cases/${id}/experts/${expertId}`)).status).toBe(204);
    expect((await expert.get(`/api/cases/${id}`)).status).toBe(404);
  });
});
