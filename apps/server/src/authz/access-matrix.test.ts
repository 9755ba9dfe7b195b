import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { buildWorld, relations, type MatrixWorld } from './access-matrix.fixtures.ts';
import { routeCalls } from './access-matrix.routes.ts';
import { rolePermissions, roles, type Permission, type Role } from './roles.ts';

/**
 * Role × (own institution, descendant, ancestor, sibling) × every declared route.
 * - not signed in: 401 on every non-public route;
 * - a role without the route's permission: 403;
 * - with it: records of an ancestor or a sibling answer 404; own and descendant do not (reads, and
 *   writes that do not change shared state);
 * - never a 5xx.
 */
let t: TestApp;
let w: MatrixWorld;
const callers = {} as Record<Role, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.deps.db);
  for (const role of roles) callers[role] = await t.login(w.callers[role]);
}, 300_000);
afterAll(() => t.close());

describe('access matrix', () => {
  it('knows how to call every declared route', () => {
    const missing = t.app.declaredRoutes.map((r) => `${r.method} ${r.url}`).filter((k) => !routeCalls[k]);
    expect(missing, 'add these routes to access-matrix.routes.ts').toEqual([]);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const anon = t.anon();
    for (const r of t.app.declaredRoutes) {
      const call = routeCalls[`${r.method} ${r.url}`];
      if (!call || r.access === 'public') continue;
      const res = await anon.request(r.method, call.url(w, 'own'), call.body?.(w, 'own'));
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of roles) {
    it(`holds for the role ${role}`, async () => {
      const c = callers[role];
      const problems: string[] = [];
      for (const r of t.app.declaredRoutes) {
        const key = `${r.method} ${r.url}`;
        const call = routeCalls[key];
        if (!call || r.access === 'public' || r.url.startsWith('/api/auth/')) continue;
        const needed: readonly Permission[] = Array.isArray(r.access) ? r.access : [r.access as Permission];
        const has =
          r.access === 'authenticated' ||
          (r.access === 'staff' && role !== undefined) ||
          needed.some((p) => rolePermissions[role].includes(p));
        for (const rel of call.relational ? relations : (['own'] as const)) {
          const inScope = rel === 'own' || rel === 'descendant';
          if (has && inScope && (call.mutates || (r.method !== 'GET' && !call.relational))) continue;
          if (has && call.accessOnly) continue;
          const res = await c.request(r.method, call.url(w, rel), call.body?.(w, rel));
          const got = res.status;
          const tag = `${role} ${key} [${rel}] → ${got} ${got >= 400 ? res.raw.slice(0, 160) : ''}`;
          if (got >= 500) problems.push(`5xx: ${tag}`);
          else if (!has && got !== 403) problems.push(`expected 403: ${tag}`);
          else if (has && call.relational && !inScope && got !== 404) problems.push(`expected 404: ${tag}`);
          else if (has && inScope && [401, 403, 404].includes(got)) problems.push(`expected access: ${tag}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
