import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { notifyFromTemplate } from './notifications.service.ts';

/** The real path, with pg-boss started (the harness opt-in): enqueue in the transaction, a worker delivers after commit. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { jobs: true });
}, 60_000);
afterAll(() => t.close());

async function until(cond: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('notification delivery through pg-boss', () => {
  it('delivers after commit, and never for a transaction that rolled back', async () => {
    const handler = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow();
    const reviewer = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_reviewer').executeTakeFirstOrThrow();
    await t.deps.db
      .transaction()
      .execute(async (tx) => {
        await notifyFromTemplate(t.deps, tx, { userIds: [reviewer.id], kind: 'review_requested', data: { caseNo: 'X-0' }, email: true });
        throw new Error('rolled back');
      })
      .catch(() => {});
    await t.deps.db.transaction().execute((tx) =>
      notifyFromTemplate(t.deps, tx, { userIds: [handler.id], kind: 'case_assigned', data: { caseNo: 'P-1' }, email: true }),
    );
    await until(() => t.sent.some((m) => m.to === 'wh_handler@example.org'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.sent.map((m) => m.to)).toEqual(['wh_handler@example.org']);
    expect(await t.drainJobs().catch((e: Error) => e.message)).toMatch(/runs pg-boss/);
  }, 30_000);
});
