/**
 * Looks at a rendered PDF the way a reader would, for the GB/T 9704 checks (documents.gbt9704.test.ts): pdf.js
 * (the build bundled in `unpdf`) draws each page on a canvas inside the shared Chromium; the page's text items
 * give where each line sits, the canvas pixels give the ink, the red separator and the seal. Everything is
 * returned in millimetres from the page's top-left corner, and each page is written as a PNG.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newSharedPage } from '../../platform/browser.ts';

const require = createRequire(import.meta.url);
const ORIGIN = 'https://inspect.yuanzhi.invalid';

export interface TextLine {
  text: string;
  /** left, right, baseline and font size in mm (size: the item's height). */
  left: number;
  right: number;
  baseline: number;
  size: number;
}
export interface Box { left: number; right: number; top: number; bottom: number }
export interface PdfPageFacts {
  widthMm: number;
  heightMm: number;
  /** Text items joined into lines (same baseline). */
  lines: TextLine[];
  /** Bounding box of every dark or coloured pixel. */
  ink: Box | null;
  /** Horizontal red rules at least 100 mm long. */
  redRules: Box[];
  /** Red pixels that are neither text nor a rule: the seal's ring and star. */
  redBlob: Box | null;
  /** The page's picture; '' when no prefix was given. */
  png: string;
}

/** Runs in the page: pdf.js draws, then the pixels and text positions are measured. */
const VIEWER = `<!doctype html><html><body style="margin:0;background:#fff">
<script type="module">
import * as pdfjs from '${ORIGIN}/pdf.mjs';
const MM = 25.4 / 72;
window.inspectPdf = async (scale) => {
  const data = new Uint8Array(await (await fetch('${ORIGIN}/doc.pdf')).arrayBuffer());
  const pdf = await pdfjs.getDocument({ data }).promise;
  const out = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const vp = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = vp.width; canvas.height = vp.height; canvas.id = 'page-' + n; canvas.style.display = 'block';
    document.body.appendChild(canvas);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    await page.render({ canvas, canvasContext: ctx, viewport: vp }).promise;
    const [, , w, h] = page.view;
    const items = (await page.getTextContent()).items.filter((i) => i.str && i.str.trim());
    const rows = new Map();
    for (const i of items) {
      const y = Math.round((h - i.transform[5]) * MM * 10) / 10;
      const key = [...rows.keys()].find((k) => Math.abs(k - y) < 0.6) ?? y;
      const r = rows.get(key) ?? { text: '', left: Infinity, right: -Infinity, baseline: y, size: 0 };
      r.text += i.str; r.left = Math.min(r.left, i.transform[4] * MM); r.right = Math.max(r.right, (i.transform[4] + i.width) * MM);
      r.size = Math.max(r.size, Math.abs(i.transform[3]) * MM);
      rows.set(key, r);
    }
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const toMm = (p) => (p / scale) * MM;
    let ink = null; const redRows = new Map();
    for (let y = 0; y < canvas.height; y++) {
      for (let x = 0; x < canvas.width; x++) {
        const o = (y * canvas.width + x) * 4, r = px[o], g = px[o + 1], b = px[o + 2];
        if (r > 235 && g > 235 && b > 235) continue;
        ink = ink ? { left: Math.min(ink.left, x), right: Math.max(ink.right, x), top: Math.min(ink.top, y), bottom: Math.max(ink.bottom, y) } : { left: x, right: x, top: y, bottom: y };
        if (r > 170 && g < 120 && b < 120) { const row = redRows.get(y) ?? []; row.push(x); redRows.set(y, row); }
      }
    }
    const rules = []; let blob = null;
    for (const [y, xs] of redRows) {
      if (toMm(xs.length) >= 100) { rules.push({ left: toMm(Math.min(...xs)), right: toMm(Math.max(...xs)), top: toMm(y), bottom: toMm(y + 1) }); continue; }
      const lineAtY = [...rows.values()].some((l) => toMm(y) > l.baseline - l.size && toMm(y) < l.baseline + l.size * 0.3 && l.size > 7);
      if (lineAtY && n === 1 && toMm(y) < 80) continue; // the red issuing-body mark
      for (const x of xs) blob = blob ? { left: Math.min(blob.left, x), right: Math.max(blob.right, x), top: Math.min(blob.top, y), bottom: Math.max(blob.bottom, y) } : { left: x, right: x, top: y, bottom: y };
    }
    const box = (b) => b && { left: toMm(b.left), right: toMm(b.right + 1), top: toMm(b.top), bottom: toMm(b.bottom + 1) };
    out.push({ widthMm: w * MM, heightMm: h * MM, lines: [...rows.values()].sort((a, b) => a.baseline - b.baseline), ink: box(ink), redRules: mergeRules(rules), redBlob: box(blob) });
  }
  return out;
};
function mergeRules(rules) {
  const out = [];
  for (const r of rules.sort((a, b) => a.top - b.top)) {
    const last = out[out.length - 1];
    if (last && r.top - last.bottom < 0.5) { last.bottom = r.bottom; last.left = Math.min(last.left, r.left); last.right = Math.max(last.right, r.right); }
    else out.push({ ...r });
  }
  return out;
}
window.viewerReady = true;
</script></body></html>`;

/** Measure every page of a PDF and write `<prefix>-<n>.png` (no pictures when prefix is null). */
export async function inspectPdf(pdf: Buffer, prefix: string | null, scale = 2): Promise<PdfPageFacts[]> {
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
    await page.waitForFunction(() => (window as unknown as { viewerReady?: boolean }).viewerReady === true);
    const facts: Omit<PdfPageFacts, 'png'>[] = await page.evaluate((s) => (window as unknown as { inspectPdf: (s: number) => Promise<Omit<PdfPageFacts, 'png'>[]> }).inspectPdf(s), scale);
    if (prefix === null) return facts.map((f) => ({ ...f, png: '' }));
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    const out: PdfPageFacts[] = [];
    for (const [i, f] of facts.entries()) {
      const png = `${prefix}-${i + 1}.png`;
      await page.locator(`#page-${i + 1}`).screenshot({ path: png });
      out.push({ ...f, png });
    }
    return out;
  } finally {
    await page.close().catch(() => {});
  }
}
