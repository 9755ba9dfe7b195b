/**
 * `npm start` (ADR 0040): build what is stale (web and server bundles) in a child process — Vite and esbuild leave
 * hundreds of MB behind in the process that ran them — then become the server: plain node on the bundle, no tsx
 * loader, with a young generation small enough for the memory target. `process.execve` replaces this process
 * (same pid, so the signals reach the server itself, ADR 0012); a node without it runs the bundle in-process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** V8's young generation: 4 MB semi-spaces instead of Node 24's 32 MB (bench/README.md § Load and ceiling). */
export const serverNodeFlags = ['--max-semi-space-size=4'];

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'apps/server/dist/main.mjs');
const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts')], { stdio: 'inherit', cwd: root });
if (built.status !== 0) process.exit(built.status ?? 1);
if (typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...serverNodeFlags, ...process.execArgv, bundle], process.env);
} else {
  const { main } = await import(pathToFileURL(bundle).href);
  await main();
}
