import { AlignmentType, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { newSharedPage } from '../../platform/browser.ts';
import { FAMILY } from '../documents/documents.html-css.ts';
import { FALLBACK, fontFaceCss } from '../documents/documents.fonts.ts';
import { FONT, LINE_PT, MARGIN, PAGE, SIZE, mmToTwip, ptToTwip } from '../documents/documents.layout.ts';
import { CHART_SIZE, chartSvg } from './report.charts.ts';
import type { ProgressReport } from './report.content.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const allText = (r: ProgressReport) => [r.title, ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs, s.figure?.caption ?? '', ...(s.figure?.chart.categories ?? []), ...(s.figure?.chart.series.map((x) => x.name) ?? [])]), '0123456789.%'].join('');

/** The report as one HTML page: the PDF, the PNG preview and the charts' images are all drawn from it. */
export async function reportHtml(r: ProgressReport): Promise<string> {
  const parts: string[] = [];
  for (const s of r.sections) {
    const h = s.level === 1 ? `<h2>${esc(s.heading)}</h2>` : `<h3>${esc(s.heading)}</h3>`;
    const ps = s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
    const fig = s.figure ? `<figure>${await chartSvg(s.figure.chart, `"${FALLBACK.sans}"`)}<figcaption>${esc(s.figure.caption)}</figcaption></figure>` : '';
    parts.push(h + ps + fig);
  }
  const body = parts.join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>
${fontFaceCss(allText(r))}
@page { size: A4; margin: ${MARGIN.topMm}mm ${MARGIN.rightMm}mm ${MARGIN.bottomMm}mm ${MARGIN.leftMm}mm; }
body { margin: 0; font-family: ${FAMILY.fangsong}; font-size: ${SIZE.body}pt; line-height: ${LINE_PT}pt; color: #000; background: #fff; }
h1 { font-family: ${FAMILY.xiaobiaosong}; font-weight: normal; font-size: ${SIZE.title}pt; line-height: 1.5; text-align: center; margin: 0 0 ${LINE_PT}pt; }
h2 { font-family: ${FAMILY.heiti}; font-weight: normal; font-size: ${SIZE.body}pt; margin: 0; text-indent: 2em; }
h3 { font-family: ${FAMILY.kaiti}; font-weight: normal; font-size: ${SIZE.body}pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
figure { margin: 6pt 0; text-align: center; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-family: ${FAMILY.heiti}; font-size: ${SIZE.table}pt; }
</style></head><body><h1>${esc(r.title)}</h1>${body}</body></html>`;
}

async function withPage<T>(html: string, text: string, fn: (page: Awaited<ReturnType<typeof newSharedPage>>) => Promise<T>): Promise<T> {
  const page = await newSharedPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // SVG text does not always start the web font's slices loading before fonts.ready settles: ask for them.
    await page.evaluate(async (t) => {
      for (const family of ['YZ Noto Sans', 'YZ Noto Serif', 'YZ Noto Serif Bold']) await document.fonts.load(`16px "${family}"`, t);
      await document.fonts.ready;
    }, text);
    return await fn(page);
  } finally {
    await page.close().catch(() => {});
  }
}

export async function reportPdf(r: ProgressReport): Promise<Buffer> {
  return withPage(await reportHtml(r), allText(r), async (page) => {
    await page.emulateMedia({ media: 'print' });
    return page.pdf({ preferCSSPageSize: true, printBackground: true });
  });
}

/** The first page as a PNG at A4 width (for previews and for looking at it in tests). */
export async function reportPng(r: ProgressReport, fullPage = false): Promise<Buffer> {
  return withPage(await reportHtml(r), allText(r), async (page) => {
    await page.setViewportSize({ width: 794, height: 1123 });
    return page.screenshot({ fullPage });
  });
}

/** Each chart as a PNG (2×), in section order, drawn by Chromium from the same SVG as the PDF. */
async function chartPngs(r: ProgressReport): Promise<Buffer[]> {
  const figs = r.sections.filter((s) => s.figure);
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaceCss(allText(r))} body{margin:0;background:#fff;font-family:"${FALLBACK.sans}"} div{width:${CHART_SIZE.width}px;height:${CHART_SIZE.height}px}</style></head><body>${
    (await Promise.all(figs.map(async (s, i) => `<div id="c${i}">${await chartSvg(s.figure!.chart, `"${FALLBACK.sans}"`)}</div>`))).join('')}</body></html>`;
  return withPage(html, allText(r), async (page) => {
    await page.setViewportSize({ width: CHART_SIZE.width, height: CHART_SIZE.height });
    const out: Buffer[] = [];
    for (let i = 0; i < figs.length; i++) out.push(await page.locator(`#c${i}`).screenshot());
    return out;
  });
}

const run = (text: string, fontName: string = FONT.fangsong, size: number = SIZE.body) =>
  new TextRun({ text, font: { ascii: fontName, hAnsi: fontName, eastAsia: fontName }, size: size * 2 });
const line = { line: ptToTwip(LINE_PT), lineRule: 'exact' as const, before: 0, after: 0 };

/** The .docx: A4 with the official-document margins, headings 黑体/楷体, body 仿宋 3号, charts as PNG images. */
export async function reportDocx(r: ProgressReport): Promise<Buffer> {
  const pngs = await chartPngs(r);
  let fig = 0;
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...line, line: ptToTwip(SIZE.title * 1.5), after: ptToTwip(LINE_PT) }, children: [run(r.title, FONT.xiaobiaosong, SIZE.title)] }),
  ];
  for (const s of r.sections) {
    children.push(new Paragraph({ spacing: line, indent: { firstLine: ptToTwip(SIZE.body * 2) }, keepNext: true, children: [run(s.heading, s.level === 1 ? FONT.heiti : FONT.kaiti)] }));
    for (const p of s.paragraphs) children.push(new Paragraph({ spacing: line, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: ptToTwip(SIZE.body * 2) }, children: [run(p)] }));
    if (s.figure) {
      const png = pngs[fig++]!;
      const width = 560;
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [
        new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((width * CHART_SIZE.height) / CHART_SIZE.width) } }),
      ] }));
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: line, children: [run(s.figure.caption, FONT.heiti, SIZE.table)] }));
    }
  }
  const doc = new Document({
    title: r.title, creator: r.issuer,
    sections: [{
      properties: { page: { size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
        margin: { top: mmToTwip(MARGIN.topMm), bottom: mmToTwip(MARGIN.bottomMm), left: mmToTwip(MARGIN.leftMm), right: mmToTwip(MARGIN.rightMm) } } },
      children,
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
