import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { TestClient } from '../../testing/client.ts';
import type { TestApp } from '../../testing/harness.ts';

/** Test helpers for the institutions module (not a test file itself). */

export async function idOf(t: TestApp, name: string): Promise<string> {
  const r = await t.deps.db.selectFrom('institutions').select('id').where('name', '=', name).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return r.id;
}

export async function pathOf(t: TestApp, id: string): Promise<string> {
  const r = await t.deps.db.selectFrom('institutions').select((eb) => eb.cast<string>('path', 'text').as('p')).where('id', '=', id).executeTakeFirstOrThrow();
  return r.p;
}

export async function countInstitutions(t: TestApp): Promise<number> {
  const r = await t.deps.db.selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A workbook with one header row (Chinese or code headers) and the given rows, as a buffer. */
export async function xlsx(header: string[], rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

/** POST a file as multipart/form-data (field "file") through the test client. */
export async function upload(c: TestClient, url: string, file: Buffer, filename = 'institutions.xlsx') {
  const boundary = `----yz${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n'),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

export async function auditFor(t: TestApp, objectId: string) {
  return t.deps.db.selectFrom('audit_log').selectAll().where('object_id', '=', objectId).orderBy('seq').execute();
}
