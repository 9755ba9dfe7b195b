import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, snap } from './support/browser.ts';
import { act, openCase, pick, signIn } from './support/console.ts';
import { startServer } from './support/server.ts';

/** The Wuhan handler refers a case in progress to a people's mediation committee, then records the committee's feedback. */
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

it('a referral to a mediation committee, with its feedback recorded', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await journey(page);
  } catch (e) {
    await snap(page, 'failure-case-referral');
    throw e;
  }
  await page.close();
});

async function journey(page: Page) {
  const handler = await server.deps.db.selectFrom('users').select('id').where('username', '=', 'wh_handler').executeTakeFirstOrThrow();
  const c = await server.deps.db.selectFrom('cases').select(['id', 'case_number'])
    .where('handler_id', '=', handler.id).where('state', '=', 'in_progress').orderBy('case_number').executeTakeFirstOrThrow();
  const number = c.case_number!;
  await signIn(page, server.url, 'wh_handler');
  await openCase(page, number, 'mine');
  await act(page, 'refer', async () => {
    await pick(page, 'action-field-body', '人民调解委员会');
    await page.getByTestId('action-field-bodyName').fill('武汉市知识产权纠纷人民调解委员会');
    await page.getByTestId('action-field-reason').fill('双方均同意调解，转人民调解委员会组织调解');
    await snap(page, 'case-referral-01-modal');
  });
  const state = async () => (await server.deps.db.selectFrom('cases').select('state').where('id', '=', c.id).executeTakeFirstOrThrow()).state;
  await expect.poll(state).toBe('referred');
  // The expected reply date is computed, not typed: a referral_feedback deadline is running.
  const dl = await server.deps.db.selectFrom('case_deadlines').select('kind').where('case_id', '=', c.id).where('kind', '=', 'referral_feedback').execute();
  expect(dl.length).toBe(1);
  await act(page, 'recordReferralFeedback', async () => {
    await page.getByTestId('action-field-feedback').fill('调解委员会回复：双方已达成调解协议，侵权方停止销售并赔偿');
  });
  await expect.poll(state).toBe('in_progress');
  const timeline = page.getByTestId('case-timeline');
  await expect.poll(() => timeline.locator('[data-event="recordReferralFeedback"]').count()).toBe(1);
  await expect.poll(() => timeline.innerText()).toContain('武汉市知识产权纠纷人民调解委员会');
  await snap(page, 'case-referral-02-feedback');
  const ev = await server.deps.db.selectFrom('case_events').select(['event', 'payload']).where('case_id', '=', c.id).orderBy('seq').execute();
  expect(ev.at(-2)).toMatchObject({ event: 'refer' });
  expect(JSON.stringify(ev.at(-1)!.payload)).toContain('达成调解协议');
}
