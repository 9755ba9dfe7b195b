import type { Page } from 'playwright-core';

/**
 * Pick an option in an antd Select/TreeSelect opened from the element with this test id, and check the
 * choice took (options may still be loading when the dropdown first opens).
 */
export async function pick(page: Page, testId: string, optionText: string): Promise<void> {
  const select = page.getByTestId(testId);
  // The select's root (class token `ant-select` or `ant-tree-select`, not an inner `ant-select-…` part): what it shows.
  const root = page
    .locator(`[data-testid="${testId}"]`)
    .locator(`xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 0; attempt < 4; attempt++) {
    // a multiple select stays open after a choice: clicking it again would close it
    const isOpen = ((await root.getAttribute('class').catch(() => '')) ?? '').includes('ant-select-open');
    if (!isOpen) await select.click();
    const option = open
      .locator(`.ant-select-item-option[title="${optionText}"], .ant-select-tree-node-content-wrapper[title="${optionText}"]`)
      .first();
    try {
      await option.waitFor({ state: 'visible', timeout: 5000 });
      await option.click();
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    const shown = await root.innerText().catch(() => '');
    if (shown.includes(optionText)) {
      // A single select closes after the choice; a click that landed while it was closing can open it again, and
      // its open list would then cover whatever the test clicks next.
      const cls = (await root.getAttribute('class').catch(() => '')) ?? '';
      if (cls.includes('ant-select-open') && !cls.includes('ant-select-multiple')) {
        await page.keyboard.press('Escape');
        await open.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      }
      return;
    }
  }
  throw new Error(`could not pick “${optionText}” in ${testId}`);
}

/** Wait until no select list is open (pressing Escape if one stays), so it cannot cover the next click. */
export async function closeDropdowns(page: Page): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (await open.first().waitFor({ state: 'hidden', timeout: 2000 }).then(() => true, () => false)) return;
  await page.keyboard.press('Escape');
  await open.first().waitFor({ state: 'hidden', timeout: 5000 });
}

/**
 * Close the open modal or drawer — Escape, or its close button when the key went elsewhere (focus in a file input,
 * say) — and wait until it is gone, so that it cannot cover the next click.
 */
export async function closeOverlay(page: Page): Promise<void> {
  const open = page.locator('.ant-modal-wrap:visible, .ant-drawer-open');
  await page.keyboard.press('Escape');
  if (await open.first().waitFor({ state: 'hidden', timeout: 3000 }).then(() => true, () => false)) return;
  await page.locator('.ant-modal-wrap:visible .ant-modal-close, .ant-drawer-open .ant-drawer-close').first().click();
  await open.first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * Choose a region through a RegionPicker's search box (`<testId>-search`): type, click the option naming `expect`,
 * and check the cascader now shows it. Retried, since the search answers while the user is still typing.
 */
export async function pickRegion(page: Page, testId: string, query: string, expect: string): Promise<void> {
  const cascader = page.locator(`[data-testid="${testId}"]`).locator('xpath=ancestor-or-self::*[contains(@class,"ant-cascader") or contains(@class,"ant-select")][1]');
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByTestId(`${testId}-search`).click();
    await page.keyboard.type(query);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: expect }).first();
    try {
      await option.waitFor({ state: 'visible', timeout: 5000 });
      await option.click();
      await page.waitForFunction(
        ([el, text]) => (el as HTMLElement | null)?.innerText.includes(text as string) ?? false,
        [await cascader.elementHandle(), query] as const,
        { timeout: 5000 },
      );
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not choose the region “${query}” in ${testId}`);
}
