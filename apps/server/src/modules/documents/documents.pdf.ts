/**
 * PDF by the process's one headless Chromium (platform/browser.ts) from the HTML rendering: A4 from the
 * stylesheet's @page, page numbers in its margin boxes, the closing block pushed to the last page's foot.
 */
import type { Page } from 'playwright-core';
import { newSharedPage } from '../../platform/browser.ts';
import { BLOCK } from './documents.layout.ts';
import type { OfficialDocument } from './documents.model.ts';
import { renderHtml } from './documents.html.ts';
import { placeClosingBlock } from './documents.pdf-closing.ts';

const PX_PER_MM = 96 / 25.4;

/** Open a document's HTML in a fresh page of the shared browser, fonts loaded and layout final. */
export async function openDocumentPage(doc: OfficialDocument): Promise<Page> {
  const page = await newSharedPage();
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(renderHtml(doc), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // tsx/esbuild's keepNames wraps inner functions in __name(); give the page a no-op one
    await page.evaluate('globalThis.__name ??= (f) => f');
    await page.evaluate(placeClosingBlock, BLOCK.heightMm * PX_PER_MM);
    return page;
  } catch (e) {
    await page.close().catch(() => {});
    throw e;
  }
}

/** The PDF file's bytes: A4 (595 × 842 pt). */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  const page = await openDocumentPage(doc);
  try {
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
  } finally {
    await page.close().catch(() => {});
  }
}
