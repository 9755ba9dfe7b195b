import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/client.ts';

/** Drill 5: when the audit store refuses the entry, the change it records is rolled back and the caller gets 503. */
let t: TestApp;
let hb: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  hb = await t.login('hb_admin');
});
afterAll(() => t.close());

const breakAuditStore = () => sql`
  CREATE FUNCTION drill_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit store down (drill)' USING ERRCODE = 'disk_full'; END $$;
  CREATE TRIGGER drill_audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION drill_audit_down();
`.execute(t.deps.db);
const repairAuditStore = () => sql`DROP TRIGGER drill_audit_down ON audit_log; DROP FUNCTION drill_audit_down();`.execute(t.deps.db);

async function count(table: 'institutions' | 'audit_log', name?: string): Promise<number> {
  let q = t.deps.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n'));
  if (name) q = q.where('name' as never, '=', name as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('audit store failure', () => {
  it('refuses the write with 503, keeps no trace of it, and works again once the store is back', async () => {
    const parentId = (await t.deps.db.selectFrom('institutions').select('id').where('name', 'like', '武汉%').orderBy('path').executeTakeFirstOrThrow()).id;
    const body = { parentId, name: '审计演练工作站', type: 'workstation', level: 'county', host: 'university', regionCode: '420111', ipTypes: ['patent'], services: [] };
    const auditBefore = await count('audit_log');

    await breakAuditStore();
    const r = await hb.post('/api/institutions', body);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('audit_unavailable');
    expect(r.body.error.message).toContain('审计');
    expect(await count('institutions', body.name)).toBe(0);
    expect(await count('audit_log')).toBe(auditBefore);

    await repairAuditStore();
    const ok = await hb.post('/api/institutions', body);
    expect(ok.status).toBe(201);
    expect(await count('institutions', body.name)).toBe(1);
    expect(await count('audit_log')).toBe(auditBefore + 1);
  });
});
