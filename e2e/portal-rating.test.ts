import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRatingLink } from '../apps/server/src/modules/portal-cases/portal.rating.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';

/** The one-click rating link from the conclusion notice: no sign-in, rate once. */
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

it('an applicant rates a concluded case from the link, once', async () => {
  const c = await server.deps.db.selectFrom('cases').select(['id', 'case_number']).where('state', '=', 'concluded').executeTakeFirstOrThrow();
  const link = await server.deps.db.transaction().execute((tx) => createRatingLink(server.deps, tx, c.id));
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await page.goto(server.url + link!.path);
  await expect.poll(() => page.getByTestId('rate-case-number').innerText()).toContain(c.case_number!);
  await page.getByTestId('rate-stars').locator('.ant-rate-star').nth(3).click();
  await page.getByTestId('rate-comment').fill('答复及时，指导很具体');
  await snap(page, '10-portal-rating');
  await page.getByTestId('rate-submit').click();
  await page.getByTestId('rate-thanks').waitFor();
  const row = await server.deps.db.selectFrom('portal_ratings').select(['score', 'comment']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
  expect(row).toEqual({ score: 4, comment: '答复及时，指导很具体' });
  await page.reload();
  await page.getByTestId('rate-already').waitFor();
  await page.goto(server.url + '/rate/not-a-real-token-000000000000000');
  await page.getByTestId('rate-expired').waitFor();
  await page.close();
});
