import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the bytes live: `<dataDir>/files/<aa>/<bb>/<key>`, the key 128 random bits in hex, never derived
 * from the user's file name or the content's hash (two uploads of one file are two records and two files).
 * Temporary files are written in `<dataDir>/files/tmp/` — on the same file system, so the rename is atomic.
 */
export const filesRoot = (dataDir: string) => path.join(dataDir, 'files');
export const tmpDir = (dataDir: string) => path.join(filesRoot(dataDir), 'tmp');

export const newStorageKey = () => crypto.randomBytes(16).toString('hex');
export const isStorageKey = (s: string) => /^[0-9a-f]{32}$/.test(s);

export function pathForKey(dataDir: string, key: string): string {
  if (!isStorageKey(key)) throw new Error('Invalid storage key');
  return path.join(filesRoot(dataDir), key.slice(0, 2), key.slice(2, 4), key);
}

/** fsync a directory so a rename or unlink in it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const h = await fs.open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/**
 * The file-system calls an upload makes, as a seam: tests inject a failing `open` (ENOSPC) without a tmpfs.
 * The handle's `write` may be partial; callers loop.
 */
export interface StorageIo {
  open(file: string, flags: string, mode?: number): Promise<UploadHandle>;
}
export interface UploadHandle {
  write(buf: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const realIo: StorageIo = { open: (file, flags, mode) => fs.open(file, flags, mode) };
