import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import type { Message, Transport } from '../notifier.ts';
import type { ManualJobs } from './manual.ts';
import { retryOutbox } from './outbox-retry.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const minutes = (n: number) => n * 60_000;

describe('the test harness job system (no pg-boss)', () => {
  it('keeps a job enqueued in a transaction only if the transaction commits', async () => {
    const jobs = t.deps.jobs as ManualJobs;
    await t.deps.db.transaction().execute(async (tx) => {
      await jobs.enqueue('expired-cleanup', {}, { tx });
    });
    await t.deps.db
      .transaction()
      .execute(async (tx) => {
        await jobs.enqueue('storage-sweep', {}, { tx });
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(jobs.queued.map((j) => j.name)).toEqual(['expired-cleanup', 'storage-sweep']);
    expect(await t.drainJobs()).toBe(1);
    expect(jobs.queued).toEqual([]);
  });

  it('refuses an unknown job', async () => {
    await expect(t.deps.jobs.enqueue('nope', {})).rejects.toThrow('Unknown job');
    await expect(t.runJobNow('nope')).rejects.toThrow('Unknown job');
  });
});

describe('expired-cleanup', () => {
  it('removes expired sessions, old codes, finished rate-limit windows, stale failures and lapsed locks — and nothing live', async () => {
    const now = t.clock.now();
    const user = await t.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const later = (ms: number) => new Date(now.getTime() + ms);
    const session = (id: string, lastSeen: Date, expires: Date) => ({
      id_hash: id, user_id: user.id, csrf_token: 'x', created_at: ago(minutes(60)), last_seen_at: lastSeen, expires_at: expires, ip: null, user_agent: null,
    });
    await t.deps.db.insertInto('sessions').values([
      session('live', ago(minutes(1)), later(minutes(600))),
      session('idle', ago(minutes(31)), later(minutes(600))),
      session('expired', ago(minutes(1)), ago(minutes(1))),
    ]).execute();
    const code = (purpose: string, expires: Date) => ({ purpose, target_hmac: 'h', code_hash: 'c', expires_at: expires, used_at: null, created_at: ago(minutes(10)) });
    await t.deps.db.insertInto('verification_codes').values([code('live', later(minutes(5))), code('recent', ago(minutes(60))), code('old', ago(minutes(60 * 25)))]).execute();
    await t.deps.db.insertInto('rate_limits').values([
      { key: 'k', window_start: ago(minutes(10)), count: 1 },
      { key: 'k', window_start: ago(minutes(60 * 25)), count: 1 },
    ]).execute();
    await t.deps.db.insertInto('login_failures').values([{ subject: 's', at: ago(minutes(1)) }, { subject: 's', at: ago(minutes(20)) }]).execute();
    await t.deps.db.insertInto('login_locks').values([{ subject: 'a', locked_until: later(minutes(5)) }, { subject: 'b', locked_until: ago(minutes(5)) }]).execute();
    await t.deps.db.insertInto('reminders_sent').values([
      { case_id: 'c', deadline_kind: 'k', day: '2026-11-19', reminder: 'due_soon' },
      { case_id: 'c', deadline_kind: 'k', day: '2026-08-01', reminder: 'overdue' },
    ]).execute();

    const r = await t.runJobNow('expired-cleanup');
    expect(r).toMatchObject({ sessions: 2, verificationCodes: 1, rateLimitWindows: 1, loginFailures: 1, loginLocks: 1, remindersSent: 1 });
    expect((await t.deps.db.selectFrom('sessions').select('id_hash').execute()).map((s) => s.id_hash)).toEqual(['live']);
    expect((await t.deps.db.selectFrom('verification_codes').select('purpose').orderBy('purpose').execute()).map((c) => c.purpose)).toEqual(['live', 'recent']);
    expect(await t.deps.db.selectFrom('login_locks').select('subject').execute()).toEqual([{ subject: 'a' }]);
    // Idempotent: a second run (a retry, another process) finds nothing.
    expect(await t.runJobNow('expired-cleanup')).toMatchObject({ sessions: 0, verificationCodes: 0, rateLimitWindows: 0, loginFailures: 0, loginLocks: 0, remindersSent: 0 });
  });
});

describe('storage-sweep', () => {
  it('runs the evidence orphan sweep', async () => {
    const r = await t.runJobNow('storage-sweep');
    expect(r).toMatchObject({ pendingRows: expect.any(Number), orphanFiles: expect.any(Number) });
  });
});

describe('outbox-retry', () => {
  async function message(channel: 'email' | 'sms', status: 'pending' | 'failed' | 'sent', ageMs: number, to = 'someone@example.org') {
    const r = await t.deps.db
      .insertInto('outbox')
      .values({
        channel, recipient_enc: t.deps.secrets.encrypt(to), recipient_masked: 'som***', subject: 's', body: 'b', status,
        error: status === 'failed' ? 'connection refused' : null, sent_at: null, created_at: new Date(t.clock.now().getTime() - ageMs),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }
  const row = (id: string) => t.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('retries failed and stuck-pending messages older than a minute, with back-off, at most N times', async () => {
    await t.deps.db.deleteFrom('outbox').execute();
    const failed = await message('email', 'failed', minutes(5));
    const stuck = await message('email', 'pending', minutes(2));
    const fresh = await message('email', 'failed', 10_000);
    const done = await message('email', 'sent', minutes(5));
    const sms = await message('sms', 'failed', minutes(5), '13912345678');

    const delivered: Message[] = [];
    let down = true;
    const smtp: Transport = {
      deliver: async (m) => {
        if (down) throw new Error('421 service not available');
        delivered.push(m);
      },
    };
    const transport = (c: Message['channel']) => (c === 'email' ? smtp : undefined);

    // Attempt 1 fails for both e-mails; the SMS has no gateway and is kept, as the notifier does.
    expect(await retryOutbox(t.deps, transport, 3)).toEqual({ retried: 3, sent: 0, failed: 2, kept: 1 });
    expect(await row(failed)).toMatchObject({ status: 'failed', attempts: 1, error: '421 service not available' });
    expect((await row(fresh)).attempts).toBe(0);
    expect((await row(done)).attempts).toBe(0);
    expect((await row(sms)).status).toBe('kept');
    // Back-off: nothing is due again before a minute has passed, then the next one after two more.
    expect((await retryOutbox(t.deps, transport, 3)).retried).toBe(0);
    t.clock.advance(minutes(1));
    expect(await retryOutbox(t.deps, transport, 3)).toMatchObject({ retried: 3, failed: 3 }); // failed, stuck, and fresh (now old enough)
    t.clock.advance(minutes(1));
    // Only 'fresh' is due (its first retry was a minute ago); the others wait two minutes after their second.
    expect(await retryOutbox(t.deps, transport, 3)).toMatchObject({ retried: 1, failed: 1 });
    t.clock.advance(minutes(1));
    down = false;
    expect(await retryOutbox(t.deps, transport, 3)).toMatchObject({ retried: 2, sent: 2 });
    expect(await row(failed)).toMatchObject({ status: 'sent', attempts: 3, error: null });
    expect(delivered[0]).toMatchObject({ channel: 'email', to: 'someone@example.org' });
    expect((await row(stuck)).status).toBe('sent');
  });

  it('gives up after the last try, leaving the message failed', async () => {
    await t.deps.db.deleteFrom('outbox').execute();
    const id = await message('email', 'failed', minutes(5));
    const broken: Transport = { deliver: async () => { throw new Error('550 mailbox unavailable'); } };
    for (let i = 0; i < 6; i++) {
      await retryOutbox(t.deps, () => broken, 2);
      t.clock.advance(minutes(60));
    }
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('never gives one message to two processes at once', async () => {
    await t.deps.db.deleteFrom('outbox').execute();
    for (let i = 0; i < 20; i++) await message('email', 'failed', minutes(5));
    let calls = 0;
    const slow: Transport = { deliver: async () => { calls++; await new Promise((r) => setTimeout(r, 5)); } };
    const [a, b] = await Promise.all([retryOutbox(t.deps, () => slow), retryOutbox(t.deps, () => slow)]);
    expect(a.sent + b.sent).toBe(20);
    expect(calls).toBe(20);
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox WHERE status = 'sent' AND attempts = 1`.execute(t.deps.db);
    expect(r.rows[0]!.n).toBe(20);
  });

  it('runs as the scheduled job (no SMTP configured: kept)', async () => {
    await t.deps.db.deleteFrom('outbox').execute();
    const id = await message('email', 'pending', minutes(5));
    expect(await t.runJobNow('outbox-retry')).toMatchObject({ retried: 1, kept: 1 });
    expect((await row(id)).status).toBe('kept');
  });
});
