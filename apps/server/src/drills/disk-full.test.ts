import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../platform/http/app.ts';
import type { Deps } from '../platform/deps.ts';
import { realIo, tmpDir, type StorageIo } from '../platform/storage/layout.ts';
import { TestClient } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { APPLICANT, fullDraft, submit, upload } from '../modules/portal-cases/portal.test-support.ts';

/**
 * Drill 4: the disk fills up in the middle of an applicant's evidence upload, through the real route.
 * A quota in the storage seam: writes beyond `quota` bytes (all files together) fail with ENOSPC.
 */
let t: TestApp;
let app: App;
let dataDir: string;
const disk = { quota: Infinity, used: 0 };

const quotaIo: StorageIo = {
  async open(file, flags, mode) {
    const h = await realIo.open(file, flags, mode);
    return {
      async write(buf, off, len) {
        if (disk.used + len > disk.quota) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        disk.used += len;
        return h.write(buf, off, len);
      },
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-diskfull-'));
  t = await createTestApp({ dataDir });
  app = await buildApp({ ...t.deps, storageIo: quotaIo } as Deps);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes, 0x20), Buffer.from('\n%%EOF\n')]);
const count = async (table: 'cases' | 'attachments') =>
  Number((await t.deps.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('disk full during an upload', () => {
  it('answers 507 with a clear message, writes no case and no file, removes the temp file and keeps serving', async () => {
    const me = await TestClient.signIn(app, APPLICANT);
    const id = await fullDraft(me);
    disk.used = 0;
    disk.quota = 600_000; // the first file fits, the second fills the disk half-way through
    const [cases, attachments] = [await count('cases'), await count('attachments')];

    const r = await upload(me, `/api/portal/drafts/${id}/evidence`, [{ name: '合同.pdf', data: pdf(400_000) }, { name: '照片.pdf', data: pdf(400_000) }]);
    expect(r.status).toBe(507);
    expect(r.body.error).toMatchObject({ code: 'storage_full', field: 'file' });
    expect(r.body.error.message).toContain('存储空间不足');
    expect(r.body.error.messageEn).toContain('nothing was saved');
    expect(fs.existsSync(tmpDir(dataDir)) ? fs.readdirSync(tmpDir(dataDir)) : []).toEqual([]);
    expect((await me.get(`/api/portal/drafts/${id}`)).body.data.evidence).toEqual([]);
    expect(await count('cases')).toBe(cases);
    // The file stored before the disk filled stays pending: the orphan sweep removes it, no case points to it.
    const pending = await t.deps.db.selectFrom('attachments').select(['status', 'owner_id']).where('created_at', '>', new Date(Date.now() - 60_000)).execute();
    expect(pending.every((a) => a.status === 'pending' && a.owner_id === null)).toBe(true);
    expect(await count('attachments')).toBeLessThanOrEqual(attachments + 1);

    // Still serving: reads, writes without files, and (space freed) the same upload, then the submission.
    expect((await me.get('/api/auth/me')).status).toBe(200);
    expect((await me.post('/api/portal/drafts', { request: '磁盘满后的新草稿' })).status).toBe(201);
    disk.quota = Infinity;
    const again = await upload(me, `/api/portal/drafts/${id}/evidence`, [{ name: '合同.pdf', data: pdf(400_000) }]);
    expect(again.status).toBe(201);
    const s = await submit(me, id);
    expect(s.status).toBe(201);
    expect(s.body.data.evidence.map((e: { name: string }) => e.name)).toEqual(['合同.pdf']);
    expect(await count('cases')).toBe(cases + 1);
  });
});
