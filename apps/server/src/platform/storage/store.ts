import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { DB } from '../db.ts';
import { ACCEPTED, decideType } from './detect.ts';
import { FileEmpty, FileTooLarge, StorageFull } from './errors.ts';
import { Inspector } from './inspect.ts';
import { filesRoot, newStorageKey, pathForKey, realIo, syncDir, tmpDir, type StorageIo, type UploadHandle } from './layout.ts';
import { extensionOf, sanitizeName } from './names.ts';

/** What storage needs: the data directory, the database, and (for tests) the file-system seam. */
export interface StorageDeps {
  config: Pick<Config, 'dataDir'>;
  db: DB;
  storageIo?: StorageIo;
}

export interface UploadOptions {
  originalName: string | undefined;
  /** The client's Content-Type: never trusted, only used to refuse HTML/SVG/scripts declared as such. */
  declaredType?: string;
  maxBytes: number;
  /** The error when maxBytes is passed (the multipart helper reports a request-wide budget differently). */
  tooLarge?: () => Error;
  /** Kind of owner the file is meant for ('case', 'message' …); attach() sets the final one. */
  ownerType?: string;
  uploadedBy?: string | null;
  institutionPath?: string | null;
}

export interface StoredFile {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** Any failure of the file system while storing is the server's: 507, whatever the errno (ENOSPC, EIO, EDQUOT …). */
async function disk<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch {
    throw StorageFull();
  }
}

async function writeAll(h: UploadHandle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await h.write(buf, off, buf.length - off);
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    off += bytesWritten;
  }
}

const toBuffer = (c: unknown): Buffer =>
  Buffer.isBuffer(c) ? c : typeof c === 'string' ? Buffer.from(c) : Buffer.from((c as Uint8Array).buffer, (c as Uint8Array).byteOffset, (c as Uint8Array).byteLength);

/**
 * Stream an upload to a temp file (hashing and counting as it goes, never holding the file in memory),
 * decide its real type from its content, make it durable (fsync file, atomic rename, fsync directory)
 * and record it as a 'pending' attachment. Any failure removes the temp file and writes no row.
 */
export async function storeUpload(deps: StorageDeps, input: AsyncIterable<unknown>, opts: UploadOptions): Promise<StoredFile> {
  const io = deps.storageIo ?? realIo;
  const { dataDir } = deps.config;
  const originalName = sanitizeName(opts.originalName);
  const tmp = path.join(tmpDir(dataDir), `${newStorageKey()}.part`);
  let handle: UploadHandle | undefined;
  let tmpExists = false;
  try {
    await disk(fs.mkdir(tmpDir(dataDir), { recursive: true }));
    handle = await disk(io.open(tmp, 'wx', 0o600));
    tmpExists = true;
    const hash = crypto.createHash('sha256');
    const inspector = new Inspector();
    let size = 0;
    for await (const chunk of input) {
      const buf = toBuffer(chunk);
      size += buf.length;
      if (size > opts.maxBytes) throw opts.tooLarge ? opts.tooLarge() : FileTooLarge(opts.maxBytes);
      hash.update(buf);
      inspector.push(buf);
      await disk(writeAll(handle, buf));
    }
    if (size === 0) throw FileEmpty();
    await disk(handle.sync());
    const h = handle;
    handle = undefined;
    await disk(h.close());
    const type = await decideType(tmp, size, extensionOf(originalName), opts.declaredType, inspector.finish());

    const key = newStorageKey();
    const dest = pathForKey(dataDir, key);
    const created = await disk(fs.mkdir(path.dirname(dest), { recursive: true }));
    await disk(fs.rename(tmp, dest));
    tmpExists = false;
    try {
      await disk(syncDir(path.dirname(dest)));
      // A directory made just now must itself be durable in its parent, up to files/.
      if (created) for (let d = path.dirname(path.dirname(dest)); d.startsWith(filesRoot(dataDir)); d = path.dirname(d)) await disk(syncDir(d));
      const sha256 = hash.digest('hex');
      const row = await deps.db
        .insertInto('attachments')
        .values({
          storage_key: key,
          original_name: originalName,
          media_type: ACCEPTED[type].mediaType,
          size_bytes: size,
          sha256,
          owner_type: opts.ownerType ?? 'none',
          owner_id: null,
          institution_path: opts.institutionPath ?? null,
          uploaded_by: opts.uploadedBy ?? null,
          attached_at: null,
          deleted_at: null,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow()
        .catch((e: unknown) => {
          // PostgreSQL out of disk (53100) is the same story for the user as our own disk being full.
          throw (e as { code?: string }).code === '53100' ? StorageFull() : e;
        });
      return { id: row.id, originalName, mediaType: ACCEPTED[type].mediaType, sizeBytes: size, sha256 };
    } catch (e) {
      await fs.rm(dest, { force: true }).catch(() => {});
      throw e;
    }
  } finally {
    if (handle) await handle.close().catch(() => {});
    if (tmpExists) await fs.rm(tmp, { force: true }).catch(() => {});
  }
}
