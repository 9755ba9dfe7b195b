import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let clerk: TestClient;
let reviewer: TestClient;
let yc: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, reviewer, yc] = await Promise.all(['wh_clerk', 'wh_reviewer', 'yc_handler'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('a featured Q&A proposal becomes a qa article', () => {
  it('drafts one de-identified qa article from an approved proposal, once, and only in scope', async () => {
    const c = await clerk.post('/api/consultations', {
      channel: 'hotline', topic: 'evidence', ipType: 'patent', askerName: '王小明',
      question: '我是王小明，电话13812345678，发现有人仿制我们的专利产品，怎么取证？', answer: '可以先公证购买侵权产品，保留发票和网页截图。',
    });
    expect(c.status).toBe(201);
    const p = await clerk.post(`/api/consultations/${c.body.data.id}/qa-proposals`, {});
    expect(p.status).toBe(201);
    const early = await clerk.post(`/api/qa-proposals/${p.body.data.id}/article`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('审核通过');
    expect((await reviewer.post(`/api/qa-proposals/${p.body.data.id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await yc.post(`/api/qa-proposals/${p.body.data.id}/article`, {})).status).toBe(404);

    const made = await clerk.post(`/api/qa-proposals/${p.body.data.id}/article`, {});
    expect(made.status).toBe(201);
    const a = await clerk.get(`/api/articles/${made.body.data.articleId}`);
    expect(a.body.data).toMatchObject({ kind: 'qa', state: 'draft' });
    const text = JSON.stringify(a.body.data);
    expect(text).toContain('公证购买');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('王小明');
    expect((await clerk.post(`/api/qa-proposals/${p.body.data.id}/article`, {})).status).toBe(409);
  });
});
