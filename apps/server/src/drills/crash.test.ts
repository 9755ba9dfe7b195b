import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureServerBuilt } from '../../../../scripts/server-build.ts';
import { createDb } from '../platform/db.ts';
import { freePort } from '../platform/embedded-pg.ts';
import { loadConfig } from '../platform/config.ts';
import { sweepOrphans } from '../platform/storage/index.ts';
import { tmpDir } from '../platform/storage/layout.ts';
import { drive, HttpSession, newSubmission, sleep, startServerProcess, storedFiles, waitHealthy, type ServerProcess, type Submission } from './crash.support.ts';

/**
 * Drill 1a: 200 applicants submit at once (draft, one evidence file, submit with an Idempotency-Key) against the
 * real server process; the server is killed with SIGKILL at a random moment and started again on the same
 * database and data folder; the applicants retry what got no answer. Afterwards: every acknowledged submission
 * exists with its file and hash, every key made exactly one case, and after the clean-up no file lacks its row.
 */
const N = 200;
const databaseName = `crash_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
const dataDir = path.resolve('.tmp', `crash-${process.pid}-${Date.now()}`);
let databaseUrl: string;
let server: ServerProcess | undefined;

beforeAll(() => ensureServerBuilt());
beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${inject('pgTemplate')}"`);
  await admin.end();
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${databaseName}`;
  databaseUrl = u.toString();
}, 60_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('drill 1a: the server is killed (SIGKILL) during 200 concurrent submissions', () => {
  it('keeps every acknowledged submission, makes one case per key and leaves no orphaned file', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServerProcess({ databaseUrl, dataDir, port });
    await waitHealthy(base);
    // Applicants share a handful of sessions, as many tabs of a few browsers would.
    const sessions = await Promise.all(Array.from({ length: 8 }, () => HttpSession.signIn(base)));
    const subs: Submission[] = Array.from({ length: N }, (_, i) => newSubmission(i));
    let crashed = false;
    const deadline = Date.now() + 150_000;
    let failed: unknown;
    const work = Promise.all(subs.map((s, i) => drive(sessions[i % sessions.length]!, s, () => crashed, deadline, i * 10))).catch((e: unknown) => {
      failed = e;
    });

    // Kill once a random share (10–60 %) of the submissions has been acknowledged: work is in flight at every step.
    const killAfter = Math.floor(N * (0.1 + Math.random() * 0.5));
    while (subs.filter((s) => s.receipt).length < killAfter && !failed) await sleep(5);
    const first = server;
    first.child.kill('SIGKILL');
    crashed = true;
    await first.exited;
    const acked = subs.filter((s) => s.receipt).length;
    const inFlight = subs.filter((s) => s.draftId && !s.receipt).length;
    const restartMs = Date.now();
    server = startServerProcess({ databaseUrl, dataDir, port });
    await waitHealthy(base);
    const downMs = Date.now() - restartMs;
    await work;
    if (failed) throw failed;

    const { db } = createDb(databaseUrl, 2);
    try {
      // Every key made exactly one case, and the 200 receipts name 200 different cases.
      const keys = await db.selectFrom('idempotency_keys').select(['key', 'status_code']).where('key', 'like', 'crash-drill-%').execute();
      expect(keys).toHaveLength(N);
      expect(keys.every((k) => k.status_code === 201)).toBe(true);
      expect(new Set(subs.map((s) => s.receipt!.caseId)).size).toBe(N);
      const cases = await db.selectFrom('cases').select(['id', 'case_number', 'state']).where('id', 'in', subs.map((s) => s.receipt!.caseId)).execute();
      expect(cases).toHaveLength(N);
      expect(cases.every((c) => c.state !== 'draft' && c.case_number)).toBe(true);

      // Every case holds the applicant's file: same hash in the receipt, in the row, and of the bytes on disk.
      const files = await db.selectFrom('case_attachments').innerJoin('attachments', 'attachments.id', 'case_attachments.attachment_id')
        .select(['case_attachments.case_id', 'attachments.sha256', 'attachments.storage_key'])
        .where('case_attachments.case_id', 'in', subs.map((s) => s.receipt!.caseId)).where('case_attachments.purpose', '=', 'evidence').execute();
      const onDisk = storedFiles(dataDir);
      for (const s of subs) {
        const mine = files.filter((f) => f.case_id === s.receipt!.caseId);
        expect(mine).toHaveLength(1); // an upload sent again after a lost answer is not added twice
        for (const f of mine) {
          expect(f.sha256).toBe(s.sha256);
          const bytes = fs.readFileSync(onDisk.get(f.storage_key)!);
          expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(s.sha256);
        }
        expect(s.receipt!.evidence.map((e) => e.sha256)).toContain(s.sha256);
      }

      // The clean-up job: afterwards every file has its live row and no temporary file remains.
      const swept = await sweepOrphans({ db, config: { ...loadConfig({}), dataDir } } as never, 0);
      const live = new Set((await db.selectFrom('attachments').select('storage_key').where('status', '!=', 'deleted').execute()).map((r) => r.storage_key));
      const left = [...storedFiles(dataDir).keys()];
      expect(left.filter((k) => !live.has(k))).toEqual([]);
      expect(fs.existsSync(tmpDir(dataDir)) ? fs.readdirSync(tmpDir(dataDir)) : []).toEqual([]);
      const retried = subs.filter((s) => s.retries > 0).length;
      console.log(`[drill 1a] ${N} submissions; killed after ${acked} acknowledged, ${inFlight} in flight; back in ${downMs} ms; ` +
        `${retried} retried; ${N} keys → ${N} cases; swept: ${JSON.stringify(swept)}; ${left.length} files, 0 orphans`);
    } finally {
      await db.destroy();
    }
  }, 240_000);
});
