import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { register, WH, YC, institutionId } from '../cases/cases.test-support.ts';
import { reindexAll, writeEntries } from './search.index.ts';
import type { SearchEntry } from './search.entries.ts';

let t: TestApp;
let anon: TestClient;
let writer: TestClient;
let reviewer: TestClient;
let clerk: TestClient;
let ycHandler: TestClient;
let expert: TestClient;
let wh: string;
beforeAll(async () => {
  t = await createTestApp();
  anon = t.anon();
  [writer, reviewer, clerk, ycHandler, expert] = await Promise.all(['wh_handler', 'wh_reviewer', 'wh_clerk', 'yc_handler', 'expert_wu'].map((u) => t.login(u)));
  wh = await institutionId(t, WH);
});
afterAll(() => t.close());

type Hit = { kind: string; refId: string; title: string; snippet: string; articleKind: string | null; year: number | null };
const hits = (r: { body: { data: Hit[] } }) => r.body.data;
const q = (s: string) => encodeURIComponent(s);

async function publish(title: string, bodyHtml: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await writer.post('/api/articles', {
    institutionId: wh, kind: 'knowledge', title, bodyHtml, ipTypes: ['trademark'], meta: { topic: '检索测试' }, ...over,
  });
  expect(created.status, created.raw).toBe(201);
  const id = created.body.data.id as string;
  expect((await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' })).status).toBe(200);
  expect((await reviewer.post(`/api/articles/${id}/transitions`, { action: 'approve' })).status).toBe(200);
  return id;
}

describe('portal search', () => {
  it('finds 侵权判定 inside 侵权判定参考意见 in the demo articles, marked and HTML-escaped', async () => {
    const r = await anon.get(`/api/search?q=${q('侵权判定')}`);
    expect(r.status, r.raw).toBe(200);
    expect(r.body.words).toEqual(['侵权', '判定']);
    expect(hits(r).length).toBeGreaterThan(0);
    expect(hits(r).every((h) => h.kind === 'article' || h.kind === 'qa')).toBe(true);
    const withPhrase = hits(r).filter((h) => h.snippet.includes('<mark>侵权</mark><mark>判定</mark>参考意见'));
    expect(withPhrase.length).toBeGreaterThan(0);
  });

  it('indexes an article when published and removes it when withdrawn; filters narrow by kind, IP type and year', async () => {
    const id = await publish('商标异议程序中的<证据>提交', '<p>提出商标异议时，应当提交证明在先使用的证据，例如销售合同和广告。</p>');
    let r = await anon.get(`/api/search?q=${q('商标异议 证据')}`);
    const hit = hits(r).find((h) => h.refId === id);
    expect(hit?.title).toBe('<mark>商标</mark><mark>异议</mark>程序中的&lt;<mark>证据</mark>&gt;提交');
    expect(hits(await anon.get(`/api/search?q=${q('商标异议')}&kind=knowledge&ipType=trademark&year=2026`)).map((h) => h.refId)).toContain(id);
    expect(hits(await anon.get(`/api/search?q=${q('商标异议')}&kind=policy`)).map((h) => h.refId)).not.toContain(id);
    expect(hits(await anon.get(`/api/search?q=${q('商标异议')}&ipType=patent`)).map((h) => h.refId)).not.toContain(id);
    expect(hits(await anon.get(`/api/search?q=${q('商标异议')}&year=2019`)).map((h) => h.refId)).not.toContain(id);

    expect((await reviewer.post(`/api/articles/${id}/transitions`, { action: 'withdraw' })).status).toBe(200);
    r = await anon.get(`/api/search?q=${q('商标异议 证据')}`);
    expect(hits(r).map((h) => h.refId)).not.toContain(id);
  });

  it('suggests published titles as the user types (last word as a prefix)', async () => {
    await publish('集成电路布图设计登记指引', '<p>布图设计专有权的登记材料。</p>', { ipTypes: ['ic_layout'] });
    const r = await anon.get(`/api/search/suggestions?q=${q('集成电路布图')}`);
    expect(r.status).toBe(200);
    expect(r.body.data.map((s: { title: string }) => s.title)).toContain('集成电路布图设计登记指引');
    expect((await anon.get('/api/search/suggestions?q=')).body.data).toEqual([]);
  });

  it('refuses a wrong filter with a 400 naming it, and answers an empty query with an empty list', async () => {
    const bad = await anon.get('/api/search?q=x&kind=case');
    expect(bad.status).toBe(400);
    expect(bad.raw).toContain('kind');
    const empty = await anon.get('/api/search');
    expect(empty.body).toMatchObject({ data: [], total: 0 });
  });
});

describe('console search', () => {
  it('finds a case by its number and by the opposing company with a typo, only in scope', async () => {
    const id = await register(clerk, { opposingParties: [{ kind: 'legal_person', name: '武汉星辰光电科技有限公司' }], summary: '对方仿冒我司激光器外观设计' });
    const { case_number: number } = await t.deps.db.selectFrom('cases').select('case_number').where('id', '=', id).executeTakeFirstOrThrow();
    expect(number).toBeTruthy();
    await t.drainJobs(); // a new case's entry is written by a job after its submission commits (ADR 0043)
    const byNumber = hits(await clerk.get(`/api/search/console?q=${q(number!)}`));
    expect(byNumber[0]).toMatchObject({ kind: 'case', refId: id });
    expect(byNumber[0].title).toContain('<mark>');
    const typo = hits(await clerk.get(`/api/search/console?q=${q('武汉星晨光电科技有限公司')}&kind=case`));
    expect(typo.map((h) => h.refId)).toContain(id);
    // The applicant's ID number, phone and address never reach the index.
    const row = await t.deps.db.selectFrom('search_entries').select(['body', 'keys', 'title']).where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/420102198001011234|13912345678|珞喻路/);

    expect(hits(await ycHandler.get(`/api/search/console?q=${q(number!)}`)).map((h) => h.refId)).not.toContain(id);
    expect(hits(await expert.get(`/api/search/console?q=${q(number!)}`)).map((h) => h.refId)).not.toContain(id);
    expect(hits(await anon.get(`/api/search?q=${q(number!)}`)).map((h) => h.refId)).not.toContain(id);
    expect((await anon.get(`/api/search/console?q=${q(number!)}`)).status).toBe(401);
  });

  it('finds a recorded consultation for staff in scope only; the asker’s contact is not indexed', async () => {
    const r = await clerk.post('/api/consultations', {
      channel: 'hotline', askerKind: 'legal_person', topic: 'evidence', question: '展会上发现仿冒我司外观设计的灯具，如何固定证据？',
      answer: '可以申请公证保全，并拍摄展位和产品照片。', askerName: '李女士', askerContact: '13700001111',
    });
    expect(r.status, r.raw).toBe(201);
    const id = r.body.data.id as string;
    expect(hits(await clerk.get(`/api/search/console?q=${q('灯具 公证')}`)).map((h) => h.refId)).toContain(id);
    expect(hits(await ycHandler.get(`/api/search/console?q=${q('灯具 公证')}`)).map((h) => h.refId)).not.toContain(id);
    const row = await t.deps.db.selectFrom('search_entries').selectAll().where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/13700001111|李女士/);
  });

  it('follows an institution that moves, and a rebuilt index holds the same entries', async () => {
    const yc = await institutionId(t, YC);
    await t.drainJobs(); // the entries of the cases submitted above (ADR 0043)
    const before = await t.deps.db.selectFrom('search_entries').select(['kind', 'ref_id', 'institution_path']).orderBy('kind').orderBy('ref_id').execute();
    const { path } = await t.deps.db.selectFrom('institutions').select('path').where('id', '=', yc).executeTakeFirstOrThrow();
    const counts = await reindexAll(t.deps.db);
    const after = await t.deps.db.selectFrom('search_entries').select(['kind', 'ref_id', 'institution_path']).orderBy('kind').orderBy('ref_id').execute();
    expect(after).toEqual(before);
    expect(counts.case).toBeGreaterThan(10);
    expect(counts.article + counts.qa).toBeGreaterThan(30);
    await t.deps.db.updateTable('institutions').set({ path: `${path}x` }).where('id', '=', yc).execute();
    const moved = await t.deps.db.selectFrom('search_entries').select('institution_path').where('institution_id', '=', yc).execute();
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m.institution_path === `${path}x`)).toBe(true);
  });
});

