/** Run by `npm start` (scripts/start.mjs) in a child process: build the web and the server bundles if stale. */
import { ensureServerBuilt } from './server-build.ts';
import { ensureWebBuilt } from './web-build.ts';

await ensureWebBuilt();
await ensureServerBuilt();
