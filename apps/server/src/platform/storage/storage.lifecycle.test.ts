import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandler } from '../http/error-handler.ts';
import { attach } from './attach.ts';
import { IntegrityError, openForDownload } from './download.ts';
import { newStorageKey, pathForKey, tmpDir } from './layout.ts';
import { receiveUploads, type UploadLimits } from './multipart.ts';
import { storeUpload } from './store.ts';
import * as f from './storage.test-support.ts';
import { sweepOrphans } from './sweep.ts';

let t: Awaited<ReturnType<typeof f.storageTestApp>>;
let userA: string;
let userB: string;
beforeAll(async () => {
  t = await f.storageTestApp();
  const users = await t.deps.db.selectFrom('users').select('id').orderBy('id').limit(2).execute();
  [userA, userB] = users.map((u) => u.id);
});
afterAll(() => t.close());

const store = (body: Buffer, name: string, uploadedBy: string | null = null) =>
  storeUpload(t.deps, f.stream(body), { originalName: name, maxBytes: 1e6, uploadedBy });
const keyOf = async (id: string) => (await t.deps.db.selectFrom('attachments').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;
const drain = async (s: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
};

describe('download', () => {
  it('streams the stored bytes with headers that forbid rendering, safe for Chinese names', async () => {
    const body = f.png();
    const r = await store(body, '侵权商品照片 (1).png');
    const d = await openForDownload(t.deps, r.id);
    expect((await drain(d.stream)).equals(body)).toBe(true);
    expect(d.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(body.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
    });
    expect(d.headers['content-disposition']).toBe(
      `attachment; filename="______ (1).png"; filename*=UTF-8''${encodeURIComponent('侵权商品照片 ')}%281%29.png`,
    );
    expect(decodeURIComponent(d.headers['content-disposition'].split("UTF-8''")[1])).toBe('侵权商品照片 (1).png');
  });

  it('a file altered on disk fails the check: the stream errors and a security event is recorded without the name', async () => {
    const r = await store(f.pdf(), '张三身份证.pdf');
    const file = pathForKey(t.dataDir, await keyOf(r.id));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3] ^= 0xff; // same size, different content
    fs.writeFileSync(file, bytes);
    const warnings: unknown[] = [];
    const d = await openForDownload(t.deps, r.id, { log: { warn: (o) => warnings.push(o) } });
    await expect(drain(d.stream)).rejects.toBeInstanceOf(IntegrityError);
    expect(warnings).toEqual([{ event: 'attachment_integrity_failed', attachmentId: r.id, problem: 'hash_mismatch' }]);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('object_id', '=', r.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'attachment.integrity_failed', result: 'failure' });
    expect(JSON.stringify(audit[0])).not.toContain('张三');
  });

  it('a truncated or missing file fails too; an unknown id is 404', async () => {
    const r = await store(f.pdf(), 'a.pdf');
    const file = pathForKey(t.dataDir, await keyOf(r.id));
    fs.truncateSync(file, 10);
    await expect(drain((await openForDownload(t.deps, r.id)).stream)).rejects.toBeInstanceOf(IntegrityError);
    fs.rmSync(file);
    await expect(openForDownload(t.deps, r.id)).rejects.toMatchObject({ status: 500, code: 'file_unavailable' });
    await expect(openForDownload(t.deps, '019a0000-0000-7000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    await expect(openForDownload(t.deps, '../../etc/passwd')).rejects.toMatchObject({ status: 404 });
  });
});

describe('attach', () => {
  const caseId = '019a0000-0000-7000-8000-0000000000c1';
  it('marks the uploader\'s pending files attached in the business transaction, once', async () => {
    const [a, b] = [await store(f.pdf(), 'a.pdf', userA), await store(f.png(), 'b.png', userA)];
    await t.deps.db.transaction().execute((tx) => attach(tx, [a.id, b.id, a.id], { type: 'case', id: caseId, institutionPath: 'cn', uploadedBy: userA }));
    const rows = await t.deps.db.selectFrom('attachments').selectAll().where('id', 'in', [a.id, b.id]).execute();
    expect(rows.map((r) => [r.status, r.owner_type, r.owner_id, r.institution_path])).toEqual([
      ['attached', 'case', caseId, 'cn'],
      ['attached', 'case', caseId, 'cn'],
    ]);
    await expect(attach(t.deps.db, [a.id], { type: 'case', id: caseId })).rejects.toMatchObject({ status: 422, code: 'attachment_unavailable' });
  });

  it('refuses someone else\'s upload, and a failed business write leaves the files pending', async () => {
    const c = await store(f.pdf(), 'c.pdf', userA);
    await expect(attach(t.deps.db, [c.id], { type: 'case', id: caseId, uploadedBy: userB })).rejects.toMatchObject({ code: 'attachment_unavailable' });
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await attach(tx, [c.id], { type: 'case', id: caseId, uploadedBy: userA });
        throw new Error('case insert failed');
      }),
    ).rejects.toThrow('case insert failed');
    expect((await t.deps.db.selectFrom('attachments').select('status').where('id', '=', c.id).executeTakeFirstOrThrow()).status).toBe('pending');
  });
});

