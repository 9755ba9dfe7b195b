/**
 * Pictures of a PDF's pages, for looking at the output (tests, user guide): pdf.js (the serverless build
 * bundled in the `unpdf` dev dependency, which needs no native canvas package) draws each page on a canvas inside the shared Chromium, served from a routed origin.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newSharedPage } from '../../platform/browser.ts';

const require = createRequire(import.meta.url);
const ORIGIN = 'https://preview.yuanzhi.invalid';

const VIEWER = `<!doctype html><html><body style="margin:0;background:#888">
<script type="module">
import * as pdfjs from '${ORIGIN}/pdf.mjs';
window.renderPdf = async (scale) => {
  const data = new Uint8Array(await (await fetch('${ORIGIN}/doc.pdf')).arrayBuffer());
  const pdf = await pdfjs.getDocument({ data }).promise;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = viewport.width; canvas.height = viewport.height;
    canvas.style.display = 'block'; canvas.style.marginBottom = '8px'; canvas.id = 'page-' + n;
    document.body.appendChild(canvas);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  }
  return pdf.numPages;
};
window.viewerReady = true;
</script></body></html>`;

/** Write one PNG per page (`<prefix>-<n>.png`) and return their paths. */
export async function pdfToPngs(pdf: Buffer, prefix: string, scale = 1.25): Promise<string[]> {
  const bundle = path.join(path.dirname(require.resolve('unpdf')), 'pdfjs.mjs');
  const page = await newSharedPage();
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
      if (name === 'pdf.mjs') return route.fulfill({ body: fs.readFileSync(bundle), contentType: 'text/javascript' });
      return route.fulfill({ body: VIEWER, contentType: 'text/html' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as any).viewerReady === true);
    const pages: number = await page.evaluate((s) => (window as any).renderPdf(s), scale);
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    const files: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const file = `${prefix}-${n}.png`;
      await page.locator(`#page-${n}`).screenshot({ path: file });
      files.push(file);
    }
    return files;
  } finally {
    await page.close().catch(() => {});
  }
}
