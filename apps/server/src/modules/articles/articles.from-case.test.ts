import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let writer: TestClient;
let reviewer: TestClient;
let closedCase: string;
let openCase: string;
beforeAll(async () => {
  t = await createTestApp();
  writer = await t.login('wh_handler');
  reviewer = await t.login('wh_reviewer');
  const byState = async (states: string[]) =>
    (await t.deps.db.selectFrom('cases as c').innerJoin('case_parties as p', 'p.case_id', 'c.id').select('c.id')
      .where('c.state', 'in', states).where('p.name', '=', '武汉楚天机械制造有限公司').executeTakeFirst())?.id
    ?? (await t.deps.db.selectFrom('cases').select('id').where('state', 'in', states).executeTakeFirstOrThrow()).id;
  closedCase = await byState(['concluded']);
  const wh = await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow();
  openCase = (await t.deps.db.selectFrom('cases').select('id').where('institution_id', '=', wh.id).where('state', 'in', ['submitted', 'accepted', 'in_progress']).executeTakeFirstOrThrow()).id;
  // Personal data typed into the case's free text, as happens in practice.
  const applicant = await t.deps.db.selectFrom('case_parties').select(['name', 'phone_enc']).where('case_id', '=', closedCase).where('role', '=', 'applicant').executeTakeFirstOrThrow();
  await t.deps.db.updateTable('cases').set({
    result: `经调解，对方同意停止销售。${applicant.name}联系电话${t.deps.secrets.decrypt(applicant.phone_enc!)}，经办人身份证号420106199001011234。`,
  }).where('id', '=', closedCase).execute();
});
afterAll(() => t.close());

describe('de-identified case study from a closed case', () => {
  it('proposes a draft with the parties replaced, and lists the replacements', async () => {
    const parties = await t.deps.db.selectFrom('case_parties').select(['name', 'phone_enc']).where('case_id', '=', closedCase).execute();
    const r = await writer.post('/api/articles/from-case', { caseId: closedCase });
    expect(r.status).toBe(201);
    const a = r.body.data;
    expect(a).toMatchObject({ kind: 'case_study', state: 'draft', sourceCaseId: closedCase, meta: { origin: 'domestic' } });
    const text = JSON.stringify(a);
    for (const p of parties) {
      expect(text).not.toContain(p.name);
      if (p.phone_enc) expect(text).not.toContain(t.deps.secrets.decrypt(p.phone_enc));
    }
    expect(r.body.replacements.length).toBeGreaterThan(0);
    expect(r.body.replacements.map((x: { kind: string }) => x.kind).sort()).toEqual(expect.arrayContaining(['id_number', 'name', 'phone']));
    expect(a.bodyHtml).toContain('甲公司');
    expect(a.bodyHtml).toContain('[电话已隐去]');
    expect(text).not.toContain('420106199001011234');
    expect(a.replacements).toEqual(r.body.replacements);
    // The list shows hints, never the original value.
    for (const p of parties) expect(JSON.stringify(r.body.replacements)).not.toContain(p.name);
  });

  it('refuses to publish when an editor puts a party back into the text', async () => {
    const r = await writer.post('/api/articles/from-case', { caseId: closedCase });
    const id = r.body.data.id;
    const party = (await t.deps.db.selectFrom('case_parties').select('name').where('case_id', '=', closedCase).where('role', '=', 'applicant').executeTakeFirstOrThrow()).name;
    const a = r.body.data;
    const saved = await writer.put(`/api/articles/${id}`, {
      expectedVersion: 1, title: a.title, summary: a.summary, bodyHtml: `${a.bodyHtml}<p>申请人${party}表示感谢。</p>`, tags: a.tags, ipTypes: a.ipTypes,
      regionCode: a.regionCode, meta: a.meta,
    });
    expect(saved.status).toBe(200);
    const refused = await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'personal_data_left', field: 'bodyHtml' });
    // Fixed: the party's name removed again, the case study goes through review and is published.
    await writer.put(`/api/articles/${id}`, { expectedVersion: 2, title: a.title, summary: a.summary, bodyHtml: a.bodyHtml, tags: a.tags, ipTypes: a.ipTypes, regionCode: a.regionCode, meta: a.meta });
    expect((await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' })).status).toBe(200);
    expect((await reviewer.post(`/api/articles/${id}/transitions`, { action: 'approve' })).body.data.state).toBe('published');
  });

  it('refuses an open case, and a case of another subtree is not found', async () => {
    const open = await writer.post('/api/articles/from-case', { caseId: openCase });
    expect(open.status).toBe(422);
    expect(open.body.error.field).toBe('caseId');
    const yc = await t.login('yc_handler');
    expect((await yc.post('/api/articles/from-case', { caseId: closedCase })).status).toBe(404);
  });
});
