import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pick } from './support/antd.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { signIn } from './support/console.ts';
import { startServer } from './support/server.ts';
import { register } from '../apps/server/src/modules/cases/cases.test-support.ts';

/**
 * Search: a member of the public searches 侵权判定 from the portal header, narrows to policies, opens a
 * policy found by search and reads it; a clerk finds a case by its number and by the opposing company's
 * name typed with a wrong character.
 */
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

async function journey(name: string, run: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`http ${r.status()} ${r.url()}`));
  try {
    await run(page);
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, `failure-${name}`);
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await ctx.close();
  }
}

async function searchFor(page: Page, text: string) {
  const box = page.getByTestId('search-box').locator('input');
  await box.fill(text);
  await box.press('Enter');
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === text);
}

it('a member of the public finds a policy by search and reads it', async () => {
  await journey('public', async (page) => {
    await page.goto(server.url + '/');
    await page.getByTestId('search-box').locator('input').fill('侵权判');
    // Typeahead: titles of published articles as the words are typed.
    await page.getByTestId('search-suggestion').first().waitFor();
    await snap(page, 'search-01-portal-typeahead');
    await searchFor(page, '侵权判定');
    await page.getByTestId('search-hit').first().waitFor();
    const marks = await page.getByTestId('search-snippet').locator('mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['侵权', '判定']));
    await snap(page, 'search-02-portal-results');
    await pick(page, 'search-kind', '政策法规');
    await page.waitForURL(/kind=policy/);
    const hit = page.getByTestId('search-hit').filter({ hasText: '武汉市展会知识产权保护工作规程' });
    await hit.waitFor();
    await expect.poll(() => page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    for (const text of await page.getByTestId('search-hit').locator('.ant-tag').first().allTextContents()) expect(text).toBe('政策法规');
    await snap(page, 'search-03-portal-policies');
    await hit.getByTestId('search-hit-link').click();
    await page.waitForURL(/\/articles\//);
    await page.getByText('维权援助中心派员驻场，提供咨询和侵权判定参考意见。').waitFor();
    await page.getByText('武知规〔2024〕2号').first().waitFor();
    await snap(page, 'search-04-portal-policy');
  });
});

it('a clerk finds a case by its number and by the opposing company with a typo', async () => {
  const clerk = await server.login('wh_clerk');
  const caseId = await register(clerk, {
    opposingParties: [{ kind: 'legal_person', name: '武汉星辰光电科技有限公司' }], ipType: 'patent', summary: '对方在展会上展出仿冒我司激光切割头的产品',
  });
  // The new case's search entry is written by a job after the registration commits (ADR 0043); the journey's server
  // runs jobs when told, so it runs that one here, as a running platform's worker does a moment later.
  await server.drainJobs({ name: 'search-index-case' });
  const { case_number: number } = await server.deps.db.selectFrom('cases').select('case_number').where('id', '=', caseId).executeTakeFirstOrThrow();
  await journey('staff', async (page) => {
    await signIn(page, server.url, 'wh_clerk');
    await searchFor(page, number!);
    const byNumber = page.getByTestId('search-hit').filter({ hasText: number! });
    await byNumber.waitFor();
    await expect.poll(() => page.getByTestId('search-hit').first().textContent()).toContain(number!);
    await snap(page, 'search-05-console-case-number');
    await searchFor(page, '武汉星晨光电科技有限公司');
    const byName = page.getByTestId('search-hit').filter({ hasText: number! });
    await byName.waitFor();
    await snap(page, 'search-06-console-company-typo');
    await byName.getByTestId('search-hit-link').click();
    await page.waitForURL(new RegExp(`/console/cases/${caseId}`));
    await page.getByText(number!).first().waitFor();
    await snap(page, 'search-07-console-case');
  });
});