describe('sweepOrphans', () => {
  it('removes exactly the stale pending uploads, orphan files, old temp files and files of deleted rows', async () => {
    await t.deps.db.deleteFrom('attachments').execute();
    fs.rmSync(path.join(t.dataDir, 'files'), { recursive: true, force: true });
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    const age = (p: string) => fs.utimesSync(p, old, old);
    const stalePending = await store(f.pdf(), 'stale.pdf');
    const freshPending = await store(f.pdf(), 'fresh.pdf');
    const attached = await store(f.pdf(), 'kept.pdf', userA);
    const deleted = await store(f.pdf(), 'deleted.pdf');
    await attach(t.deps.db, [attached.id], { type: 'case', id: '019a0000-0000-7000-8000-0000000000c2' });
    await t.deps.db.updateTable('attachments').set({ created_at: sql<Date>`now() - interval '3 days'` }).where('id', 'in', [stalePending.id, attached.id]).execute();
    await t.deps.db.updateTable('attachments').set({ status: 'deleted', deleted_at: sql<Date>`now()` }).where('id', '=', deleted.id).execute();
    for (const id of [stalePending.id, freshPending.id, attached.id, deleted.id]) age(pathForKey(t.dataDir, await keyOf(id)));
    const orphan = (k: string) => {
      const p = pathForKey(t.dataDir, k);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, 'left by a crash');
      return p;
    };
    const [oldOrphan, newOrphan] = [newStorageKey(), newStorageKey()];
    age(orphan(oldOrphan));
    orphan(newOrphan);
    fs.writeFileSync(path.join(tmpDir(t.dataDir), 'old.part'), 'x');
    age(path.join(tmpDir(t.dataDir), 'old.part'));
    fs.writeFileSync(path.join(tmpDir(t.dataDir), 'new.part'), 'x');
    const keys = { fresh: await keyOf(freshPending.id), attached: await keyOf(attached.id) };

    const r = await sweepOrphans(t.deps, 24 * 3600_000);
    expect(r).toEqual({ pendingRows: 1, orphanFiles: 1, tempFiles: 1, deletedFiles: 1 });
    expect(f.storedKeys(t.dataDir).sort()).toEqual([keys.fresh, keys.attached, newOrphan].sort());
    expect(f.tempFiles(t.dataDir)).toEqual(['new.part']);
    const ids = (await t.deps.db.selectFrom('attachments').select('id').execute()).map((x) => x.id).sort();
    expect(ids).toEqual([freshPending.id, attached.id, deleted.id].sort());
    expect(await sweepOrphans(t.deps, 24 * 3600_000)).toEqual({ pendingRows: 0, orphanFiles: 0, tempFiles: 0, deletedFiles: 0 });
    fs.rmSync(path.join(tmpDir(t.dataDir), 'new.part'));
  });
});

describe('receiveUploads (multipart)', () => {
  const limits: UploadLimits = { maxFiles: 2, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 6 * 1024 * 1024 };
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installErrorHandler(app);
    await app.register(multipart);
    app.post('/up', async (req: FastifyRequest) => receiveUploads(t.deps, req, limits, { ownerType: 'case', uploadedBy: userA }));
    await app.ready();
  });
  afterAll(() => app.close());

  const form = (parts: { name: string; filename?: string; type?: string; body: Buffer | string }[]) => {
    const boundary = '----yzBoundary7MA4YWxk';
    const payload = Buffer.concat([
      ...parts.flatMap((p) => [
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
          (p.type ? `Content-Type: ${p.type}\r\n` : '') + '\r\n'),
        Buffer.from(p.body),
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    return app.inject({ method: 'POST', url: '/up', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };
  const pending = async () => (await t.deps.db.selectFrom('attachments').select('id').where('status', '=', 'pending').execute()).length;
  const big = (n: number) => Buffer.concat([f.pdf(), Buffer.alloc(n, 0x20)]);

  it('stores each file and returns the summaries and the other fields', async () => {
    const r = await form([
      { name: 'note', body: '补充证据' },
      { name: 'file', filename: '合同.pdf', type: 'application/pdf', body: f.pdf() },
      { name: 'file', filename: 'photo.png', type: 'image/png', body: f.png() },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.fields).toEqual({ note: '补充证据' });
    expect(body.files.map((x: { originalName: string; mediaType: string }) => [x.originalName, x.mediaType])).toEqual([
      ['合同.pdf', 'application/pdf'],
      ['photo.png', 'image/png'],
    ]);
  });

  it.each([
    ['too many files', [1, 2, 3].map((i) => ({ name: 'file', filename: `${i}.pdf`, body: f.pdf() })), 413, 'too_many_files'],
    ['a file over the per-file limit', [{ name: 'file', filename: 'big.pdf', body: big(5 * 1024 * 1024 + 10) }], 413, 'file_too_large'],
    ['files over the per-request limit', [{ name: 'file', filename: 'a.pdf', body: big(4 * 1024 * 1024) }, { name: 'file', filename: 'b.pdf', body: big(3 * 1024 * 1024) }], 413, 'upload_too_large'],
    ['a good file then a disguised one', [{ name: 'file', filename: 'a.pdf', body: f.pdf() }, { name: 'file', filename: 'x.png', type: 'image/png', body: '<svg onload="alert(1)"/>' }], 415, 'file_type_not_allowed'],
    ['a file under another field', [{ name: 'other', filename: 'a.pdf', body: f.pdf() }], 400, 'unexpected_file'],
  ])('%s: refused with nothing kept', async (_label, parts, status, code) => {
    const before = await pending();
    const r = await form(parts);
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json().error.code).toBe(code);
    expect(await pending()).toBe(before);
    expect(f.tempFiles(t.dataDir)).toEqual([]);
  });

  it('a request that is not multipart is 400 file_required', async () => {
    const r = await app.inject({ method: 'POST', url: '/up', payload: { a: 1 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('file_required');
  });
});
