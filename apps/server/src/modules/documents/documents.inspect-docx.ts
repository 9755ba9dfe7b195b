/**
 * Looks at a generated .docx as Word would draw it, for the GB/T 9704 checks: `docx-preview` (npm) renders the
 * file to HTML inside the shared Chromium — the fonts it names (仿宋_GB2312, 方正小标宋简体 …) are mapped to the Noto
 * slices the PDF uses, as a reader without those fonts would see it — then each paragraph's line boxes, borders and
 * pictures are measured (mm from the page's top-left corner) and the first page is written as a PNG.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newSharedPage } from '../../platform/browser.ts';
import { FALLBACK, fontFaceCss } from './documents.fonts.ts';
import { FONT } from './documents.layout.ts';
import type { Box } from './documents.inspect-pdf.ts';

const require = createRequire(import.meta.url);
const ORIGIN = 'https://inspect-docx.yuanzhi.invalid';

export interface DocxParagraph {
  text: string;
  align: string;
  /** One box per rendered line. */
  lines: Box[];
  /** The paragraph's own box (its full width in the text block). */
  box: Box;
  borderBottom: { color: string; widthMm: number } | null;
  fontFamily: string;
  fontSizePt: number;
  lineHeightPt: number;
}
/** A floating picture as the file places it (wp:anchor), in mm. */
export interface Anchor { name: string; fromH: string; x: number; fromV: string; y: number; width: number; height: number }
export interface DocxFacts {
  page: { widthMm: number; heightMm: number; paddingMm: { top: number; right: number; bottom: number; left: number } };
  paragraphs: DocxParagraph[];
  pictures: (Box & { alt: string })[];
  anchors: Anchor[];
  png: string;
  endPng: string;
}

const EMU_PER_MM = 36_000;

/** The floating pictures of word/document.xml, read from the file itself. */
export async function anchorsOf(docx: Buffer): Promise<Anchor[]> {
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<wp:anchor\b[\s\S]*?<\/wp:anchor>/g)].map(([a]) => {
    const h = /<wp:positionH relativeFrom="(\w+)"><wp:posOffset>(-?\d+)</.exec(a);
    const v = /<wp:positionV relativeFrom="(\w+)"><wp:posOffset>(-?\d+)</.exec(a);
    const ext = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(a);
    const name = /<wp:docPr [^>]*name="([^"]*)"/.exec(a)?.[1] ?? '';
    if (!h || !v || !ext) throw new Error(`an anchored picture without a plain offset position: ${name}`);
    return { name, fromH: h[1]!, x: Number(h[2]) / EMU_PER_MM, fromV: v[1]!, y: Number(v[2]) / EMU_PER_MM, width: Number(ext[1]) / EMU_PER_MM, height: Number(ext[2]) / EMU_PER_MM };
  });
}

/** The Noto fallback faces under the names the .docx asks for. */
function aliasedFonts(text: string): string {
  const css = fontFaceCss(text);
  const as = (from: string, to: string[]) => to.map((name) => css.split('\n').filter((r) => r.includes(`'${from}'`)).map((r) => r.replace(`'${from}'`, `'${name}'`)).join('\n')).join('\n');
  return [as(FALLBACK.serif, [FONT.fangsong, FONT.fangsongAlt, FONT.kaiti, FONT.kaitiAlt, FONT.songti]), as(FALLBACK.serifBold, [FONT.xiaobiaosong]), as(FALLBACK.sans, [FONT.heiti])].join('\n');
}

const MEASURE = `(() => {
  const section = document.querySelector('section.docx');
  const origin = section.getBoundingClientRect();
  const MM = 25.4 / 96;
  const box = (r) => ({ left: (r.left - origin.left) * MM, right: (r.right - origin.left) * MM, top: (r.top - origin.top) * MM, bottom: (r.bottom - origin.top) * MM });
  const cs = getComputedStyle(section);
  const px = (v) => parseFloat(v) * MM;
  const paragraphs = [...section.querySelectorAll('p')].map((p) => {
    const range = document.createRange(); range.selectNodeContents(p);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    const lines = [];
    for (const r of rects.sort((a, b) => a.top - b.top)) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.top - r.top) < 3) { last.left = Math.min(last.left, r.left); last.right = Math.max(last.right, r.right); last.bottom = Math.max(last.bottom, r.bottom); }
      else lines.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
    const s = getComputedStyle(p);
    const firstRun = p.querySelector('span') ?? p;
    const rs = getComputedStyle(firstRun);
    const bw = parseFloat(s.borderBottomWidth);
    return {
      text: p.textContent, align: s.textAlign, lines: lines.map(box), box: box(p.getBoundingClientRect()),
      borderBottom: bw > 0 && s.borderBottomStyle !== 'none' ? { color: s.borderBottomColor, widthMm: bw * MM } : null,
      fontFamily: rs.fontFamily, fontSizePt: parseFloat(rs.fontSize) * 0.75, lineHeightPt: parseFloat(s.lineHeight) * 0.75,
    };
  });
  const pictures = [...section.querySelectorAll('img, svg')].map((e) => ({ ...box(e.getBoundingClientRect()), alt: e.getAttribute('alt') ?? e.getAttribute('aria-label') ?? '' }));
  return {
    page: { widthMm: origin.width * MM, heightMm: origin.height * MM, paddingMm: { top: px(cs.paddingTop), right: px(cs.paddingRight), bottom: px(cs.paddingBottom), left: px(cs.paddingLeft) } },
    paragraphs, pictures,
  };
})()`;

