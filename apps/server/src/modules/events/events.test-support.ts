import crypto from 'node:crypto';
import type { TestClient } from '../../testing/client.ts';
import type { TestApp } from '../../testing/harness.ts';

/** A 1×1 PNG: a real image, as the storage's content check wants. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** POST files and text fields as multipart/form-data. */
export async function multipart(c: TestClient, url: string, files: { name: string; type: string; data: Buffer }[], fields: Record<string, string> = {}) {
  const b = `----yz${crypto.randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return c.request('POST', url, Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${b}` });
}

/** The institution a demo user holds a role at. */
export async function institutionOf(t: TestApp, username: string): Promise<string> {
  const r = await t.deps.db.selectFrom('role_assignments as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.institution_id').where('u.username', '=', username).executeTakeFirstOrThrow();
  return r.institution_id;
}

export const exhibition = (institutionId: string, startsOn: string, endsOn: string) => ({
  institutionId, name: '第十届中国（武汉）光电子博览会', kind: 'exhibition', venue: '武汉国际博览中心 A 馆', startsOn, endsOn,
  organiser: '武汉市人民政府', expectedExhibitors: 420, preTraining: '展前知识产权培训：https://example.org/training/2026-optics',
});
