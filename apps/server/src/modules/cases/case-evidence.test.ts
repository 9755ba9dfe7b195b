import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdf, png } from '../../platform/storage/storage.test-support.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { APPLICANT, sha256, submitted } from '../portal-cases/portal.test-support.ts';

let t: TestApp;
let applicant: TestClient;
let clerk: TestClient;
let ycHandler: TestClient;
let expert: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  [applicant, clerk, ycHandler, expert] = await Promise.all([APPLICANT, 'wh_clerk', 'yc_handler', 'expert_wu'].map((u) => t.login(u)));
}, 120_000);
afterAll(() => t.close());

it('staff in scope list and download the evidence (hash checked, audited); others get 404 or 403', async () => {
  const files = [{ name: '公证书.pdf', data: pdf() }, { name: '照片.png', data: png() }];
  const { id } = await submitted(applicant, {}, files);
  const list = await clerk.get(`/api/cases/${id}/evidence`);
  expect(list.status).toBe(200);
  const got = list.body.data as { id: string; name: string; sha256: string; purpose: string }[];
  expect(got.map((e) => [e.name, e.sha256, e.purpose]).sort()).toEqual(files.map((f) => [f.name, sha256(f.data), 'evidence']).sort());
  const photo = got.find((e) => e.name === '照片.png')!;
  const dl = await t.app.inject({ method: 'GET', url: `/api/cases/${id}/evidence/${photo.id}`, headers: { cookie: clerk.cookie! } });
  expect(dl.statusCode).toBe(200);
  expect(sha256(dl.rawPayload)).toBe(sha256(files[1]!.data));
  expect(dl.headers['content-disposition']).toMatch(/^attachment/);
  const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', id).where('action', '=', 'case.evidence.download').execute();
  expect(audit).toHaveLength(1);
  // another institution's handler: the case does not exist for them
  expect((await ycHandler.get(`/api/cases/${id}/evidence`)).status).toBe(404);
  expect((await ycHandler.get(`/api/cases/${id}/evidence/${photo.id}`)).status).toBe(404);
  // experts and applicants hold no case.read: they use their own views
  expect((await expert.get(`/api/cases/${id}/evidence`)).status).toBe(403);
  expect((await applicant.get(`/api/cases/${id}/evidence`)).status).toBe(403);
  // a file through another case's URL
  const other = await submitted(applicant, {}, [{ name: '其他.pdf', data: pdf() }]);
  expect((await clerk.get(`/api/cases/${other.id}/evidence/${photo.id}`)).status).toBe(404);
}, 60_000);
