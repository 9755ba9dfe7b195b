import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../platform/bootstrap.ts';
import { TestClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createDb } from '../platform/db.ts';
import { startEmbedded } from '../platform/embedded-pg.ts';
import { migrate } from '../platform/migrate.ts';
import { loadRegions } from '../modules/regions/regions.load.ts';
import { loadDemo } from '../demo/load.ts';
import { createSecrets } from '../platform/secrets.ts';
import { createManualJobs } from '../platform/jobs/manual.ts';
import { allJobs } from '../platform/jobs/catalog.ts';
import type { Deps } from '../platform/deps.ts';
import { TEST_DATA_KEY, TEMPLATE_DB } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One embedded PostgreSQL for the whole run (DATABASE_URL is used instead when set), and a template
 * database holding the schema, the regions and the demo network; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const dir = path.resolve('.tmp', `pg-${project.name}-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const server = await startEmbedded(dir);
    adminUrl = server.url('postgres');
    stop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const { db, pool } = createDb(url.toString(), 2);
  await migrate(pool);
  await loadRegions(db);
  const config = { ...loadConfig({}), dataDir: path.resolve('.tmp', 'test-data') };
  const secrets = createSecrets(Buffer.from(TEST_DATA_KEY, 'base64'));
  const noop = { send: async () => {} };
  const deps: Deps = { config, db, pool, secrets, notifier: noop, clock: new TestClock(), jobs: createManualJobs(() => deps, allJobs) };
  await loadDemo(deps);
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE_DB);
  return stop;
}
