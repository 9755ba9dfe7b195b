import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { TestClient } from '../../../testing/client.ts';

/** Test helpers of the historical import (not a test file itself). */

export const HEADER = ['记录类型', '日期', '受理途径', '知识产权类型', '申请人类型', '服务类型', '涉外', '中小微企业', '参加人次', '分析用途'];

export async function book(rows: (string | number | null)[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历史数据');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let gbk: Map<string, number[]> | undefined;
/** GBK bytes of a text (Node decodes GBK but has no encoder): a table built by decoding every two-byte code once. */
export function encodeGbk(text: string): Buffer {
  if (!gbk) {
    gbk = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbk.has(ch)) gbk.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...gbk.get(ch)!);
  }
  return Buffer.from(out);
}

/** POST a file as multipart/form-data with the institutionId field first (as the console sends it). */
export async function uploadInto(c: TestClient, url: string, file: Buffer, filename: string, institutionId: string) {
  const boundary = `----yz${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="institutionId"\r\n\r\n${institutionId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(filename)}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

/** GET a binary answer (the test client keeps bodies as text). */
export async function download(c: TestClient, url: string): Promise<{ status: number; body: Buffer }> {
  const r = await c.app.inject({ method: 'GET', url, headers: c.cookie ? { cookie: c.cookie } : {} });
  return { status: r.statusCode, body: r.rawPayload };
}
