import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTED, downloadHeaders, openForDownload } from '../platform/storage/index.ts';
import * as f from '../platform/storage/storage.test-support.ts';
import type { TestClient } from '../testing/client.ts';
import { APPLICANT, fullDraft, upload, type Part } from '../modules/portal-cases/portal.test-support.ts';

/** Drill 8 through the applicant's real upload route: hostile files are refused, odd names are stored safely, nothing is served inline. */
let t: Awaited<ReturnType<typeof f.storageTestApp>>;
let me: TestClient;
beforeAll(async () => {
  t = await f.storageTestApp();
  me = await t.login(APPLICANT);
});
afterAll(() => t.close());

const html = Buffer.from('<!DOCTYPE html><html><script>fetch("/api/auth/me")</script></html>');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const hostile: [string, Part, number, string][] = [
  ['exe renamed to pdf', { name: '合同.pdf', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') }, 415, 'extension_mismatch'],
  ['png renamed to jpg', { name: 'photo.jpg', data: f.png() }, 415, 'extension_mismatch'],
  ['HTML disguised as an image', { name: 'photo.png', data: html, type: 'image/png' }, 415, 'extension_mismatch'],
  ['SVG disguised as an image', { name: 'logo.png', data: svg, type: 'image/png' }, 415, 'extension_mismatch'],
  ['real PNG declared as SVG', { name: 'logo.png', data: f.png(), type: 'image/svg+xml' }, 415, 'active_content'],
  ['ZIP archive', { name: '证据包.zip', data: await f.plainZip() }, 415, 'plain_zip'],
  ['PDF with JavaScript', { name: '鉴定.pdf', data: f.pdfWithJs() }, 415, 'pdf_javascript'],
  ['empty file', { name: '空.pdf', data: Buffer.alloc(0) }, 422, ''],
  ['oversize (21 MB through a 20 MB limit)', { name: '大.pdf', data: Buffer.concat([f.pdf(), Buffer.alloc(21 * 1024 * 1024, 0x20)]) }, 413, ''],
];

describe('hostile uploads through POST /api/portal/drafts/:id/evidence', () => {
  it.each(hostile.map(([what, part, status, reason]) => ({ what, part, status, reason })))('$what → $status', async ({ part, status, reason }) => {
    const id = await fullDraft(me);
    const r = await upload(me, `/api/portal/drafts/${id}/evidence`, [part]);
    expect(r.status).toBe(status);
    expect(r.body.error.field).toBe('file');
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    if (reason) expect(r.body.error.reason).toBe(reason);
    expect((await me.get(`/api/portal/drafts/${id}`)).body.data.evidence).toEqual([]);
    expect(f.tempFiles(t.dataDir)).toEqual([]);
  });

  it('stores path-traversal and 300-character names under a clean name and a random key, and serves them only as attachments', async () => {
    const id = await fullDraft(me);
    const r = await upload(me, `/api/portal/drafts/${id}/evidence`, [
      { name: '../../etc/passwd.pdf', data: f.pdf() },
      { name: `${'侵权证据'.repeat(75)}.pdf`, data: f.pdf() },
    ]);
    expect(r.status).toBe(201);
    const [a, b] = r.body.data as { id: string; name: string }[];
    expect(a.name).toBe('passwd.pdf');
    expect(Array.from(b.name)).toHaveLength(200);
    expect(b.name.endsWith('.pdf')).toBe(true);
    expect(f.storedKeys(t.dataDir)).toHaveLength(2);
    for (const e of [a, b]) {
      const d = await openForDownload(t.deps, e.id);
      d.stream.destroy();
      expect(d.headers['content-disposition']).toMatch(/^attachment; /);
      expect(d.headers['content-security-policy']).toContain('sandbox');
    }
  });

  it('gives every accepted type, and a name trying to break the header, attachment disposition and nosniff', () => {
    for (const { mediaType, exts } of Object.values(ACCEPTED)) {
      const h = downloadHeaders({ originalName: `a";inline;x=".${exts[0]}`, mediaType, sizeBytes: 1 });
      expect(h['content-disposition'], mediaType).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
      expect(h['content-disposition']).not.toMatch(/;\s*inline/);
      expect(h['x-content-type-options']).toBe('nosniff');
    }
  });
});
