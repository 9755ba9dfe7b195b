import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pick } from './support/antd.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer } from './support/server.ts';
import { signInEnrolling } from './support/console.ts';

/**
 * Publishing: a portal reader opens a policy from a filtered list; an editor turns a closed case into a
 * de-identified case study, checks the replacements and submits it; a reviewer publishes it; the portal
 * shows it without the parties' names; staff see the module visit counts.
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
  page.on('response', (r) => r.status() >= 500 && errors.push(`http ${r.status()} ${r.url()}`));
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


it('a reader opens a policy from a filtered list, and reads the service guide', async () => {
  await journey('reader', async (page) => {
    await page.goto(server.url + '/');
    await page.getByTestId('home-newest').locator('a').first().waitFor();
    await snap(page, 'content-01-portal-home');
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('content-item').first().waitFor();
    await page.getByTestId('content-count').filter({ hasText: '共 6 篇' }).waitFor();
    await pick(page, 'content-iptype', '版权');
    await page.waitForURL(/ipType=copyright/);
    await page.getByTestId('content-count').filter({ hasText: '共 2 篇' }).waitFor();
    await snap(page, 'content-02-policies-filtered');
    await page.getByTestId('content-item').filter({ hasText: '武汉市展会知识产权保护工作规程' }).click();
    await page.getByTestId('article-title').filter({ hasText: '武汉市展会知识产权保护工作规程' }).waitFor();
    expect(await page.getByTestId('article-page').innerText()).toContain('武知规〔2024〕2号');
    await snap(page, 'content-03-policy-article');
    await page.getByTestId('nav-guide').click();
    await page.getByTestId('guide-materials').waitFor();
    await snap(page, 'content-04-service-guide');
  });
  // The pages opened above were counted per module, with nothing about the reader.
  const today = await server.deps.db.selectFrom('page_visits').select(['module', 'count']).where('day', '=', new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' })).execute();
  const counts = Object.fromEntries(today.map((r) => [r.module, r.count]));
  expect(counts).toMatchObject({ home: 1, policies: 2, guide: 1 });
});

let articleId = '';

it('an editor publishes a de-identified case study from a closed case', async () => {
  await journey('editor', async (page) => {
    await signInEnrolling(page, server.url, 'wh_handler');
    await page.getByTestId('menu-articles').click();
    await page.getByTestId('articles-table').locator('tbody tr.ant-table-row').first().waitFor();
    await snap(page, 'content-05-console-articles');
    await page.getByTestId('articles-from-case').click();
    await page.getByTestId('from-case-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '夹具' }).first().click();
    await page.getByTestId('from-case-ok').click();
    await page.getByTestId('replacements').waitFor();
    articleId = page.url().split('/').pop()!;
    const replaced = await page.getByTestId('replacements').innerText();
    expect(replaced).toContain('甲公司');
    expect(replaced).not.toContain('武汉楚天机械制造有限公司');
    expect(await page.getByTestId('article-preview').innerText()).not.toContain('楚天');
    await snap(page, 'content-06-case-study-replacements');
    await page.getByTestId('act-submit').click();
    await page.getByTestId('article-state').filter({ hasText: '待审核' }).waitFor();
  });
  await journey('reviewer', async (page) => {
    await signInEnrolling(page, server.url, 'wh_reviewer');
    await page.goto(`${server.url}/console/articles/${articleId}`);
    await page.getByTestId('act-approve').waitFor();
    await page.getByTestId('review-note').fill('脱敏核对无误，同意发布');
    await page.getByTestId('act-approve').click();
    await page.getByTestId('article-state').filter({ hasText: '已发布' }).waitFor();
    await snap(page, 'content-07-case-study-published');
    await page.getByTestId('menu-visits').click();
    await page.getByTestId('visits-table').locator('tbody tr.ant-table-row').first().waitFor();
    await snap(page, 'content-08-visits');
  });
  await journey('portal-case-study', async (page) => {
    await page.goto(`${server.url}/articles/${articleId}`);
    await page.getByTestId('article-body').waitFor();
    const text = await page.getByTestId('article-page').innerText();
    expect(text).toContain('甲公司');
    expect(text).not.toContain('楚天');
    await snap(page, 'content-09-portal-case-study');
  });
});
