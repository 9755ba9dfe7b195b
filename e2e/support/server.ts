import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../apps/server/src/testing/harness.ts';

/** The real server on a loopback port, on a fresh database cloned from the demo template. */
export async function startServer(): Promise<TestApp & { url: string }> {
  // Browser journeys run in real time: TOTP codes and session timeouts follow the system clock.
  const t = await createTestApp({}, { liveClock: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  return Object.assign(t, { url: `http://127.0.0.1:${port}` });
}
