import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { PdfScriptScanner } from './inspect.ts';
import { pathForKey, realIo, type StorageIo } from './layout.ts';
import { storeUpload } from './store.ts';
import * as f from './storage.test-support.ts';

let t: Awaited<ReturnType<typeof f.storageTestApp>>;
beforeAll(async () => {
  t = await f.storageTestApp();
});
afterAll(() => t.close());

const store = (body: Buffer | string, originalName: string, declaredType?: string, maxBytes = 1024 * 1024) =>
  storeUpload(t.deps, f.stream(body), { originalName, declaredType, maxBytes });
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('accepted'); }, (e: AppError) => e);
const rowCount = async () => Number((await t.deps.db.selectFrom('attachments').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const keyOf = async (id: string) => (await t.deps.db.selectFrom('attachments').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;

describe('accepted types', () => {
  const cases: [string, () => Buffer | Promise<Buffer>, string][] = [
    ['申请书.pdf', f.pdf, 'application/pdf'],
    ['照片.PNG', f.png, 'image/png'],
    ['现场.jpg', f.jpeg, 'image/jpeg'],
    ['动图.gif', f.gif, 'image/gif'],
    ['截图.webp', f.webp, 'image/webp'],
    ['扫描.bmp', f.bmp, 'image/bmp'],
    ['扫描.tiff', f.tiff, 'image/tiff'],
    ['合同.docx', f.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['清单.xlsx', f.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['汇报.pptx', f.pptx, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['发票.ofd', f.ofd, 'application/ofd'],
    ['旧合同.doc', f.ole2, 'application/msword'],
    ['旧清单.xls', f.ole2, 'application/vnd.ms-excel'],
    ['聊天记录.txt', f.text, 'text/plain; charset=utf-8'],
  ];
  it.each(cases.map(([name, make, mediaType]) => ({ name, make, mediaType })))('$name is stored as $mediaType with the SHA-256 sha256sum computes', async ({ name, make, mediaType }) => {
    const body = await make();
    const r = await store(body, name, 'application/octet-stream');
    expect(r).toMatchObject({ originalName: name, mediaType, sizeBytes: body.length, sha256: f.sha256(body) });
    const file = pathForKey(t.dataDir, await keyOf(r.id));
    expect(fs.readFileSync(file).equals(body)).toBe(true);
    expect(execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]).toBe(r.sha256);
    const row = await t.deps.db.selectFrom('attachments').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', owner_id: null, media_type: mediaType });
    expect(row.storage_key).not.toContain(name);
  });

  it('two uploads of the same file are two records under two random keys', async () => {
    const [a, b] = [await store(f.png(), 'a.png'), await store(f.png(), 'a.png')];
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(await keyOf(a.id)).not.toBe(await keyOf(b.id));
  });
});

describe('refused files (issue 9, drill 8)', () => {
  const html = '<!DOCTYPE html><html><script>fetch("/api/me")</script></html>';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
  const cases: [string, () => Buffer | string | Promise<Buffer>, string, string?][] = [
    ['evil.pdf', () => html, 'extension_mismatch'],
    ['photo.png', () => svg, 'extension_mismatch'],
    ['photo.jpg', () => html, 'extension_mismatch'],
    ['drawing.svg', () => svg, 'unknown_type'],
    ['page.html', () => html, 'unknown_type'],
    ['note.txt', () => html, 'active_content'],
    ['note.txt', () => '  <svg/>', 'active_content'],
    ['run.sh', () => '#!/bin/sh\nrm -rf /\n', 'unknown_type'],
    ['setup.exe', () => Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'unknown_type'],
    ['setup.pdf', () => Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'extension_mismatch'],
    ['photo.jpg', f.png, 'extension_mismatch'],
    ['合同.xlsx', f.docx, 'extension_mismatch'],
    ['tool.msi', f.ole2, 'extension_mismatch'],
    ['evidence.zip', f.plainZip, 'plain_zip'],
    ['evidence.docx', f.plainZip, 'plain_zip'],
    ['宏.docm', f.docm, 'macro'],
    ['宏.docx', f.docm, 'macro'],
    ['script.pdf', f.pdfWithJs, 'pdf_javascript'],
    ['escaped.pdf', f.pdfWithEscapedJs, 'pdf_javascript'],
    ['gbk.txt', () => Buffer.from([0xd6, 0xaa, 0xca, 0xb6, 0xb2, 0xfa, 0xc8, 0xa8]), 'not_utf8_text'],
    ['nul.txt', () => Buffer.from('abc\0def'), 'not_utf8_text'],
    ['photo.png', f.png, 'active_content', 'text/html'],
    ['photo.png', f.png, 'active_content', 'image/svg+xml'],
  ];
  const rows = cases.map(([name, make, reason, declared]) => ({ name, make, reason, declared }));
  it.each(rows)('$name is refused ($reason) $declared', async ({ name, make, reason, declared }) => {
    const before = await rowCount();
    const e = await refusal(store(await make(), name, declared));
    expect(e).toMatchObject({ status: 415, code: 'file_type_not_allowed', field: 'file', extra: { reason } });
    expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    expect(e.messageEn).toBeTruthy();
    expect(await rowCount()).toBe(before);
    expect(f.tempFiles(t.dataDir)).toEqual([]);
  });

  it('an empty file is 422 file_empty', async () => {
    const e = await refusal(storeUpload(t.deps, Readable.from([]), { originalName: 'x.pdf', maxBytes: 100 }));
    expect(e).toMatchObject({ status: 422, code: 'file_empty', field: 'file' });
    expect(f.tempFiles(t.dataDir)).toEqual([]);
  });

  it('a JavaScript name cut by a chunk boundary is still found; /JSON is not mistaken for /JS', () => {
    const s = new PdfScriptScanner();
    for (const part of ['%PDF-1.7 << /S /Java', 'Script /J', 'S (x) >>']) s.push(Buffer.from(part));
    s.end();
    expect(s.found).toBe(true);
    const ok = new PdfScriptScanner();
    for (const part of ['%PDF-1.7 << /Subtype /J', 'SON >> /JSX /AJS']) ok.push(Buffer.from(part));
    ok.end();
    expect(ok.found).toBe(false);
  });
});

describe('names', () => {
  it('path parts, control and bidi characters are stripped; the file still lands under a random key', async () => {
    const r = await store(f.pdf(), '../../etc/passwd\u0000\u202E.pdf');
    expect(r.originalName).toBe('passwd.pdf');
    const w = await store(f.png(), '..\\..\\windows\\sys<tem>.png');
    expect(w.originalName).toBe('sys_tem_.png');
    expect(pathForKey(t.dataDir, await keyOf(r.id)).startsWith(path.join(t.dataDir, 'files'))).toBe(true);
  });

  it('a 300-character name is cut to 200 keeping the extension', async () => {
    const r = await store(f.pdf(), `${'侵权证据'.repeat(75)}.pdf`);
    expect(Array.from(r.originalName)).toHaveLength(200);
    expect(r.originalName.endsWith('.pdf')).toBe(true);
  });
});

describe('limits and failures', () => {
  it('20 MB through a 5 MB limit: 413 as soon as the limit is passed, nothing buffered, nothing left', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const big = Readable.from((function* () {
      yield Buffer.from('%PDF-1.4\n');
      for (let i = 0; i < 320; i++) {
        pulled += chunk.length;
        yield chunk;
      }
    })());
    const before = await rowCount();
    const heap = process.memoryUsage().heapUsed;
    const e = await refusal(storeUpload(t.deps, big, { originalName: 'big.pdf', maxBytes: 5 * 1024 * 1024 }));
    expect(e).toMatchObject({ status: 413, code: 'file_too_large', field: 'file' });
    expect(pulled).toBeLessThanOrEqual(5 * 1024 * 1024 + 2 * chunk.length);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(15 * 1024 * 1024);
    expect(big.destroyed).toBe(true);
    expect(f.tempFiles(t.dataDir)).toEqual([]);
    expect(await rowCount()).toBe(before);
  });

  const failing = (after: number, code = 'ENOSPC'): StorageIo => ({
    async open(file, flags, mode) {
      const h = await realIo.open(file, flags, mode);
      let written = 0;
      return {
        async write(buf, off, len) {
          if (written + len > after) throw Object.assign(new Error(`${code}: no space left on device`), { code });
          written += len;
          return h.write(buf, off, len);
        },
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
  });

  it.each([['ENOSPC'], ['EIO'], ['EDQUOT']])('a write failing with %s is 507 storage_full; no temp file, no row', async (code) => {
    const before = await rowCount();
    const body = Buffer.concat([f.pdf(), Buffer.alloc(300_000, 0x20)]);
    const e = await refusal(storeUpload({ ...t.deps, storageIo: failing(100_000, code) }, f.stream(body), { originalName: 'a.pdf', maxBytes: 1e6 }));
    expect(e).toMatchObject({ status: 507, code: 'storage_full' });
    expect(e.messageZh).toContain('存储空间不足');
    expect(f.tempFiles(t.dataDir)).toEqual([]);
    expect(await rowCount()).toBe(before);
    // The next upload with a healthy disk works: the server keeps serving.
    expect((await store(f.pdf(), 'after.pdf')).sizeBytes).toBe(f.pdf().length);
  });

  it('a disk too full to even open the temp file is 507 too', async () => {
    const io: StorageIo = { open: async () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); } };
    const e = await refusal(storeUpload({ ...t.deps, storageIo: io }, f.stream(f.pdf()), { originalName: 'a.pdf', maxBytes: 1e6 }));
    expect(e).toMatchObject({ status: 507, code: 'storage_full' });
    expect(f.tempFiles(t.dataDir)).toEqual([]);
  });
});
