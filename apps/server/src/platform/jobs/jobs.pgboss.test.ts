import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { defineJob, type Jobs } from './define.ts';
import { createPgBossJobs, PGBOSS_SCHEMA, type AnyJob } from './pgboss.ts';

/**
 * pg-boss itself, on a real test database: transactional enqueue, retries, a clean stop, and two
 * "processes" (two pg-boss instances on their own pools) sharing one schedule.
 */
let t: TestApp;
const seen: { job: string; data: unknown }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await sleep(100);
  }
  throw new Error('timed out');
}

let failuresLeft = 1;
const defs = [
  defineJob<{ n: number }>('test-record', async (data) => void seen.push({ job: 'test-record', data })),
  defineJob<{ n: number }>('test-flaky', async (data) => {
    if (failuresLeft-- > 0) throw new Error('transient failure for 13912345678 / someone@example.org');
    seen.push({ job: 'test-flaky', data });
  }, { retry: { limit: 2, delaySeconds: 1, backoff: false } }),
] as unknown as AnyJob[];

let jobs: Jobs & { boss: import('pg-boss').PgBoss };
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  jobs = createPgBossJobs(t.deps.pool, () => t.deps, defs, { pollingIntervalSeconds: 0.5, log: (m) => logged.push(m) });
  await jobs.start();
}, 60_000);
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

describe('pg-boss jobs', () => {
  it('installs pg-boss in its own schema of the application database', async () => {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = ${PGBOSS_SCHEMA}`.execute(t.deps.db);
    expect(r.rows[0]!.n).toBeGreaterThan(0);
    expect((await jobs.boss.getQueues()).map((q) => q.name).filter((n) => !n.startsWith('__')).sort()).toEqual(['test-flaky', 'test-record']);
  });

  it('enqueues in a transaction: the job exists if and only if the transaction commits', async () => {
    await t.deps.db.transaction().execute(async (tx) => {
      await jobs.enqueue('test-record', { n: 1 }, { tx });
    });
    await expect(
      t.deps.db.transaction().execute(async (tx) => {
        await jobs.enqueue('test-record', { n: 2 }, { tx });
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    await until(() => seen.some((s) => (s.data as { n: number }).n === 1));
    await sleep(1500);
    const stored = await jobs.boss.findJobs<{ n: number }>('test-record');
    expect(stored.map((j) => j.data.n)).toEqual([1]);
    expect(seen.filter((s) => s.job === 'test-record').map((s) => (s.data as { n: number }).n)).toEqual([1]);
  });

  it('retries a failing job, and keeps personal data out of the log line', async () => {
    await jobs.enqueue('test-flaky', { n: 3 });
    await until(() => seen.some((s) => s.job === 'test-flaky'), 30_000);
    const line = logged.find((l) => l.includes('test-flaky'));
    expect(line).toBeDefined();
    expect(line).not.toContain('13912345678');
    expect(line).not.toContain('someone@example.org');
  }, 40_000);

  it('refuses an unknown job name', async () => {
    await expect(jobs.enqueue('no-such-job', {})).rejects.toThrow('Unknown job');
  });

  it('runs a handler synchronously with runNow', async () => {
    await jobs.runNow('test-record', { n: 9 });
    expect(seen.at(-1)).toEqual({ job: 'test-record', data: { n: 9 } });
  });
});

describe('two server processes, one schedule', () => {
  it('runs each occurrence once', async () => {
    // Keep clear of a minute boundary, so the whole test sees one occurrence of "every minute".
    const s = new Date().getUTCSeconds();
    if (s > 35) await sleep((61 - s) * 1000);
    const url = new URL(t.deps.config.databaseUrl ?? (t.deps.pool.options.connectionString as string));
    const runs: string[] = [];
    const instances = [0, 1].map((i) => {
      const { db, pool } = createDb(url.toString(), 5);
      const tick = defineJob('test-tick', async () => void runs.push(`instance ${i}`), { schedule: '* * * * *', timezone: 'UTC' });
      return { db, jobs: createPgBossJobs(pool, () => ({ ...t.deps, db, pool }), [tick] as unknown as AnyJob[], { pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1, log: () => {} }) };
    });
    try {
      await Promise.all(instances.map((x) => x.jobs.start()));
      await until(() => runs.length > 0, 70_000);
      // Several more cron passes by both instances.
      await sleep(6000);
      expect(runs).toHaveLength(1);
      const schedules = await instances[0]!.jobs.boss.getSchedules('test-tick');
      expect(schedules).toHaveLength(1);
    } finally {
      for (const x of instances) {
        await x.jobs.stop();
        await x.db.destroy();
      }
    }
  }, 120_000);
});
