import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; additionalProperties?: unknown; anyOf?: Schema[]; oneOf?: Schema[]; items?: Schema };

/** Every object in a request schema must refuse unknown fields (zod strictObject → additionalProperties: false). */
function openObjects(s: Schema | undefined, path: string, out: string[]): void {
  if (!s) return;
  for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) openObjects(v, path, out);
  const isObject = s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || s.properties;
  // A record (z.record) validates every key and value: its additionalProperties is a schema, walked below.
  const record = typeof s.additionalProperties === 'object' && s.additionalProperties !== null;
  if (isObject && s.additionalProperties !== false && !record) out.push(path || '(root)');
  if (record) openObjects(s.additionalProperties as Schema, `${path}{}`, out);
  for (const [k, v] of Object.entries(s.properties ?? {})) openObjects(v, `${path}.${k}`, out);
  if (s.items) openObjects(s.items, `${path}[]`, out);
}

describe('OpenAPI at /api/docs', () => {
  it('is served, and describes every declared route', async () => {
    const r = await t.anon().get('/api/docs/json');
    expect(r.status).toBe(200);
    const paths = Object.keys(r.body.paths);
    for (const d of t.app.declaredRoutes) {
      expect(paths, d.url).toContain(d.url.replace(/:(\w+)/g, '{$1}'));
    }
  });

  it('refuses unknown fields in every request body and query', async () => {
    const doc = (await t.anon().get('/api/docs/json')).body as { paths: Record<string, Record<string, any>> };
    const open: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const body = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
        openObjects(body, `${method.toUpperCase()} ${path} body`, open);
      }
    }
    expect(open).toEqual([]);
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.additionalProperties).toBe(false);
  });
});
