import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../apps/server/src/testing/harness.ts';

/** The real server on a loopback port, on a fresh database cloned from the demo template. */
export async function startServer(): Promise<TestApp & { url: string }> {
  const t = await createTestApp();
  // Browser journeys run in real time: the harness's test clock would stand still.
  t.clock.set(new Date());
  const realNow = () => new Date();
  (t.deps.clock as { now: () => Date }).now = realNow;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  return Object.assign(t, { url: `http://127.0.0.1:${port}` });
}
