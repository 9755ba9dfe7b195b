import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureServerBuilt, serverBundle } from '../../../../scripts/server-build.ts';
import { freePort } from './embedded-pg.ts';

/**
 * The real server as `npm start` runs it (the bundle of main.ts with plain node, ADR 0040; one process: a CLI
 * wrapper would stand between the signal and the server and SIGKILL it when it is busy — exit 143), in a child
 * process, on its own data directory.
 */
const node = path.resolve('node_modules/.bin/node');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-life-'));
const children: ChildProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; out: () => string }> {
  const port = await freePort();
  const child = spawn(node, [serverBundle], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YUANZHI_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const t0 = Date.now();
  while (!out.includes('ready in')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() - t0 > 60_000) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, out: () => out };
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));
const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/api/health`)).json();

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // A postgres left behind by the kill -9 case is stopped by the last clean start; remove the files.
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(() => ensureServerBuilt());

describe('npm start lifecycle', () => {
  it('starts on embedded PostgreSQL with demo data, prints the logins, and stops cleanly on SIGTERM', async () => {
    const s = await start();
    expect(await health(s.port)).toEqual({ ok: true, db: true });
    expect(s.out()).toContain('admin');
    expect(s.out()).toContain('Demo sign-ins');
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);

  it('keeps the data across restarts and recovers after a kill -9', async () => {
    const s1 = await start();
    const login = await fetch(`http://127.0.0.1:${s1.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wh_clerk', password: 'Hubei#Assist2026' }),
    });
    expect(login.status).toBe(200);
    s1.child.kill('SIGKILL');
    await exited(s1.child);
    // postgres is still running, orphaned; the next start must shut it down and start cleanly
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    const s2 = await start();
    expect(await health(s2.port)).toEqual({ ok: true, db: true });
    // The session written before the crash is still there: committed writes survived.
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await (await fetch(`http://127.0.0.1:${s2.port}/api/auth/me`, { headers: { cookie } })).json();
    expect(me.data.username).toBe('wh_clerk');
    expect(s2.out()).not.toContain('Building');
    s2.child.kill('SIGTERM');
    expect(await exited(s2.child)).toBe(0);
  }, 120_000);

  it('uses an external server given by DATABASE_URL, with no other change', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query('CREATE DATABASE yz_external');
    await admin.end();
    const u = new URL(inject('pgAdminUrl'));
    u.pathname = '/yz_external';
    const externalDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-ext-'));
    const s = await start({ DATABASE_URL: u.toString(), YUANZHI_DATA_DIR: externalDir });
    expect(await health(s.port)).toEqual({ ok: true, db: true });
    expect(fs.existsSync(path.join(externalDir, 'pg'))).toBe(false);
    const c = new pg.Client({ connectionString: u.toString() });
    await c.connect();
    const n = await c.query('SELECT count(*)::int AS n FROM institutions');
    // The job system started in the same database, with its schedules.
    const schedules = await c.query('SELECT name FROM pgboss.schedule ORDER BY name');
    await c.end();
    expect(n.rows[0].n).toBeGreaterThanOrEqual(20);
    expect(schedules.rows.map((r) => r.name)).toEqual(['deadline-reminders', 'deadlines-recompute', 'expired-cleanup', 'outbox-retry', 'privacy-retention', 'referral-chase', 'return-reminders', 'scheduled-backup', 'stats-cube-refresh', 'storage-sweep', 'training-reminders']);
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    fs.rmSync(externalDir, { recursive: true, force: true });
  }, 90_000);

  it('stops cleanly on SIGTERM while a document renders, and renders it after the restart', async () => {
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS yz_render_stop');
    await admin.query('CREATE DATABASE yz_render_stop');
    await admin.end();
    const u = new URL(inject('pgAdminUrl'));
    u.pathname = '/yz_render_stop';
    const env = { DATABASE_URL: u.toString(), YUANZHI_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'yz-render-')) };
    const c = new pg.Client({ connectionString: u.toString() });
    const s = await start(env);
    await c.connect();
    const active = async () =>
      (await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'case-document-render' AND state = 'active'`)).rows[0].n as number;
    const t0 = Date.now();
    while ((await active()) === 0) {
      if (Date.now() - t0 > 30_000) throw new Error(`no render started: ${s.out()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    s.child.kill('SIGTERM');
    const code = await exited(s.child);
    expect(code, s.out().slice(-3000)).toBe(0);
    // Nothing lost: every document is issued or still has its render job waiting.
    const docs = async () => (await c.query(`SELECT status, count(*)::int AS n FROM case_documents GROUP BY status`)).rows as { status: string; n: number }[];
    const waiting = (await c.query(
      `SELECT count(*)::int AS n FROM case_documents d WHERE d.status = 'draft' AND NOT EXISTS (SELECT 1 FROM pgboss.job j
         WHERE j.name = 'case-document-render' AND j.data->>'documentId' = d.id::text AND j.state IN ('created', 'retry', 'active'))`,
    )).rows[0].n;
    expect(waiting).toBe(0);
    const s2 = await start(env);
    const t1 = Date.now();
    while ((await docs()).some((r) => r.status === 'draft')) {
      if (Date.now() - t1 > 60_000) throw new Error(`documents still drafts: ${JSON.stringify(await docs())}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await docs()).map((r) => r.status)).toEqual(['issued']);
    await c.end();
    s2.child.kill('SIGTERM');
    expect(await exited(s2.child)).toBe(0);
  }, 150_000);
});
