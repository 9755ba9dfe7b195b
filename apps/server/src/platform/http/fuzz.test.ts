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

beforeAll(async () => {
  t = await createTestApp();
  clients = {
    anonymous: t.anon(),
    applicant: await t.login('applicant@example.com'),
    handler: await t.login('wh_handler'),
    institutionAdmin: await t.login('hb_admin'),
    auditor: await t.login('auditor'),
  };
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

  it('answers at least 1,000 generated requests, as every kind of caller, with no 5xx', async () => {
    let sent = 0;
    const failures: string[] = [];
    const who = Object.keys(clients);
    const runs = Math.max(4, Math.ceil(1200 / ops.length / who.length) * who.length);
    for (const op of ops) {
      if (op.path === '/api/auth/logout') continue; // would end the shared sessions
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...who),
          arbitraryFor(op.params),
          arbitraryFor(op.query),
          arbitraryFor(op.body),
          async (w, params, query, body) => {
            const url = fill(op.path, (params as Record<string, unknown>) ?? {}) + (query && typeof query === 'object' ? qs(query as Record<string, unknown>) : '');
            const payload = op.method === 'GET' || op.method === 'DELETE' ? undefined : body === undefined ? {} : JSON.stringify(body);
            const r = await clients[w].request(op.method, url, payload, payload !== undefined ? { 'content-type': 'application/json' } : {});
            sent++;
            if (r.status >= 500) failures.push(`${w} ${op.method} ${url} ${String(payload).slice(0, 200)} → ${r.status} ${r.raw.slice(0, 200)}`);
            return r.status < 500;
          },
        ),
        { numRuns: runs, seed: 20261122 },
      ).catch(() => {});
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
  }, 300_000);
});
