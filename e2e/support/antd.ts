import type { Page } from 'playwright-core';

/**
 * Pick an option in an antd Select/TreeSelect opened from the element with this test id, and check the
 * choice took (options may still be loading when the dropdown first opens).
 */
export async function pick(page: Page, testId: string, optionText: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 4; attempt++) {
    await select.click();
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
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
    const shown = await page
      .locator(`[data-testid="${testId}"]`)
      .locator('xpath=ancestor-or-self::*[contains(@class,"ant-select")][1]')
      .innerText()
      .catch(() => '');
    if (shown.includes(optionText)) return;
  }
  throw new Error(`could not pick “${optionText}” in ${testId}`);
}
