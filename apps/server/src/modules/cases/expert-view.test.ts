import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png } from '../../platform/storage/storage.test-support.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { APPLICANT, sha256, submitted } from '../portal-cases/portal.test-support.ts';
import { ok, register, userId } from './cases.test-support.ts';

let t: TestApp;
let applicant: TestClient;
let clerk: TestClient;
let handler: TestClient;
let reviewer: TestClient;
let admin: TestClient;
let expert: TestClient;
let expertId: string;
let handlerId: string;

const person = {
  kind: 'natural_person', name: '张晓梅', idNumber: '420102198001011234', phone: '13912345678', email: 'zhang.xm@example.com',
  address: '湖北省武汉市江岸区沿江大道188号',
};
const files = [{ name: '购买公证书.pdf', data: pdf() }, { name: '被诉产品照片.png', data: png() }];
const opinion = {
  conclusion: 'likely', comparedWhat: '权利要求1',
  reasoning: ['被诉产品包含权利要求1记载的全部技术特征，落入其保护范围。'],
  compared: [{ item: '特征A', protected: '交叉铰接的支撑杆', accused: '交叉铰接的支撑杆', finding: '相同' }],
};

beforeAll(async () => {
  t = await createTestApp();
  [applicant, clerk, handler, reviewer, admin, expert] = await Promise.all(
    [APPLICANT, 'wh_clerk', 'wh_handler', 'wh_reviewer', 'hb_admin', 'expert_wu'].map((u) => t.login(u)),
  );
  expertId = await userId(t, 'expert_wu');
  handlerId = await userId(t, 'wh_handler');
}, 120_000);
afterAll(() => t.close());

/** An online application by a natural person with two evidence files, accepted, assigned and started. */
async function workingCase() {
  const { id } = await submitted(applicant, { applicant: person }, files);
  await ok(clerk, id, 'accept');
  await ok(admin, id, 'assign', { handlerId });
  await ok(handler, id, 'start');
  return id;
}

