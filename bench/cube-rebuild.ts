/**
 * `npx tsx bench/cube-rebuild.ts`: migrate the national-scale data of `npm run bench:generate` (BENCH_DIR) and
 * rebuild its statistics cube from scratch (ADR 0036), printing the seconds, months and rows and the load average.
 */
import os from 'node:os';
import path from 'node:path';
import { EMBEDDED_DB } from '../apps/server/src/platform/bootstrap.ts';
import { createDb } from '../apps/server/src/platform/db.ts';
import { startEmbedded } from '../apps/server/src/platform/embedded-pg.ts';
import { migrate } from '../apps/server/src/platform/migrate.ts';
import { rebuildCube } from '../apps/server/src/modules/stats/cube/cube.rebuild.ts';

const server = await startEmbedded(path.resolve(process.env.BENCH_DIR ?? '.tmp/bench-national'));
const { db, pool } = createDb(server.url(EMBEDDED_DB), 4);
try {
  await migrate(pool);
  const r = await rebuildCube(db);
  console.log(`cube rebuilt in ${r.seconds} s: ${r.months} months, ${r.rows} leaf rows (load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
} finally {
  await db.destroy();
  await server.stop();
}
