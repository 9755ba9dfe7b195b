import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, sharedBrowser } from '../../platform/browser.ts';
import { renderHtml } from './documents.html.ts';
import { DOCUMENT_KINDS } from './documents.model.ts';
import { openDocumentPage, renderPdf } from './documents.pdf.ts';
import { pdfToPngs } from './documents.preview.ts';
import { buildDocument } from './documents.templates.ts';
import { sampleData } from './documents.test-support.ts';

const PREVIEWS = path.resolve('.tmp', 'doc-previews');

afterAll(async () => {
  await closeSharedBrowser();
});

/** Page sizes and text of a PDF, read by pdf.js (unpdf's bundled build). */
async function readPdf(bytes: Buffer): Promise<{ pages: { width: number; height: number; text: string }[] }> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    pages.push({ width: x1 - x0, height: y1 - y0, text: content.items.map((i: object) => ('str' in i ? (i as { str: string }).str : '')).join('') });
  }
  await pdf.destroy();
  return { pages };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe.each(DOCUMENT_KINDS)('%s as PDF', (kind) => {
  it('is A4 with the Chinese text, the number, the date and page numbers — and looks right', { timeout: 120_000 }, async () => {
    const doc = buildDocument(kind, sampleData(kind));
    const bytes = await renderPdf(doc);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages } = await readPdf(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      // A4 is 595.3 × 841.9 pt; Chromium writes whole points: 595 × 842
      expect(Math.abs(p.width - 595.3)).toBeLessThan(1);
      expect(Math.abs(p.height - 841.9)).toBeLessThan(1);
    }
    const text = squeeze(pages.map((p) => p.text).join(''));
    for (const part of [doc.issuer.name, doc.docNumber, squeeze(doc.title), `${doc.addressee}：`, doc.date, `${doc.printedOn}印发`]) {
      expect(text).toContain(part);
    }
    pages.forEach((p, i) => expect(squeeze(p.text)).toContain(`—${i + 1}—`));
    fs.mkdirSync(PREVIEWS, { recursive: true });
    fs.writeFileSync(path.join(PREVIEWS, `${kind}.pdf`), bytes);
    const pngs = await pdfToPngs(bytes, path.join(PREVIEWS, kind));
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
  });
});

describe('the PDF renderer', () => {
  it('reuses one Chromium for every document', async () => {
    const first = await sharedBrowser();
    await renderPdf(buildDocument('acceptance_notice', sampleData('acceptance_notice')));
    expect(await sharedBrowser()).toBe(first);
    expect(first.contexts()).toHaveLength(1);
    expect(first.contexts()[0].pages()).toHaveLength(0); // every page it opened is closed again
  });

  it('embeds the Noto font slices, so Chinese never falls back to boxes', async () => {
    const doc = buildDocument('decline_notice', sampleData('decline_notice'));
    const html = renderHtml(doc);
    expect(html).toContain("font-family:'YZ Noto Serif'");
    expect(html).toContain('data:font/woff2;base64,');
    const page = await openDocumentPage(doc);
    try {
      // every character of the title is drawn by a loaded face
      const loaded = await page.evaluate((t) => document.fonts.check(`16pt "YZ Noto Serif"`, t), doc.title);
      expect(loaded).toBe(true);
      await page.screenshot({ path: path.join(PREVIEWS, 'decline_notice-html.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
