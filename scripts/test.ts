/**
 * `npm test`: build the web bundle (the browser journeys need it), then every test project.
 * The summary reporter ends the run with "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { ensureWebBuilt } from './web-build.ts';

await ensureWebBuilt();
const args = ['run', ...process.argv.slice(2)];
const r = spawnSync('vitest', args, { stdio: 'inherit', shell: false, env: process.env });
process.exit(r.status ?? 1);
