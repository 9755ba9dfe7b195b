import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/client.ts';
import { arbitraryFor, type JsonSchema } from '../../testing/schema-arbitrary.ts';

interface Operation {
  method: string;
  path: string;
  params?: JsonSchema;
  query?: JsonSchema;
  body?: JsonSchema;
}

let t: TestApp;
let clients: Record<string, TestClient>;
let ops: Operation[];
/** Generated requests in all; FUZZ_REQUESTS raises it for a longer run. */
const TARGET = Number(process.env.FUZZ_REQUESTS ?? 10_000);
/** Case ids each caller must never see in a successful answer (another subtree's, another applicant's). */
const forbidden: Record<string, Set<string>> = {};
let caseIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  clients = {
    anonymous: t.anon(),
    applicant: await t.login('applicant@example.com'),
    handler: await t.login('wh_handler'),
    institutionAdmin: await t.login('hb_admin'),
    auditor: await t.login('auditor'),
    clerk: await t.login('wh_clerk'),
    reviewer: await t.login('wh_reviewer'),
    yichangHandler: await t.login('yc_handler'),
    supervisor: await t.login('hb_supervisor'),
    expert: await t.login('expert_wu'),
    volunteer: await t.login('volunteer_he'),
    securityAdmin: await t.login('secadmin'),
  };
  const cases = await t.deps.db.selectFrom('cases').select(['id', 'institution_path', 'transfer_to_path', 'applicant_user_id']).execute();
  caseIds = cases.map((c) => c.id);
  const me = async (c: TestClient) => (await c.get('/api/auth/me')).body.data as { id: string; grants?: { institutionPath: string }[] };
  const yc = (await me(clients.yichangHandler)).grants?.[0]?.institutionPath;
  const inSubtree = (p: string | null, root: string) => !!p && (p === root || p.startsWith(`${root}.`));
  if (yc) forbidden.yichangHandler = new Set(cases.filter((c) => !inSubtree(c.institution_path, yc) && !inSubtree(c.transfer_to_path, yc)).map((c) => c.id));
  const applicant = (await me(clients.applicant)).id;
  forbidden.applicant = new Set(cases.filter((c) => c.applicant_user_id !== applicant).map((c) => c.id));
  const doc = t.app.swagger() as { paths: Record<string, Record<string, any>> };
  ops = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params: JsonSchema = { type: 'object', properties: {} };
      const query: JsonSchema = { type: 'object', properties: {} };
      for (const p of op.parameters ?? []) {
        const target = p.in === 'path' ? params : p.in === 'query' ? query : null;
        if (target) target.properties![p.name] = p.schema;
      }
      const body = op.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined;
      ops.push({ method: method.toUpperCase(), path, params, query, body });
    }
  }
}, 120_000);
afterAll(() => t.close());

function fill(path: string, params: Record<string, unknown>): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params[k] ?? 'x')));
}

function qs(q: Record<string, unknown>): string {
  const parts = Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

describe('property: random requests from the OpenAPI schemas never get a 5xx', () => {
  it('covers every operation', () => {
    expect(ops.length).toBeGreaterThan(10);
  });

  it('knows whose records each caller must not see', () => {
    expect(forbidden.yichangHandler?.size).toBeGreaterThan(0);
    expect(forbidden.applicant?.size).toBeGreaterThan(0);
  });

  it(`answers ${TARGET} generated requests, as every kind of caller, with no 5xx and no other subtree's or applicant's case`, async () => {
    let sent = 0;
    const failures: string[] = [];
    const leaks: string[] = [];
    const who = Object.keys(clients);
    const fuzzed = ops.filter((o) => o.path !== '/api/auth/logout');
    const runs = Math.max(4, Math.ceil(TARGET / fuzzed.length));
    const started = Date.now();
    // Logout is left out: it would end the shared sessions.
    for (const op of fuzzed) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...who),
          // Real case ids in a third of the path parameters, so the handlers get past "not found".
          op.path.includes('{id}') ? fc.oneof(arbitraryFor(op.params), fc.constantFrom(...caseIds).map((id) => ({ id }))) : arbitraryFor(op.params),
          arbitraryFor(op.query),
          arbitraryFor(op.body),
          async (w, params, query, body) => {
            const url = fill(op.path, (params as Record<string, unknown>) ?? {}) + (query && typeof query === 'object' ? qs(query as Record<string, unknown>) : '');
            const payload = op.method === 'GET' || op.method === 'DELETE' ? undefined : body === undefined ? {} : JSON.stringify(body);
            const r = await clients[w].request(op.method, url, payload, payload !== undefined ? { 'content-type': 'application/json' } : {});
            sent++;
            if (r.status >= 500) failures.push(`${w} ${op.method} ${url} ${String(payload).slice(0, 200)} → ${r.status} ${r.raw.slice(0, 200)}`);
            if (r.status < 300 && forbidden[w]) {
              for (const id of forbidden[w]) if (r.raw.includes(id)) leaks.push(`${w} ${op.method} ${url} shows case ${id}`);
            }
            return r.status < 500;
          },
        ),
        { numRuns: runs, seed: 20261122 },
      ).catch(() => {});
    }
    console.log(`fuzz: ${sent} requests over ${ops.length} operations as ${who.length} callers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TARGET);
  }, 600_000);
});
