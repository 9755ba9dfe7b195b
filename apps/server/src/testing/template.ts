import path from 'node:path';
import { TestClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createDb } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { loadRegions } from '../modules/regions/regions.load.ts';
import { loadDemo } from '../demo/load.ts';
import { createSecrets } from '../platform/secrets.ts';
import { allJobs } from '../platform/jobs/catalog.ts';
import { createManualJobs } from '../platform/jobs/manual.ts';
import type { Deps } from '../platform/deps.ts';
import { TEST_DATA_KEY } from './constants.ts';

/**
 * Fills an empty database with what every test starts from: the schema, the regions and the demo network,
 * its people and records, encrypted with the test data key. Jobs the demo queues stay in memory, unrun.
 */
export async function fillTestDatabase(url: string): Promise<void> {
  const { db, pool } = createDb(url, 2);
  try {
    await migrate(pool);
    await loadRegions(db);
    const config = { ...loadConfig({}), dataDir: path.resolve('.tmp', 'test-data') };
    const secrets = createSecrets(Buffer.from(TEST_DATA_KEY, 'base64'));
    const noop = { send: async () => {} };
    const deps: Deps = { config, db, pool, secrets, notifier: noop, clock: new TestClock(), jobs: createManualJobs(() => deps, allJobs) };
    await loadDemo(deps);
    // The demo's staged steps write notices (their delivery jobs stay in the in-memory queue above); tests
    // start with empty inboxes.
    await db.deleteFrom('notifications').execute();
  } finally {
    await db.destroy();
  }
}
