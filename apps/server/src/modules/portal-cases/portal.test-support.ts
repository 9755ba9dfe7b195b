import crypto from 'node:crypto';
import { maskPhone } from '@yuanzhi/domain';
import type { TestClient } from '../../testing/client.ts';
import type { TestApp } from '../../testing/harness.ts';
import { hashPassword } from '../auth/password.ts';

/** Helpers of the portal tests. */
export const APPLICANT = 'applicant@example.com';
export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A second applicant account (signs in by e-mail), to show that one applicant cannot reach another's records. */
export async function otherApplicant(t: TestApp, email = 'other.applicant@example.com'): Promise<TestClient> {
  const password = 'Other#Applicant2026';
  const phone = '13700001111';
  await t.deps.db.insertInto('users').values({
    kind: 'applicant', username: null, display_name: '另一申请人', email, phone_enc: t.deps.secrets.encrypt(phone),
    phone_hmac: t.deps.secrets.hmac(phone), phone_masked: maskPhone(phone), party_kind: 'natural_person', org_name: null, credit_code: null,
    password_hash: await hashPassword(password), totp_secret_enc: null, locked_until: null,
  }).execute();
  return t.login(email, password);
}

/** A complete application (Wuhan, patent, infringement opinion); `over` replaces top-level fields. */
export function application(over: Record<string, unknown> = {}) {
  return {
    applicant: {
      kind: 'legal_person', name: '武汉光谷微电子有限公司', creditCode: '91420100MA4K5T2Q3Q', phone: '13800138000',
      email: 'applicant@example.com', address: '湖北省武汉市洪山区珞喻路1号', enterpriseSize: 'small', enterpriseTags: ['specialised_innovative'],
    },
    opposingParties: [{ kind: 'legal_person', name: '某电商店铺' }],
    ipType: 'patent', ipNumber: 'ZL202310000000.1', services: ['infringement_opinion'], overseas: false, field: 'e_commerce',
    summary: '对方在电商平台销售与我司专利相同的产品', request: '请求出具侵权判定参考意见', regionCode: '420102',
    ...over,
  };
}

export interface Part {
  name: string;
  data: Buffer;
  type?: string;
}

/** A multipart/form-data request body: files in the field "file", plus text fields. */
export function multipart(files: Part[], fields: Record<string, string> = {}) {
  const boundary = `----yz${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(c: TestClient, url: string, files: Part[], fields: Record<string, string> = {}) {
  const m = multipart(files, fields);
  return c.request('POST', url, m.body, m.headers);
}

/** A draft holding the whole application (and the evidence given), ready to submit. */
export async function fullDraft(c: TestClient, over: Record<string, unknown> = {}, evidence: Part[] = []): Promise<string> {
  const r = await c.post('/api/portal/drafts', application(over));
  if (r.status !== 201) throw new Error(`draft: ${r.status} ${r.raw}`);
  const id = r.body.data.id as string;
  if (evidence.length > 0) {
    const u = await upload(c, `/api/portal/drafts/${id}/evidence`, evidence);
    if (u.status !== 201) throw new Error(`evidence: ${u.status} ${u.raw}`);
  }
  return id;
}

export const submit = (c: TestClient, id: string, key: string | null = `key-${crypto.randomUUID()}`) =>
  c.request('POST', `/api/portal/drafts/${id}/submit`, {}, key ? { 'idempotency-key': key } : {});

export async function submitted(c: TestClient, over: Record<string, unknown> = {}, evidence: Part[] = []) {
  const id = await fullDraft(c, over, evidence);
  const r = await submit(c, id);
  if (r.status !== 201) throw new Error(`submit: ${r.status} ${r.raw}`);
  return { id, receipt: r.body.data };
}

/** The code of the newest message the notifier sent to `to`. */
export function lastCode(t: TestApp, to: string): string | undefined {
  const m = [...t.sent].reverse().find((x) => x.to === to);
  return m?.body.match(/验证码 (\d{6})/)?.[1];
}
