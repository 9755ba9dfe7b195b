import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from './embedded-pg.ts';

/** The real `main.ts` as `npm start` runs it, in a child process, on its own data directory. */
const tsx = path.resolve('node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-life-'));
const children: ChildProcess[] = [];

async function start(env: Record<string, string> = {}): Promise<{ child: ChildProcess; port: number; out: () => string }> {
  const port = await freePort();
  const child = spawn(tsx, ['apps/server/src/main.ts'], {
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
    expect(schedules.rows.map((r) => r.name)).toEqual(['deadline-reminders', 'deadlines-recompute', 'expired-cleanup', 'outbox-retry', 'referral-chase', 'return-reminders', 'storage-sweep']);
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
    fs.rmSync(externalDir, { recursive: true, force: true });
  }, 90_000);
});
