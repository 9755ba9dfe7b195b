/**
 * `npm test`: build the web bundle (the browser journeys need it) and the server bundle, then every test project.
 * The summary reporter ends the run with "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { ensureServerBuilt } from './server-build.ts';
import { ensureWebBuilt } from './web-build.ts';

await ensureWebBuilt();
// The drills and the lifecycle tests run the server as `npm start` does, from its bundle.
await ensureServerBuilt();
const args = ['run', ...process.argv.slice(2)];
const r = spawnSync('vitest', args, { stdio: 'inherit', shell: false, env: process.env });
process.exit(r.status ?? 1);
