import pg from 'pg';
import { loadRegions } from '../modules/regions/regions.load.ts';
import { ensureRootInstitution } from '../modules/institutions/institutions.repository.ts';
import { closeSharedBrowser } from './browser.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createDb } from './db.ts';
import type { Deps } from './deps.ts';
import { startEmbedded, type EmbeddedServer, type StartOptions } from './embedded-pg.ts';
import { allJobs } from './jobs/catalog.ts';
import { createPgBossJobs } from './jobs/pgboss.ts';
import { migrate } from './migrate.ts';
import { createNotifier } from './notifier.ts';
import { createSecrets, loadMasterKey } from './secrets.ts';
import { maskEmail, maskPhone } from '@yuanzhi/domain';
import { smtpTransport } from './smtp.ts';

export const EMBEDDED_DB = 'yuanzhi';

/** Create the database on the embedded server if missing. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
  } finally {
    await c.end();
  }
}

export interface Platform {
  deps: Deps;
  embedded: EmbeddedServer | null;
  /** Migrations applied by this start-up. */
  migrations: string[];
  close(): Promise<void>;
}

/** Database up, schema migrated, reference data loaded: everything the server and the CLI need. */
export async function openPlatform(config: Config, clock: Clock = systemClock, opts: StartOptions = {}): Promise<Platform> {
  let url = config.databaseUrl;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    embedded = await startEmbedded(config.dataDir, opts);
    await ensureDatabase(embedded.url('postgres'), EMBEDDED_DB);
    url = embedded.url(EMBEDDED_DB);
  }
  const { db, pool } = createDb(url, 20);
  let migrations: string[];
  try {
    migrations = await migrate(pool);
    await loadRegions(db);
    await ensureRootInstitution(db);
  } catch (e) {
    await pool.end();
    await embedded?.stop();
    throw e;
  }
  const secrets = createSecrets(loadMasterKey(config.dataDir));
  const notifier = createNotifier(
    db,
    secrets,
    (m) => (m.channel === 'sms' ? maskPhone(m.to) : maskEmail(m.to)),
    config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : undefined,
  );
  // The job system is created here and started by main.ts (the CLI only enqueues, which opens it lazily).
  const deps: Deps = { config, db, pool, secrets, notifier, clock, jobs: createPgBossJobs(pool, () => deps, allJobs) };
  return {
    deps,
    embedded,
    migrations,
    async close() {
      await deps.jobs.stop().catch(() => {});
      await closeSharedBrowser(); // the document renderer's Chromium, if it was started
      await db.destroy();
      await embedded?.stop();
    },
  };
}
