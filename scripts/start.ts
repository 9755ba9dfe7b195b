/**
 * `npm start`: build the web bundle if its sources changed since the last build, then start the server.
 */
import { ensureWebBuilt } from './web-build.ts';
import { main } from '../apps/server/src/main.ts';

await ensureWebBuilt();
await main();
