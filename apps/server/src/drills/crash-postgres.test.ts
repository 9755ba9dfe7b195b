import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../../../scripts/server-build.ts';
import { ensureDatabase } from '../platform/bootstrap.ts';
import { createDb } from '../platform/db.ts';
import { freePort, startEmbedded, type EmbeddedServer } from '../platform/embedded-pg.ts';
import { fillTestDatabase } from '../testing/template.ts';
import { drive, HttpSession, newSubmission, sleep, startServerProcess, storedFiles, waitHealthy, type ServerProcess, type Submission } from './crash.support.ts';

/**
 * Drill 1b: the embedded PostgreSQL itself is killed (SIGKILL of the postmaster) while 200 applicants submit.
 * It runs on a cluster of its own, not the suite's. PostgreSQL restarts on the same data directory and port,
 * recovering from its write-ahead log with no manual step; the server keeps running and reconnects; applicants
 * retry with the same keys.
 */
const N = 200;
const dir = path.resolve('.tmp', `crash-pg-${process.pid}-${Date.now()}`);
const dataDir = path.join(dir, 'data');
let pg: EmbeddedServer | undefined;
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await Promise.race([pg?.stop().catch(() => {}), sleep(10_000)]);
  fs.rmSync(dir, { recursive: true, force: true });
});

function postmasterPid(): number {
  return Number(fs.readFileSync(path.join(dir, 'pg', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function restartPostgres(port: number): Promise<EmbeddedServer> {
  // Backends notice their postmaster is gone and exit; until they do, a new postmaster refuses to start.
  for (let i = 0; ; i++) {
    try {
      return await startEmbedded(path.join(dir, 'pg'), { port, ifInUse: 'stop' });
    } catch (e) {
      if (i >= 40) throw e;
      await sleep(250);
    }
  }
}

beforeAll(() => ensureServerBuilt());

describe('drill 1b: PostgreSQL is killed (SIGKILL) during 200 concurrent submissions', () => {
  it('recovers by itself; the server answers 503 meanwhile and reconnects; every key makes one case', async () => {
    const pgPort = await freePort();
    pg = await startEmbedded(path.join(dir, 'pg'), { port: pgPort });
    await ensureDatabase(pg.url('postgres'), 'yz');
    const databaseUrl = pg.url('yz');
    await fillTestDatabase(databaseUrl);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServerProcess({ databaseUrl, dataDir, port });
    await waitHealthy(base);
    const sessions = await Promise.all(Array.from({ length: 8 }, () => HttpSession.signIn(base)));
    const subs: Submission[] = Array.from({ length: N }, (_, i) => newSubmission(i));
    let crashed = false;
    let failed: unknown;
    const work = Promise.all(subs.map((s, i) => drive(sessions[i % sessions.length]!, s, () => crashed, Date.now() + 180_000, i * 10))).catch((e: unknown) => {
      failed = e;
    });

    const killAfter = Math.floor(N * (0.1 + Math.random() * 0.5));
    while (subs.filter((s) => s.receipt).length < killAfter && !failed) await sleep(5);
    process.kill(postmasterPid(), 'SIGKILL');
    crashed = true;
    const acked = subs.filter((s) => s.receipt).length;
    // While the database is down the server stays up and says so.
    await sleep(300);
    const during = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}) when PostgreSQL died:\n${server.output()}`);
    expect(during).toBe(503);
    const t0 = Date.now();
    pg = await restartPostgres(pgPort);
    const pgBackMs = Date.now() - t0;
    await waitHealthy(base);
    await work;
    if (failed) throw failed;
    expect(server.child.exitCode).toBeNull(); // never needed a restart

    const { db } = createDb(databaseUrl, 2);
    try {
      const keys = await db.selectFrom('idempotency_keys').select('key').where('key', 'like', 'crash-drill-%').execute();
      expect(keys).toHaveLength(N);
      const ids = subs.map((s) => s.receipt!.caseId);
      expect(new Set(ids).size).toBe(N);
      const cases = await db.selectFrom('cases').select(['id', 'state']).where('id', 'in', ids).execute();
      expect(cases.filter((c) => c.state !== 'draft')).toHaveLength(N);
      const files = await db.selectFrom('case_attachments').innerJoin('attachments', 'attachments.id', 'case_attachments.attachment_id')
        .select(['case_attachments.case_id', 'attachments.sha256', 'attachments.storage_key']).where('case_attachments.case_id', 'in', ids).execute();
      const onDisk = storedFiles(dataDir);
      for (const s of subs) {
        const mine = files.filter((f) => f.case_id === s.receipt!.caseId);
        expect(mine).toHaveLength(1); // an upload sent again after a lost answer is not added twice
        expect(mine.every((f) => f.sha256 === s.sha256 && onDisk.has(f.storage_key))).toBe(true);
      }
      console.log(`[drill 1b] ${N} submissions; postgres killed after ${acked} acknowledged; health during the outage ${during}; ` +
        `postgres back in ${pgBackMs} ms (WAL recovery, no manual step); ${subs.filter((s) => s.retries > 0).length} retried; ${N} keys → ${N} cases`);
    } finally {
      await db.destroy();
    }
  }, 300_000);
});
