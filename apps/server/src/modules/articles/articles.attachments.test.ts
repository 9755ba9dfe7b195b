import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { pdf } from '../../platform/storage/storage.test-support.ts';

let t: TestApp;
let writer: TestClient;
let reviewer: TestClient;
let wh: string;
beforeAll(async () => {
  t = await createTestApp();
  writer = await t.login('wh_handler');
  reviewer = await t.login('wh_reviewer');
  wh = (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

function upload(c: TestClient, url: string, file: Buffer, filename: string, type = 'application/pdf') {
  const boundary = `----yz${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('article files', () => {
  it('attaches files to a draft, serves them to readers only once published', async () => {
    const id = (await writer.post('/api/articles', { institutionId: wh, kind: 'guide', title: '申请表下载' })).body.data.id;
    const file = pdf();
    const up = await upload(writer, `/api/articles/${id}/attachments`, file, '维权援助申请表.pdf');
    expect(up.status).toBe(201);
    expect(up.body.data).toEqual([expect.objectContaining({ name: '维权援助申请表.pdf', mediaType: 'application/pdf', sizeBytes: file.length })]);
    const fileId = up.body.data[0].id;
    expect((await writer.get(`/api/articles/${id}`)).body.data.attachments).toHaveLength(1);
    const staff = await t.app.inject({ method: 'GET', url: `/api/articles/${id}/attachments/${fileId}`, headers: { cookie: reviewer.cookie! } });
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(file)).toBe(true);
    // Not public while a draft.
    expect((await t.anon().get(`/api/portal/articles/${id}/attachments/${fileId}`)).status).toBe(404);
    await writer.post(`/api/articles/${id}/transitions`, { action: 'submit' });
    expect((await upload(writer, `/api/articles/${id}/attachments`, pdf(), 'late.pdf')).status).toBe(409);
    await reviewer.post(`/api/articles/${id}/transitions`, { action: 'approve' });
    const read = await t.anon().get(`/api/portal/articles/${id}`);
    expect(read.body.data.attachments.map((a: { name: string }) => a.name)).toEqual(['维权援助申请表.pdf']);
    const pub = await t.app.inject({ method: 'GET', url: `/api/portal/articles/${id}/attachments/${fileId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.rawPayload.equals(file)).toBe(true);
  });

  it('refuses active content and removes a file from a draft', async () => {
    const id = (await writer.post('/api/articles', { institutionId: wh, kind: 'news', title: '附件测试' })).body.data.id;
    const bad = await upload(writer, `/api/articles/${id}/attachments`, Buffer.from('<html><script>alert(1)</script></html>'), 'x.html', 'text/html');
    expect(bad.status).toBe(415);
    const ok = await upload(writer, `/api/articles/${id}/attachments`, pdf(), 'a.pdf');
    const fileId = ok.body.data[0].id;
    expect((await writer.request('DELETE', `/api/articles/${id}/attachments/${fileId}`)).status).toBe(204);
    expect((await writer.get(`/api/articles/${id}`)).body.data.attachments).toEqual([]);
    expect((await writer.request('DELETE', `/api/articles/${id}/attachments/${fileId}`)).status).toBe(404);
  });
});