describe('a common word', () => {
  it('ranks a bounded set: more than 1,000 matches give the 200 best of the newest, capped', async () => {
    const root = await t.deps.db.selectFrom('institutions').select(['id', 'path']).where('path', '=', 'cn').executeTakeFirstOrThrow();
    const day = 86_400_000;
    const entry = (i: number): SearchEntry => ({
      kind: 'article', refId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, visibility: 'public', institutionId: root.id,
      institutionPath: root.path, title: i % 2 ? `常见词测验第${i}篇` : `第${i}篇`, body: `正文提到常见词测验。编号${i}`, keys: '', ipTypes: [i % 3 ? 'patent' : 'copyright'],
      articleKind: 'knowledge', regionCode: null, year: 2026, sortAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000 - (i % 7) * day), boost: 1,
    });
    const all = Array.from({ length: 1500 }, (_, i) => entry(i));
    for (let i = 0; i < all.length; i += 500) await writeEntries(t.deps.db, all.slice(i, i + 500));
    const r = await anon.get(`/api/search?q=${q('常见词测验')}&pageSize=50`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 200, capped: true });
    // The title holds the words in half of them: those rank first.
    expect(hits(r).every((h) => h.title.includes('<mark>'))).toBe(true);
    const copyright = await anon.get(`/api/search?q=${q('常见词测验')}&ipType=copyright&pageSize=50`);
    const ids = hits(copyright).map((h) => Number(h.refId.slice(-12)));
    expect(ids.length).toBe(50);
    expect(ids.every((i) => i % 3 === 0)).toBe(true);
    await t.deps.db.deleteFrom('search_entries').where('ref_id', 'in', all.map((e) => e.refId)).execute();
  });
});
