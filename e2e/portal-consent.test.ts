import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { application } from '../apps/server/src/modules/portal-cases/portal.test-support.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';

/** The privacy notice on the review step: no submission without the tick; the version goes with the case. */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an applicant must tick the privacy notice before the application goes; its version is recorded', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'applicant@example.com', password: 'Hubei#Assist2026' } });
  const csrf = (await login.json()).csrfToken as string;
  const headers = { 'x-csrf-token': csrf };
  // One complete draft, as if typed on the earlier steps.
  const drafts = (await (await page.request.get(`${server.url}/api/portal/drafts`)).json()).data as { id: string }[];
  for (const d of drafts) await page.request.delete(`${server.url}/api/portal/drafts/${d.id}`, { headers });
  const draft = await page.request.post(`${server.url}/api/portal/drafts`, { data: application(), headers });
  expect(draft.status()).toBe(201);
  const id = (await draft.json()).data.id as string;

  await page.goto(`${server.url}/apply`);
  await page.getByTestId('apply-page').waitFor();
  await page.getByTestId('apply-steps').locator('.ant-steps-item').nth(4).click();
  const notice = page.getByTestId('apply-privacy');
  await notice.waitFor();
  const version = await notice.getAttribute('data-version');
  await page.getByTestId('apply-submit').click();
  await page.getByTestId('apply-consent-missing').waitFor();
  const still = await server.deps.db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow();
  expect(still.state).toBe('draft');
  await page.getByTestId('apply-consent').click();
  await snap(page, 'portal-apply-privacy-notice');
  await page.getByTestId('apply-submit').click();
  await expect.poll(async () => (await server.deps.db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state, { timeout: 20_000 }).not.toBe('draft');
  const rec = await server.deps.db.selectFrom('case_privacy').select('notice_version').where('case_id', '=', id).executeTakeFirstOrThrow();
  expect(rec.notice_version).toBe(version);
  await ctx.close();
});
