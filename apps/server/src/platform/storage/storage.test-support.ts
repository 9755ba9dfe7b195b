import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { tmpDir } from './layout.ts';

/** A test app whose data directory is its own: the orphan sweep must not see other test files' uploads. */
export async function storageTestApp(): Promise<TestApp & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-files-'));
  const t = await createTestApp({ dataDir });
  const close = t.close;
  return Object.assign(t, {
    dataDir,
    async close() {
      await close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export const stream = (b: Buffer | string) => Readable.from([Buffer.from(b)]);
export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
export const tempFiles = (dataDir: string) => (fs.existsSync(tmpDir(dataDir)) ? fs.readdirSync(tmpDir(dataDir)) : []);

/** Every file under files/ except tmp/, as storage keys. */
export function storedKeys(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((p) => path.basename(p))
    .filter((n) => /^[0-9a-f]{32}$/.test(n));
}

const pdfBody = (extra: string) =>
  `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${extra}>>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n` +
  '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

export const pdf = () => Buffer.from(pdfBody('/Metadata << /Subtype /JSON >> '));
export const pdfWithJs = () => Buffer.from(pdfBody('/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> '));
export const pdfWithEscapedJs = () => Buffer.from(pdfBody('/OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >> '));

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const filler = crypto.randomBytes(300);

export const png = () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0], [...filler]);
export const jpeg = () => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], [...filler], [0xff, 0xd9]);
export const gif = () => bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0], [...filler]);
export const webp = () => bytes('RIFF', [0x20, 1, 0, 0], 'WEBPVP8 ', [...filler]);
export const bmp = () => bytes('BM', [0x3a, 1, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0], [...filler]);
export const tiff = () => bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0], [...filler]);
export const ole2 = () => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Array(504).fill(0));
export const text = () => Buffer.from('\uFEFF2026年11月3日 微信聊天记录\n对方承认销售仿冒商品。\n');

export async function zip(entries: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, body] of Object.entries(entries)) z.file(name, body);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const docx = () => zip({ '[Content_Types].xml': contentTypes, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
export const xlsx = () => zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>' });
export const pptx = () => zip({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': '<p:presentation/>' });
export const docm = () => zip({ '[Content_Types].xml': contentTypes, 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'macro' });
export const ofd = () => zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
export const plainZip = () => zip({ 'readme.txt': 'hello', 'evil.exe': 'MZ' });
