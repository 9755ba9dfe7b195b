/** Evidence and other uploaded files: see docs/adr/0007-evidence-storage.md. */
export { storeUpload, type StorageDeps, type StoredFile, type UploadOptions } from './store.ts';
export { openForDownload, downloadHeaders, IntegrityError, type AttachmentInfo, type SecurityLog } from './download.ts';
export { attach, discardPending, type Owner } from './attach.ts';
export { sweepOrphans, type SweepResult } from './sweep.ts';
export { receiveUploads, type UploadLimits, type UploadMeta, type ReceivedUpload } from './multipart.ts';
export { ACCEPTED } from './detect.ts';
export { sanitizeName, contentDisposition } from './names.ts';
export type { StorageIo, UploadHandle } from './layout.ts';
