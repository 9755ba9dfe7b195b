import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { NotFound } from '../errors.ts';
import { FileUnavailable } from './errors.ts';
import { pathForKey } from './layout.ts';
import { contentDisposition } from './names.ts';
import type { StorageDeps } from './store.ts';

export interface AttachmentInfo {
  id: string;
  originalName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  status: 'pending' | 'attached' | 'deleted';
  ownerType: string;
  ownerId: string | null;
  institutionPath: string | null;
  uploadedBy: string | null;
}

/** pino-compatible; routes pass `req.log`. */
export interface SecurityLog {
  warn(obj: object, msg: string): void;
}

export class IntegrityError extends Error {
  constructor(readonly attachmentId: string) {
    super('Stored file does not match its recorded SHA-256');
  }
}

/** The headers every download carries: always an attachment, never rendered, never sniffed. */
export function downloadHeaders(a: Pick<AttachmentInfo, 'originalName' | 'mediaType' | 'sizeBytes'>): Record<string, string> {
  return {
    'content-type': a.mediaType,
    'content-length': String(a.sizeBytes),
    'content-disposition': contentDisposition(a.originalName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  };
}

/**
 * The file of a live attachment as a stream that re-hashes what it sends: when the bytes on disk no longer
 * match the recorded SHA-256 (or size), the stream is destroyed with an IntegrityError before it ends — the
 * client sees a broken download, never a silently altered one — and a security event is logged and audited.
 * Authorisation is the caller's: load the owner, check `can()`, then call this.
 */
export async function openForDownload(
  deps: StorageDeps,
  id: string,
  opts: { log?: SecurityLog } = {},
): Promise<{ attachment: AttachmentInfo; headers: Record<string, string>; stream: Readable }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw NotFound('attachment', '附件');
  const row = await deps.db.selectFrom('attachments').selectAll().where('id', '=', id).where('status', '<>', 'deleted').executeTakeFirst();
  if (!row) throw NotFound('attachment', '附件');
  const attachment: AttachmentInfo = {
    id: row.id,
    originalName: row.original_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    status: row.status,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    institutionPath: row.institution_path,
    uploadedBy: row.uploaded_by,
  };
  const file = pathForKey(deps.config.dataDir, row.storage_key);
  let source: fs.ReadStream;
  try {
    const fd = await fs.promises.open(file, 'r');
    source = fd.createReadStream();
  } catch {
    await reportIntegrity(deps, attachment, 'missing', opts.log);
    throw FileUnavailable();
  }
  const hash = crypto.createHash('sha256');
  let size = 0;
  const check = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      hash.update(chunk);
      cb(null, chunk);
    },
    flush(cb) {
      if (size === attachment.sizeBytes && hash.digest('hex') === attachment.sha256) return cb();
      reportIntegrity(deps, attachment, size === attachment.sizeBytes ? 'hash_mismatch' : 'size_mismatch', opts.log).finally(() =>
        cb(new IntegrityError(attachment.id)),
      );
    },
  });
  // pipeline: an error on either side (or the client going away) destroys both and closes the file.
  pipeline(source, check, () => {});
  return { attachment, headers: downloadHeaders(attachment), stream: check };
}

/** A security event without personal data: the attachment id and what failed, never the name or content. */
async function reportIntegrity(deps: StorageDeps, a: AttachmentInfo, problem: string, log?: SecurityLog): Promise<void> {
  log?.warn({ event: 'attachment_integrity_failed', attachmentId: a.id, problem }, 'security: stored file failed its integrity check');
  await deps.db
    .insertInto('audit_log')
    .values({
      actor_id: null,
      actor_name: 'system',
      institution_id: null,
      institution_path: a.institutionPath,
      action: 'attachment.integrity_failed',
      object_type: 'attachment',
      object_id: a.id,
      result: 'failure',
      ip: null,
      request_id: null,
      detail: JSON.stringify({ problem }),
    })
    .execute()
    .catch((e: unknown) => log?.warn({ event: 'audit_write_failed', code: (e as { code?: string }).code }, 'audit entry for integrity failure not written'));
}
