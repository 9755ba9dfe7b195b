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
    const print = async () => Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false }));
    const pdf = await print();
    return (await correctClosingBlock(page, pdf, print)) ?? pdf;
  } finally {
    await page.close().catch(() => {});
  }
}

/** Pages of a PDF as Chromium writes it (one `/Type /Page` object each). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/**
 * placeClosingBlock replays Chromium's page breaks, which no script can read, and can misjudge them by a line: the
 * 版记 then lands alone on a page of its own although it fits at the foot of the last one. The PDF tells: when the
 * block without its spacer needs fewer pages, the spacer is the largest that keeps that count (found by halving).
 * Returns the corrected PDF, or null when the first one was right.
 */
async function correctClosingBlock(page: Page, pdf: Buffer, print: () => Promise<Buffer>): Promise<Buffer | null> {
  const pages = pdfPageCount(pdf);
  if (pages < 2) return null;
  const setSpacer = (px: number) => page.evaluate((h) => {
    (document.querySelector('.doc .closing-spacer') as HTMLElement).style.height = `${h}px`;
  }, px);
  const placed = await page.evaluate(() => parseFloat((document.querySelector('.doc .closing-spacer') as HTMLElement).style.height) || 0);
  await setSpacer(0);
  let best = await print();
  const target = pdfPageCount(best);
  if (target >= pages) {
    await setSpacer(placed);
    return null;
  }
  let lo = 0;
  let hi = placed;
  while (hi - lo > 2) {
    const mid = Math.floor((lo + hi) / 2);
    await setSpacer(mid);
    const attempt = await print();
    if (pdfPageCount(attempt) === target) {
      lo = mid;
      best = attempt;
    } else {
      hi = mid;
    }
  }
  return best;
}