/** Render a .docx with docx-preview, measure its first page and write it to `png`. */
export async function inspectDocx(docx: Buffer, text: string, png: string): Promise<DocxFacts> {
  const jszip = require.resolve('jszip/dist/jszip.min.js');
  // the UMD build (global `docx`, using the global JSZip); the package exports only its entry points
  const preview = path.join(path.dirname(require.resolve('docx-preview')), 'docx-preview.min.js');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${aliasedFonts(text)}
body { margin: 0; background: #fff; } .docx-wrapper { background: #fff !important; padding: 0 !important; } .docx-wrapper > section.docx { box-shadow: none !important; margin: 0 0 8px 0 !important; }
/* Word's "exact" line rule: every line is exactly the line height, whatever the fonts' metrics. docx-preview sets
   the height on the paragraph only, so a run in another font or size than the paragraph's strut makes a taller line. */
section.docx p span { vertical-align: top; }</style>
<script src="${ORIGIN}/jszip.js"></script><script src="${ORIGIN}/docx-preview.js"></script></head><body><div id="out"></div></body></html>`;
  const page = await newSharedPage();
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'doc.docx') return route.fulfill({ body: docx, contentType: 'application/octet-stream' });
      if (name === 'jszip.js') return route.fulfill({ body: fs.readFileSync(jszip), contentType: 'text/javascript' });
      if (name === 'docx-preview.js') return route.fulfill({ body: fs.readFileSync(preview), contentType: 'text/javascript' });
      return route.fulfill({ body: html, contentType: 'text/html' });
    });
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      const w = window as unknown as { docx: { renderAsync: (b: Blob, c: HTMLElement, s?: HTMLElement, o?: object) => Promise<unknown> } };
      await w.docx.renderAsync(blob, document.getElementById('out')!, undefined, { breakPages: true, experimental: true, renderFooters: true, renderHeaders: true });
      await document.fonts.ready;
    }, `${ORIGIN}/doc.docx`);
    const anchors = await anchorsOf(docx);
    // docx-preview draws a floating picture where its run is; put it where Word does (margin / paragraph offsets)
    await page.evaluate((list) => {
      const section = document.querySelector('section.docx') as HTMLElement;
      section.style.position = 'relative';
      const origin = section.getBoundingClientRect();
      const pads = getComputedStyle(section);
      const imgs = [...section.querySelectorAll('p img')] as HTMLImageElement[];
      list.forEach((a, i) => {
        const img = imgs[i];
        if (!img || a.fromH !== 'margin' || a.fromV !== 'paragraph') return;
        const p = img.closest('p')!.getBoundingClientRect();
        Object.assign(img.style, {
          position: 'absolute', left: `calc(${pads.paddingLeft} + ${a.x}mm)`, top: `calc(${p.top - origin.top}px + ${a.y}mm)`,
          width: `${a.width}mm`, height: `${a.height}mm`, margin: '0', transform: 'none',
        });
        section.appendChild(img);
      });
    }, anchors);
    const facts = (await page.evaluate(MEASURE)) as Omit<DocxFacts, 'png' | 'endPng' | 'anchors'>;
    // docx-preview breaks pages only where the file does: the picture is the first 297 mm, the size of page 1 in Word
    const b = (await page.locator('section.docx').first().boundingBox())!;
    const pageHeight = (297 * 96) / 25.4;
    await page.screenshot({ path: png, fullPage: true, clip: { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, pageHeight) } });
    // and the end of the document (signature, date, seal, closing block) as the last 150 mm
    const tail = Math.min(b.height, (150 * 96) / 25.4);
    const endPng = png.replace(/\.png$/, '-end.png');
    await page.screenshot({ path: endPng, fullPage: true, clip: { x: b.x, y: b.y + b.height - tail, width: b.width, height: tail } });
    return { ...facts, anchors, png, endPng };
  } finally {
    await page.close().catch(() => {});
  }
}
