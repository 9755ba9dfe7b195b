import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, snap } from './support/browser.ts';
import { act, openCase, signIn, signOut } from './support/console.ts';
import { startServer } from './support/server.ts';

/**
 * A case of 武汉 goes to 宜昌: the Wuhan intake clerk transfers it, a clerk of 宜昌 sees it arrive and accepts it,
 * and the case's whole history (its earlier events) is on the page at 宜昌.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const YC = '宜昌市知识产权维权援助中心';
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // Setup, not the journey: the demo network has no intake clerk at 宜昌, so the provincial administrator adds one.
  const hbAdmin = await server.login('hb_admin');
  const yc = await server.deps.db.selectFrom('institutions').select('id').where('name', '=', YC).executeTakeFirstOrThrow();
  const r = await hbAdmin.post('/api/users', {
    kind: 'staff', username: 'yc_clerk', displayName: '赵丽（宜昌接待）', password: 'Yichang#Clerk2026',
    roles: [{ role: 'intake_clerk', institutionId: yc.id }],
  });
  expect(r.status).toBe(201);
  await server.deps.db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'yc_clerk').execute();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('a Wuhan case is transferred to 宜昌 and accepted there, its history with it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 500 && errors.push(`http ${r.status()} ${r.url()}`));
  try {
    await journey(page);
  } catch (e) {
    await snap(page, 'failure-case-transfer');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  }
  expect(errors).toEqual([]);
  await page.close();
});

async function journey(page: Page) {
  // The demo's fast-track case assigned to wh_handler: accepted at 武汉, assigned, not started.
  const c = await server.deps.db.selectFrom('cases').innerJoin('institutions as i', 'i.id', 'cases.institution_id')
    .select(['cases.id', 'cases.case_number']).where('i.name', '=', '武汉市知识产权维权援助中心').where('cases.state', '=', 'assigned')
    .orderBy('cases.case_number').executeTakeFirstOrThrow();
  const number = c.case_number!;
  const eventsBefore = await server.deps.db.selectFrom('case_events').select('event').where('case_id', '=', c.id).orderBy('seq').execute();

  await signIn(page, server.url, 'wh_clerk');
  await openCase(page, number, 'institution');
  await act(page, 'transfer', async () => {
    // Search the directory by name, then choose 宜昌's centre from what it offers.
    await page.getByTestId('action-field-toInstitutionId').click();
    await page.keyboard.type('宜昌市知识产权');
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: YC }).first();
    await option.waitFor();
    await option.click();
    await page.getByTestId('action-field-reason').fill('被诉侵权企业及展会均在宜昌，移交宜昌中心就近办理');
    await snap(page, 'case-transfer-01-modal');
  });
  await expect.poll(() => page.getByTestId('case-header').innerText()).toContain('移交');
  await snap(page, 'case-transfer-02-sent');
  await signOut(page);

  await signIn(page, server.url, 'yc_clerk', 'Yichang#Clerk2026');
  await openCase(page, number, 'institution');
  await snap(page, 'case-transfer-03-arrived');
  await act(page, 'acceptTransfer');
  await expect.poll(async () => (await server.deps.db.selectFrom('cases').select('state').where('id', '=', c.id).executeTakeFirstOrThrow()).state).toBe('accepted');
  const timeline = page.getByTestId('case-timeline');
  await expect.poll(() => timeline.locator('[data-event="acceptTransfer"]').count()).toBe(1);
  // Every event from before the transfer is shown at 宜昌, plus the transfer and its acceptance.
  const shown = await timeline.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
  for (const e of eventsBefore) expect(shown).toContain(e.event);
  expect(shown).toContain('transfer');
  await snap(page, 'case-transfer-04-accepted-at-yichang');
  const row = await server.deps.db.selectFrom('cases').innerJoin('institutions as i', 'i.id', 'cases.institution_id')
    .select('i.name').where('cases.id', '=', c.id).executeTakeFirstOrThrow();
  expect(row.name).toBe(YC);
}
