import { AppError } from '../errors.ts';

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

export const FileTooLarge = (maxBytes: number) =>
  new AppError(413, 'file_too_large', `文件超过大小上限（${mb(maxBytes)} MB）`, `The file is larger than the limit of ${mb(maxBytes)} MB`, 'file', { maxBytes });

export const UploadTooLarge = (maxBytes: number) =>
  new AppError(413, 'upload_too_large', `本次上传的文件合计超过上限（${mb(maxBytes)} MB）`, `The files together exceed the limit of ${mb(maxBytes)} MB per request`, 'file', { maxBytes });

export const TooManyFiles = (max: number) =>
  new AppError(413, 'too_many_files', `一次最多上传 ${max} 个文件`, `At most ${max} files may be uploaded at once`, 'file', { maxFiles: max });

export const FileEmpty = () => new AppError(422, 'file_empty', '文件为空（0 字节），请重新选择', 'The file is empty (0 bytes); choose it again', 'file');

export type RefusalReason = 'unknown_type' | 'extension_mismatch' | 'plain_zip' | 'macro' | 'pdf_javascript' | 'active_content' | 'not_utf8_text';

const refusals: Record<RefusalReason, [string, string]> = {
  unknown_type: ['不支持此文件类型。可上传：PDF、图片（JPG、PNG、GIF、WebP、BMP、TIFF）、Word/Excel/PowerPoint 文档、OFD、TXT 文本', 'This file type is not accepted. Accepted: PDF, images (JPG, PNG, GIF, WebP, BMP, TIFF), Word/Excel/PowerPoint documents, OFD, plain text'],
  extension_mismatch: ['文件扩展名与文件实际内容不符，请上传原始文件', 'The file name extension does not match the file content; upload the original file'],
  plain_zip: ['不接受压缩包（ZIP 等），请解压后逐个上传文件', 'Archives (ZIP etc.) are not accepted; extract them and upload the files one by one'],
  macro: ['不接受含宏的 Office 文档，请另存为不含宏的格式（如 .docx、.xlsx）后上传', 'Office documents with macros are not accepted; save as a macro-free format (.docx, .xlsx) and upload again'],
  pdf_javascript: ['该 PDF 含有脚本（JavaScript），出于安全原因不予接收；请将其“打印为 PDF”后重新上传', 'This PDF contains JavaScript and is refused for safety; "print to PDF" and upload the result'],
  active_content: ['不接受网页、脚本或可执行文件', 'Web pages, scripts and executables are not accepted'],
  not_utf8_text: ['文本文件须为 UTF-8 编码的纯文本', 'Text files must be plain UTF-8 text'],
};

export const TypeNotAllowed = (reason: RefusalReason) =>
  new AppError(415, 'file_type_not_allowed', refusals[reason][0], refusals[reason][1], 'file', { reason });

export const StorageFull = () =>
  new AppError(507, 'storage_full', '服务器存储空间不足或写入失败，文件未保存。请稍后重试；如仍失败请联系管理员', 'The server could not store the file (out of space or a write error); nothing was saved. Try again later, or contact the administrator', 'file');

export const AttachmentsUnavailable = () =>
  new AppError(422, 'attachment_unavailable', '部分附件不存在、已被使用或不属于您，请重新上传', 'Some attachments do not exist, are already used or are not yours; upload them again', 'attachments');

export const FileUnavailable = () =>
  new AppError(500, 'file_unavailable', '文件暂时无法读取，已通知管理员', 'The file cannot be read; the administrators have been told');
