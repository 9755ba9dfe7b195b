import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { indexArticle } from '../search/search.index.ts';

/** The desk's suggestions on the search index (ADR 0034), on real PostgreSQL with the demo network. */
let t: TestApp;
let clerk: TestClient;
let yc: TestClient;

type S = { source: string; refId: string; title: string; snippet: string; answer: string; highlighted: { title: string; snippet: string }; score: number };
const suggest = async (c: TestClient, q: string): Promise<S[]> => {
  const r = await c.get(`/api/consultations/suggestions?q=${encodeURIComponent(q)}`);
  expect(r.status, q.slice(0, 30)).toBe(200);
  return r.body.data;
};

const base = { channel: 'hotline', topic: 'dispute', ipType: 'patent' };
let rare: string;
let open: string;

async function publish(kind: 'qa' | 'knowledge', title: string, summary: string, bodyText: string): Promise<string> {
  const db = t.deps.db;
  const inst = await db.selectFrom('institutions').select(['id', 'path']).where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow();
  const { id } = await db.insertInto('articles').values({
    institution_id: inst.id, institution_path: inst.path, kind, state: 'published', title, summary, body_text: bodyText,
    published_at: new Date(), created_at: new Date(), updated_at: new Date(),
  } as never).returning('id').executeTakeFirstOrThrow();
  await indexArticle(db, id);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, yc] = await Promise.all(['wh_clerk', 'yc_handler'].map((u) => t.login(u)));
  // Shares exactly one word, 碳纤维, with the question asked below; the asker named themself and left a phone number.
  rare = (await clerk.post('/api/consultations', {
    ...base, askerKind: 'natural_person', askerName: '王小明',
    question: '我是王小明，手机13912345678，我们研发的碳纤维车架被同行仿制了',
    answer: '王小明您好：碳纤维车架的专利侵权可以申请侵权判定参考意见，有事可拨13912345678以外的受理电话。',
  })).body.data.id;
  // An open consultation (no answer yet) is not a suggestion, however close its words.
  open = (await clerk.post('/api/consultations', { ...base, question: '碳纤维涂料的配方被前员工带走，怎么取证？' })).body.data.id;
});
afterAll(() => t.close());

describe('desk suggestions from the search index', () => {
  it('finds the answer that shares only one rare word with the question, first, with the word marked', async () => {
    const s = await suggest(clerk, '请问关于碳纤维的事情找谁');
    expect(s[0]?.refId).toBe(rare);
    expect(s[0]!.source).toBe('consultation');
    expect(s[0]!.highlighted.snippet).toContain('<mark>碳纤维</mark>');
    expect(s[0]!.score).toBeGreaterThan(0);
    expect(s.map((x) => x.refId)).not.toContain(open);
  });

  it('shows de-identified text only: the asker’s name and any phone typed in are replaced', async () => {
    const s = (await suggest(clerk, '碳纤维车架被仿制')).find((x) => x.refId === rare);
    expect(s).toBeDefined();
    const all = JSON.stringify(s);
    expect(all).not.toContain('王小明');
    expect(all).not.toContain('13912345678');
    expect(all).toContain('王某');
    expect(s!.answer).toContain('[电话已隐去]');
    expect(s!.answer).toContain('侵权判定参考意见');
  });

  it('keeps consultations to the clerk’s scope; featured Q&A and knowledge articles reach every desk', async () => {
    const qa = await publish('qa', '碳纤维车架被仿制怎么办？', '可以先做专利侵权比对。', '问\n碳纤维车架被仿制怎么办？\n答\n先固定证据，再做专利侵权比对。');
    const kn = await publish('knowledge', '新材料专利的侵权比对', '比对要点。', '碳纤维等新材料专利的侵权比对，看权利要求的技术特征。');
    const wh = await suggest(clerk, '碳纤维车架被仿制');
    expect(wh.map((x) => x.refId)).toEqual(expect.arrayContaining([rare, qa, kn]));
    // The reviewed featured answer is preferred over a colleague's past answer.
    expect(wh[0]).toMatchObject({ refId: qa, source: 'qa' });
    expect(wh[0]!.answer).toBe('先固定证据，再做专利侵权比对。');
    expect(wh.find((x) => x.refId === kn)?.source).toBe('knowledge');
    const ycs = await suggest(yc, '碳纤维车架被仿制');
    expect(ycs.map((x) => x.refId)).toEqual(expect.arrayContaining([qa, kn]));
    expect(ycs.map((x) => x.refId)).not.toContain(rare);
  });

  it('also finds what only common words connect, through the newest entries', async () => {
    await sql`ANALYZE search_entries`.execute(t.deps.db);
    const s = await suggest(clerk, '网店卖家用了我们的注册商标，应该先找平台投诉吗');
    expect(s.length).toBeGreaterThan(0);
    expect(s.some((x) => x.highlighted.snippet.includes('<mark>') || x.highlighted.title.includes('<mark>'))).toBe(true);
  });

  it('answers any text with a list, never an error: one character, punctuation, filler, 10,000 characters', async () => {
    expect(await suggest(clerk, '')).toEqual([]);
    expect(await suggest(clerk, '，。？！……——“”')).toEqual([]);
    expect(await suggest(clerk, '请问我们应该怎么办')).toEqual([]);
    expect(Array.isArray(await suggest(clerk, '商'))).toBe(true);
    for (const q of ["'; DROP TABLE consultations; --", '<script>alert(1)</script>碳纤维', '😀'.repeat(3000), 'a:* & b | !c <-> d']) {
      const s = await suggest(clerk, q);
      for (const x of s) expect(x.highlighted.snippet).not.toContain('<script>');
    }
    const long = `碳纤维${'专利'.repeat(4990)}`;
    expect([...long]).toHaveLength(9983);
    const started = performance.now();
    const s = await suggest(clerk, long);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(s.map((x) => x.refId)).toContain(rare);
    // A NUL never comes from the desk's form: the platform's guard refuses it, naming the field.
    const nul = await clerk.get(`/api/consultations/suggestions?q=${encodeURIComponent('碳纤维\u0000车架')}`);
    expect(nul.status).toBe(400);
    const over = await clerk.get(`/api/consultations/suggestions?q=${'商'.repeat(10001)}`);
    expect(over.status).toBe(400);
    expect(over.raw).toContain('q');
  });
});
