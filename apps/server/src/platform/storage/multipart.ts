import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { discardPending } from './attach.ts';
import { FileTooLarge, TooManyFiles, UploadTooLarge } from './errors.ts';
import { storeUpload, type StorageDeps, type StoredFile, type UploadOptions } from './store.ts';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
  /** All files of the request together. */
  maxTotalBytes: number;
  /** The form field that carries files; a file under any other name is refused. Default 'file'. */
  fileField?: string;
  maxFields?: number;
  maxFieldBytes?: number;
}

export type UploadMeta = Pick<UploadOptions, 'ownerType' | 'uploadedBy' | 'institutionPath'>;

export interface ReceivedUpload {
  files: StoredFile[];
  /** The other (text) fields; a repeated name keeps its last value. */
  fields: Record<string, string>;
}

const NotMultipart = () =>
  new AppError(400, 'file_required', '请以 multipart/form-data 方式上传文件', 'Upload the files as multipart/form-data', 'file');

/**
 * Read a multipart request (the route's plugin registers @fastify/multipart) streaming each file part through
 * storeUpload — never buffering a file — within per-file, per-request and file-count limits. On any failure
 * the files already stored by this request are discarded, so the caller sees all or nothing.
 */
export async function receiveUploads(deps: StorageDeps, req: FastifyRequest, limits: UploadLimits, meta: UploadMeta = {}): Promise<ReceivedUpload> {
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) throw NotMultipart();
  const fileField = limits.fileField ?? 'file';
  const maxFields = limits.maxFields ?? 20;
  const files: StoredFile[] = [];
  const fields: Record<string, string> = Object.create(null);
  let total = 0;
  try {
    const parts = req.parts({
      limits: {
        fileSize: limits.maxFileBytes + 1, // storeUpload sees the excess byte first and answers 413 itself
        files: limits.maxFiles + 1, // the one too many reaches us, so the answer names the limit
        fields: maxFields,
        fieldSize: limits.maxFieldBytes ?? 64 * 1024,
        parts: limits.maxFiles + maxFields + 1,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField) {
          throw new AppError(400, 'unexpected_file', `文件只能通过“${fileField}”字段上传`, `Files may only be sent in the "${fileField}" field`, part.fieldname);
        }
        if (files.length >= limits.maxFiles) throw TooManyFiles(limits.maxFiles);
        const remaining = limits.maxTotalBytes - total;
        const byTotal = remaining < limits.maxFileBytes;
        const stored = await storeUpload(deps, part.file, {
          originalName: part.filename,
          declaredType: part.mimetype,
          maxBytes: byTotal ? remaining : limits.maxFileBytes,
          tooLarge: byTotal ? () => UploadTooLarge(limits.maxTotalBytes) : undefined,
          ...meta,
        });
        files.push(stored);
        total += stored.sizeBytes;
      } else {
        if (part.valueTruncated) {
          throw new AppError(413, 'field_too_large', `字段“${part.fieldname}”内容过长`, `The field "${part.fieldname}" is too long`, part.fieldname);
        }
        fields[part.fieldname] = String(part.value);
      }
    }
    return { files, fields: { ...fields } };
  } catch (e) {
    await discardPending(deps, files.map((f) => f.id)).catch(() => {});
    throw mapMultipartError(e, limits);
  }
}

function mapMultipartError(e: unknown, limits: UploadLimits): unknown {
  switch ((e as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return FileTooLarge(limits.maxFileBytes);
    case 'FST_FILES_LIMIT':
      return TooManyFiles(limits.maxFiles);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(413, 'too_many_parts', '表单字段过多', 'Too many form fields');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return NotMultipart();
    default:
      return e;
  }
}