describe("the expert's own view of a case", () => {
  it('is closed to an expert who is not attached: 404 everywhere, an empty list', async () => {
    const id = await workingCase();
    expect((await expert.get('/api/expert/cases')).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await expert.get(`/api/expert/cases/${id}`)).status).toBe(404);
    expect((await expert.put(`/api/expert/cases/${id}/opinion`, opinion)).status).toBe(404);
    const ev = (await t.deps.db.selectFrom('case_attachments').select('attachment_id').where('case_id', '=', id).executeTakeFirstOrThrow()).attachment_id;
    expect((await expert.get(`/api/expert/cases/${id}/evidence/${ev}`)).status).toBe(404);
    expect((await expert.get('/api/expert/cases/not-a-uuid')).status).toBe(400);
    // staff and applicants hold no case.expert: the routes refuse them
    expect((await handler.get('/api/expert/cases')).status).toBe(403);
    expect((await applicant.get(`/api/expert/cases/${id}`)).status).toBe(403);
  }, 60_000);

  it('shows an attached expert the facts and evidence without personal data, and only their cases', async () => {
    const id = await workingCase();
    const other = await register(clerk, { services: ['infringement_opinion'] });
    expect((await handler.post(`/api/cases/${id}/experts`, { userId: expertId })).status).toBe(201);

    const list = await expert.get('/api/expert/cases');
    expect(list.status).toBe(200);
    const ids = list.body.data.map((c: { id: string }) => c.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(other);
    expect((await expert.get(`/api/expert/cases/${other}`)).status).toBe(404);
    // attached to a case that asks for mediation only: it reads the case but writes no assessment opinion
    const mediation = await register(clerk, { services: ['mediation'] });
    await ok(clerk, mediation, 'accept');
    await ok(admin, mediation, 'assign', { handlerId });
    expect((await handler.post(`/api/cases/${mediation}/experts`, { userId: expertId })).status).toBe(201);
    expect((await expert.get(`/api/expert/cases/${mediation}`)).body.abilities).toEqual({ writeOpinion: false });
    const refused = await expert.put(`/api/expert/cases/${mediation}/opinion`, opinion);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('service_not_requested');

    const v = await expert.get(`/api/expert/cases/${id}`);
    expect(v.status).toBe(200);
    expect(v.body.data).toMatchObject({ ipType: 'patent', ipNumber: 'ZL202310000000.1', services: ['infringement_opinion'], applicantKind: 'natural_person' });
    expect(v.body.data.parties).toEqual(expect.arrayContaining([
      { role: 'applicant', kind: 'natural_person', name: null, country: null },
      expect.objectContaining({ role: 'opposing', kind: 'legal_person', name: '某电商店铺' }),
    ]));
    expect(v.body.data.evidence.map((e: { name: string; sha256: string }) => [e.name, e.sha256]).sort()).toEqual(files.map((f) => [f.name, sha256(f.data)]).sort());
    expect(v.body.abilities).toEqual({ writeOpinion: true });
    const raw = v.raw;
    for (const secret of [person.name, person.idNumber, person.phone, person.email, person.address, '1234', '5678', '沿江大道']) expect(raw).not.toContain(secret);

    // the staff route reached by the expert is redacted too
    const staffView = await expert.get(`/api/cases/${id}`);
    expect(staffView.status).toBe(200);
    for (const secret of [person.name, person.phone.slice(-4), person.email, '沿江大道']) expect(staffView.raw).not.toContain(secret);
    // the handler still sees the masked party
    expect((await handler.get(`/api/cases/${id}`)).raw).toContain(person.name);

    const file = v.body.data.evidence.find((e: { name: string }) => e.name === files[1]!.name);
    const dl = await t.app.inject({ method: 'GET', url: `/api/expert/cases/${id}/evidence/${file.id}`, headers: { cookie: expert.cookie! } });
    expect(dl.statusCode).toBe(200);
    expect(sha256(dl.rawPayload)).toBe(sha256(files[1]!.data));
    expect(dl.headers['content-disposition']).toMatch(/^attachment/);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', id).where('action', '=', 'case.evidence.download').execute();
    expect(audit).toHaveLength(1);
    // an attachment of another case through this case: 404
    const third = await workingCase();
    const foreign = (await t.deps.db.selectFrom('case_attachments').select('attachment_id').where('case_id', '=', third).executeTakeFirstOrThrow()).attachment_id;
    expect((await expert.get(`/api/expert/cases/${id}/evidence/${foreign}`)).status).toBe(404);
    // detached: the case is gone from the expert's view
    expect((await handler.del(`/api/cases/${id}/experts/${expertId}`)).status).toBe(204);
    expect((await expert.get(`/api/expert/cases/${id}`)).status).toBe(404);
    expect((await expert.get('/api/expert/cases')).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
  }, 60_000);

  it('takes the structured opinion, which the handler adopts, submits for review and the reviewer signs off', async () => {
    const id = await workingCase();
    await handler.post(`/api/cases/${id}/experts`, { userId: expertId });
    const bad = await expert.put(`/api/expert/cases/${id}/opinion`, { ...opinion, conclusion: 'maybe' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('conclusion');
    expect(bad.body.error.message).toMatch(/判定结论/);
    const empty = await expert.put(`/api/expert/cases/${id}/opinion`, { ...opinion, reasoning: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.error.field).toBe('reasoning');
    expect((await expert.put(`/api/expert/cases/${id}/opinion`, { ...opinion, experts: ['x'] })).status).toBe(400);

    const w = await expert.put(`/api/expert/cases/${id}/opinion`, opinion);
    expect(w.status).toBe(200);
    expect(w.body.data.text).toContain('结论：可能构成侵权');
    expect((await expert.get(`/api/expert/cases/${id}`)).body.data.myOpinion).toMatchObject({ data: opinion });

    // the handler sees it among the experts' opinions and records it as the case's opinion
    const seen = await handler.get(`/api/cases/${id}/outcomes/infringement_opinion`);
    const mine = seen.body.data.experts.find((e: { userId: string }) => e.userId === expertId);
    expect(mine.opinionData).toEqual(opinion);
    expect((await handler.put(`/api/cases/${id}/outcomes/infringement_opinion`, mine.opinionData)).status).toBe(200);
    await ok(handler, id, 'submitForReview');
    await ok(reviewer, id, 'signOff');
    const after = await expert.get(`/api/expert/cases/${id}`);
    expect(after.body.abilities).toEqual({ writeOpinion: false });
    const late = await expert.put(`/api/expert/cases/${id}/opinion`, opinion);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('opinion_signed_off');

    // concluded: the applicant's case page lists each issued document once, by the id its downloads take
    await ok(handler, id, 'conclude', { result: '出具侵权判定参考意见' });
    await t.drainJobs();
    const mine2 = await applicant.get(`/api/portal/cases/${id}`);
    expect(mine2.status).toBe(200);
    const docs = mine2.body.data.documents as { id: string; kind: string; name: string }[];
    expect(docs.map((d) => d.kind).sort()).toEqual(['acceptance_notice', 'infringement_opinion']);
    const op = docs.find((d) => d.kind === 'infringement_opinion')!;
    expect(op.name).toMatch(/^侵权判定参考意见（武汉维援意字〔2026〕\d+号）$/);
    for (const format of ['docx', 'pdf']) {
      const f = await t.app.inject({ method: 'GET', url: `/api/portal/cases/${id}/documents/${op.id}/download?format=${format}`, headers: { cookie: applicant.cookie! } });
      expect(f.statusCode, format).toBe(200);
    }
    expect((await expert.get(`/api/expert/cases/${id}`)).body.abilities).toEqual({ writeOpinion: false });

    // a concluded case keeps its experts
    expect((await handler.del(`/api/cases/${id}/experts/${expertId}`)).status).toBe(409);
  }, 60_000);
});

describe('the demo', () => {
  it("shows 吴教授 his signed-off opinion on the demo's concluded patent case, read-only", async () => {
    const list = (await expert.get('/api/expert/cases')).body.data as { id: string; summary: string; opinionSignedOff: boolean; opinionAt: string | null }[];
    const demo = list.find((c) => c.summary.includes('夹具'))!;
    expect(demo).toMatchObject({ opinionSignedOff: true });
    expect(demo.opinionAt).not.toBeNull();
    const v = await expert.get(`/api/expert/cases/${demo.id}`);
    expect(v.body.data.myOpinion.data).toMatchObject({ conclusion: 'likely', comparedWhat: '权利要求1' });
    expect(v.body.abilities).toEqual({ writeOpinion: false });
  });
});
