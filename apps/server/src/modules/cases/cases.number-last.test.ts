import { parseCaseNumber } from '@yuanzhi/domain';
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { loadGrants } from '../auth/session.ts';
import { verifyChain } from '../audit/audit.verify.ts';
import { PENDING_CASE_NUMBER } from './cases.number-last.ts';
import { registerCase } from './cases.register.ts';
import { registerBody } from './cases.schemas.ts';
import { registration, userId } from './cases.test-support.ts';

let t: TestApp;
let clerk: TestClient;
let actor: Actor;
const ctx = { actorId: null, actorName: null, institutionId: null, institutionPath: null, ip: null, requestId: 'number-last' };

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.login('wh_clerk');
  const id = await userId(t, 'wh_clerk');
  actor = { userId: id, kind: 'staff', displayName: '武汉登记员', sessionId: 'test', grants: await loadGrants(t.deps, id) };
  Object.assign(ctx, { actorId: id, actorName: actor.displayName });
});
afterAll(() => t.close());

/** Every statement the registration sends, in order (compiled SQL), through a db that records them. */
function recordingDeps() {
  const statements: string[] = [];
  const executor = t.deps.db.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery(args) {
      statements.push(executor.compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { deps: { ...t.deps, db: t.deps.db.withPlugin(recorder) }, statements };
}

const input = () => registerBody.parse(registration());

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Sessions of the test database waiting for a lock in the statement that takes a case number. */
const numberWaiters = async () =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()
    AND wait_event_type = 'Lock' AND query LIKE '%insert into "number_sequences"%'`.execute(t.deps.db)).rows[0]!.n);

const searchCount = async (caseId: string) =>
  (await t.deps.db.selectFrom('search_entries').select('ref_id').where('kind', '=', 'case').where('ref_id', '=', caseId).execute()).length;

describe('the case number is the last statement of a submission (ADR 0043)', () => {
  it('sends nothing after the statement that takes the number, which also writes the case, the notices and the audit entry', async () => {
    const { deps, statements } = recordingDeps();
    const r = await registerCase(deps, actor, input(), ctx);
    const last = statements.at(-1)!;
    expect(last).toMatch(/^with "n" as \(insert into "number_sequences"/);
    expect(last).toContain('update "cases"');
    // The audit entry is written in that statement (its chain lock follows the number's, as before), nowhere else.
    expect(statements.filter((s) => s.includes('insert into "audit_log"'))).toEqual([last]);
    // The search entry is not written in the transaction: a job does it after the commit.
    expect(statements.some((s) => s.includes('"search_entries"'))).toBe(false);

    const c = await t.deps.db.selectFrom('cases').select(['case_number', 'state']).where('id', '=', r.caseId).executeTakeFirstOrThrow();
    expect(c.state).toBe('submitted');
    expect(parseCaseNumber(c.case_number!)).toMatchObject({ prefix: 'WH' });
    // What people see is unchanged: the notices carry the number, the audit entry names it.
    const notices = await t.deps.db.selectFrom('notifications').select(['kind', 'title', 'body', 'title_en', 'body_en'])
      .where((eb) => eb.or([eb('link', 'like', `%${r.caseId}%`), eb('party_id', 'in', eb.selectFrom('case_parties').select('id').where('case_id', '=', r.caseId))]))
      .execute();
    expect(notices.map((n) => n.kind).sort()).toEqual(['case_submitted']);
    for (const n of notices) {
      expect(`${n.title}${n.body}${n.title_en}${n.body_en}`).not.toContain(PENDING_CASE_NUMBER);
      expect(`${n.title}${n.body}`).toContain(c.case_number);
      expect(`${n.title_en}${n.body_en}`).toContain(c.case_number);
    }
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', r.caseId).execute();
    expect(audit).toEqual([{ action: 'case.submit', detail: { from: 'draft', to: 'submitted', seq: 1, caseNumber: c.case_number } }]);
    expect(await verifyChain(t.deps.db)).toMatchObject({ ok: true });
    // The search entry appears once the job has run.
    expect(await searchCount(r.caseId)).toBe(0);
    await t.drainJobs();
    expect(await searchCount(r.caseId)).toBe(1);
  });

  it('lets a second submission to the institution wait only for the first one\'s last statement and commit, then numbers it next', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let first: string | null = null;
    // The first submission takes its number and then holds its transaction open.
    const firstDone = t.deps.db.transaction().execute(async (tx) => {
      const r = await registerCase(t.deps, actor, input(), ctx, undefined, { tx });
      first = (await tx.selectFrom('cases').select('case_number').where('id', '=', r.caseId).executeTakeFirstOrThrow()).case_number;
      await gate;
    });
    await waitFor('the first number', async () => first !== null);
    const second = clerk.post('/api/cases', registration());
    // The second one runs every statement up to its number, then waits on the institution's row, not before.
    await waitFor('the second submission to wait on the number', async () => (await numberWaiters()) === 1);
    release();
    await firstDone;
    const r = await second;
    expect(r.status).toBe(201);
    const a = parseCaseNumber(first!)!;
    const b = parseCaseNumber(r.body.data.caseNumber as string)!;
    expect(b.serial).toBe(a.serial + 1);
  });

  it('gives the number of a submission that rolls back to the next one (no gap)', async () => {
    const before = await clerk.post('/api/cases', registration());
    const n = parseCaseNumber(before.body.data.caseNumber as string)!;
    await expect(t.deps.db.transaction().execute(async (tx) => {
      await registerCase(t.deps, actor, input(), ctx, undefined, { tx });
      throw new Error('rolled back after the number');
    })).rejects.toThrow('rolled back after the number');
    const after = await clerk.post('/api/cases', registration());
    expect(parseCaseNumber(after.body.data.caseNumber as string)!.serial).toBe(n.serial + 1);
    // Two at once, neither held: both succeed, consecutive.
    const both = await Promise.all([clerk.post('/api/cases', registration()), clerk.post('/api/cases', registration())]);
    expect(both.map((x) => x.status)).toEqual([201, 201]);
    const serials = both.map((x) => parseCaseNumber(x.body.data.caseNumber as string)!.serial).sort((x, y) => x - y);
    expect(serials).toEqual([n.serial + 2, n.serial + 3]);
  });
});
