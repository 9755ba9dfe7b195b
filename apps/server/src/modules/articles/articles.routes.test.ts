import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let writer: TestClient;
let reviewer: TestClient;
let wh: string;
let yc: string;
beforeAll(async () => {
  t = await createTestApp();
  writer = await t.login('wh_handler');
  reviewer = await t.login('wh_reviewer');
  const inst = async (name: string) => (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  wh = await inst('武汉市知识产权维权援助中心');
  yc = await inst('宜昌市知识产权维权援助中心');
});
afterAll(() => t.close());

const policy = (over: Record<string, unknown> = {}) => ({
  institutionId: wh, kind: 'policy', title: '武汉市专利侵权纠纷快速处理办法', regionCode: '420100', ipTypes: ['patent'], tags: ['快速维权'],
  bodyHtml: '<p>第一条 为加快处理专利侵权纠纷，制定本办法。</p><p>第二条 适用范围。</p>',
  meta: { issuingBody: '武汉市知识产权局', documentNumber: '武知发〔2026〕3号', issuedOn: '2026-03-01', validity: 'in_force' },
  ...over,
});

describe('articles: writing, review and publishing', () => {
  it('takes a policy from draft through review to the portal, and withdraws it', async () => {
    const created = await writer.post('/api/articles', policy());
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body).toMatchObject({ data: { state: 'draft', version: 1 }, abilities: { edit: true, actions: ['submit'] } });

    // Not on the portal before it is published.
    expect((await t.anon().get(`/api/portal/articles/${id}`)).status).toBe(404);
    expect((await writer.post(`/api/articles/${id}/transitions`, { action: 'approve' })).status).toBe(409);
    expect((await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' })).body.data.state).toBe('in_review');
    // The writer holds no review right; the reviewer publishes.
    const denied = await writer.post(`/api/articles/${id}/transitions`, { action: 'approve' });
    expect(denied.status).toBe(403);
    const approved = await reviewer.post(`/api/articles/${id}/transitions`, { action: 'approve', note: '同意发布' });
    expect(approved.body.data).toMatchObject({ state: 'published', reviewNote: '同意发布', publishedAt: expect.any(String) });

    const read = await t.anon().get(`/api/portal/articles/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ title: '武汉市专利侵权纠纷快速处理办法', institutionName: '武汉市知识产权维权援助中心', views: 1 });
    expect(read.body.data.meta).toMatchObject({ documentNumber: '武知发〔2026〕3号', validity: 'in_force' });
    const listed = await t.anon().get('/api/portal/articles?kind=policy&ipType=patent&regionCode=420000&year=2026&pageSize=50');
    expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(id);
    expect(listed.body.data[0]).not.toHaveProperty('bodyHtml');
    expect((await t.anon().get('/api/portal/articles?kind=policy&ipType=trademark&pageSize=50')).body.data.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await t.anon().get('/api/portal/articles?kind=policy&regionCode=420500&pageSize=50')).body.data.map((a: { id: string }) => a.id)).not.toContain(id);

    expect((await reviewer.post(`/api/articles/${id}/transitions`, { action: 'withdraw' })).body.data.state).toBe('withdrawn');
    expect((await t.anon().get(`/api/portal/articles/${id}`)).status).toBe(404);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['article.create', 'article.submit', 'article.approve', 'article.withdraw']);
  });

  it('keeps every saved version and diffs them; only drafts are edited, with the version checked', async () => {
    const id = (await writer.post('/api/articles', policy({ title: '版本测试办法' }))).body.data.id;
    const save = (v: number, body: string) => writer.put(`/api/articles/${id}`, { ...policy({ title: '版本测试办法', bodyHtml: body }), institutionId: undefined, kind: undefined, expectedVersion: v });
    const s2 = await save(1, '<p>第一条 为加快处理专利侵权纠纷，制定本办法。</p><p>第二条 本办法自发布之日起施行。</p>');
    expect(s2.status).toBe(200);
    expect(s2.body.data.version).toBe(2);
    const stale = await save(1, '<p>旧版本上的修改</p>');
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('expectedVersion');
    const versions = await writer.get(`/api/articles/${id}/versions`);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = await writer.get(`/api/articles/${id}/versions/2`);
    expect(diff.body.data.against).toBe(1);
    expect(diff.body.data.diff.filter((l: { op: string }) => l.op !== 'same')).toEqual([
      { op: 'removed', text: '第二条 适用范围。' },
      { op: 'added', text: '第二条 本办法自发布之日起施行。' },
    ]);
    await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' });
    const locked = await save(2, '<p>审核中修改</p>');
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('not_editable');
  });

  it('sanitises hostile HTML before it is stored, so no script reaches a reader', async () => {
    const hostile = '<p>正文</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">点</a><p onmouseover="alert(4)">悬停</p><iframe src="//evil.example"></iframe>';
    const c = await writer.post('/api/articles', { institutionId: wh, kind: 'news', title: '安全测试', bodyHtml: hostile });
    const id = c.body.data.id;
    await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' });
    await reviewer.post(`/api/articles/${id}/transitions`, { action: 'approve' });
    const read = await t.anon().get(`/api/portal/articles/${id}`);
    expect(read.body.data.bodyHtml).not.toMatch(/<script|onerror|onmouseover|javascript:|<iframe|<img/i);
    expect(read.body.data.bodyHtml).toContain('<p>正文</p>');
    const stored = await t.deps.db.selectFrom('article_versions').select('body_html').where('article_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.body_html).not.toMatch(/script|onerror/i);
  });

  it('checks the fields of each kind and names the field', async () => {
    const bad = await writer.post('/api/articles', policy({ meta: { issuingBody: '武汉市知识产权局', validity: 'in_force' } }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('issuedOn');
    const strict = await writer.post('/api/articles', { ...policy(), extra: 1 });
    expect(strict.status).toBe(400);
  });

  it('keeps another subtree out: 404 for a Yichang institution or its article', async () => {
    expect((await writer.post('/api/articles', policy({ institutionId: yc }))).status).toBe(404);
    const ycWriter = await t.login('yc_handler');
    const ycId = (await ycWriter.post('/api/articles', { institutionId: yc, kind: 'news', title: '宜昌动态' })).body.data.id;
    expect((await writer.get(`/api/articles/${ycId}`)).status).toBe(404);
    expect((await reviewer.post(`/api/articles/${ycId}/transitions`, { action: 'approve' })).status).toBe(404);
    const list = await writer.get('/api/articles?pageSize=100');
    expect(list.body.data.map((a: { id: string }) => a.id)).not.toContain(ycId);
  });

  it('does not let an editor approve what they wrote', async () => {
    const admin = await t.login('hb_admin');
    const hb = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '湖北省知识产权维权援助中心').executeTakeFirstOrThrow()).id;
    const id = (await admin.post('/api/articles', { institutionId: hb, kind: 'news', title: '省中心动态' })).body.data.id;
    const submitted = await admin.post(`/api/articles/${id}/transitions`, { action: 'submit' });
    expect(submitted.body.abilities.actions).toEqual(['reject']);
    const own = await admin.post(`/api/articles/${id}/transitions`, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('own_article');
  });
});
