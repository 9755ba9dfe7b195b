import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LOG_DIR } from '../../scripts/log-scan/scan.ts';
import { createTestApp, type TestApp } from '../../apps/server/src/testing/harness.ts';

/** The real server on a loopback port, on a fresh database cloned from the demo template. */
export async function startServer(): Promise<TestApp & { url: string }> {
  // Browser journeys run in real time: TOTP codes and session timeouts follow the system clock.
  // Requests are logged to a file, as in production, for the log scan that ends the run.
  const logFile = path.join(LOG_DIR, `e2e-${process.pid}-${crypto.randomUUID().slice(0, 8)}.log`);
  const t = await createTestApp({}, { liveClock: true, logFile });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  return Object.assign(t, { url: `http://127.0.0.1:${port}` });
}
