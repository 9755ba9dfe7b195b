import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser } from '../../platform/browser.ts';
import { G, allWide, centreOf, inPool, inside, isPageNumber, lineBox, overlaps, sizeIs } from './documents.gbt9704.test-support.ts';
import { documentText } from './documents.html.ts';
import { inspectDocx } from './documents.inspect-docx.ts';
import { inspectPdf, type TextLine } from './documents.inspect-pdf.ts';
import { DOCUMENT_KINDS } from './documents.model.ts';
import { renderDocument } from './documents.render.ts';
import { pdfPageCount } from './documents.pdf.ts';
import { buildDocument } from './documents.templates.ts';
import { sampleData } from './documents.test-support.ts';

/**
 * The generated documents rendered to pictures and measured against GB/T 9704-2012: the PDF drawn by pdf.js, the
 * .docx drawn by docx-preview, both inside the Chromium the platform already has (ADR 0025). The PNGs are written
 * to .tmp/doc-previews/gbt9704/ for a person to look at; the user guide shows some of them.
 */
const OUT = path.resolve('.tmp', 'doc-previews', 'gbt9704');
fs.mkdirSync(OUT, { recursive: true });
afterAll(() => closeSharedBrowser());

/** Marks that may not begin a line (避头): the character before them moves down with them. */
const NO_LINE_START = /[，。、；：？！”’）》〕]/u;
const near = (actual: number, expected: number, tol: number = G.tol) => expect(Math.abs(actual - expected), `${actual.toFixed(2)} ≈ ${expected.toFixed(2)} ± ${tol}`).toBeLessThanOrEqual(tol);

describe.each(DOCUMENT_KINDS)('%s', (kind) => {
  const doc = buildDocument(kind, sampleData(kind));

  it('as PDF: A4, the text block 156 × 225 mm at 37/28 mm, 22 lines of 28 characters, centred title, red rule, seal on the date, page numbers', { timeout: 120_000 }, async () => {
    const pages = await inspectPdf(await renderDocument(doc, 'pdf'), path.join(OUT, `${kind}-pdf`));
    const last = pages.at(-1)!;
    const seal = last.redBlob;
    const textOf = (p: (typeof pages)[number]) => p.lines.filter((l) => !isPageNumber(l) && !(p === last && inside(l, seal)));
    for (const [i, p] of pages.entries()) {
      near(p.widthMm, G.page.widthMm, 0.5);
      near(p.heightMm, G.page.heightMm, 0.5);
      const lines = textOf(p);
      // 版心: nothing left of 28 mm or right of 184 mm; full lines reach both edges; the first line starts at 37 mm
      near(Math.min(...lines.map((l) => l.left)), G.left);
      near(Math.max(...lines.map((l) => l.right)), G.right);
      const first = lines[0]!;
      expect(first.baseline - first.size).toBeGreaterThanOrEqual(G.top - G.tol);
      expect(first.baseline - first.size).toBeLessThanOrEqual(G.top + 3);
      expect(Math.max(...lines.map((l) => l.baseline))).toBeLessThanOrEqual(G.bottom + G.tol);
      // 22 lines to the block at a fixed pitch
      const body = lines.filter((l) => sizeIs(l, 16));
      const slots = (body.at(-1)!.baseline - body[0]!.baseline) / G.line + 1;
      expect(slots).toBeLessThanOrEqual(22.3);
      body.slice(1).forEach((l, j) => {
        const gap = l.baseline - body[j]!.baseline;
        if (gap < 1.5 * G.line && gap > 0.5 * G.line) near(gap, G.line, 0.35);
      });
      // page numbers: 4号, below the block, odd pages right and even pages left, one character in
      const number = p.lines.find(isPageNumber)!;
      expect(number.text.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      expect(number.baseline).toBeGreaterThan(G.bottom);
      near(number.size, G.pageNumberChar, 0.3);
      if ((i + 1) % 2 === 1) near(number.right, G.right - G.pageNumberChar);
      else near(number.left, G.left + G.pageNumberChar);
    }
    // 28 characters to a full line; 27 only where the 28th would have pushed a closing mark to the next line's start
    const all = pages.flatMap(textOf);
    const full = all.filter((l) => sizeIs(l, 16) && l.right - l.left > 150 && allWide(l.text));
    if (kind !== 'acceptance_notice') expect(full.length, 'some full lines of Chinese').toBeGreaterThan(0); // its lines all hold digits
    for (const l of full) {
      const n = [...l.text].length;
      if (n === 28) continue;
      const next = all[all.indexOf(l) + 1]!;
      // fewer only when the next line opens with a number or Latin word kept whole
      if (/^[A-Za-z0-9（(“]/.test(next.text) && n >= 20) continue;
      expect(n, l.text).toBe(27);
      expect([...next.text][1], `${l.text} / ${next.text}`).toMatch(NO_LINE_START);
    }
    // and no number or identifier is cut in two at the end of a line
    all.slice(1).forEach((l, j) => {
      const prev = all[j]!;
      if (sizeIs(l, 16) && sizeIs(prev, 16)) expect(/[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(l.text), `${prev.text} / ${l.text}`).toBe(false);
    });

    const p1 = pages[0]!.lines;
    const at = (text: string) => p1.find((l) => l.text.replace(/\s/g, '') === text.replace(/\s/g, ''));
    // the red issuing-body mark and the document number, centred; the red rule under the number, the block's width
    near(centreOf(at(doc.issuer.name)!), G.centre);
    const number = at(doc.docNumber)!;
    near(centreOf(number), G.centre);
    const rule = pages[0]!.redRules[0]!;
    expect(rule, 'a red separator line').toBeDefined();
    near(rule.left, G.left);
    near(rule.right, G.right);
    expect(rule.top).toBeGreaterThan(number.baseline);
    // the title: 2号, every line centred, below the rule, one blank line before the addressee
    const title = p1.filter((l) => sizeIs(l, 22));
    expect(title.map((l) => l.text).join('').replace(/\s/g, '')).toBe(doc.title.replace(/\s/g, ''));
    for (const l of title) near(centreOf(l), G.centre);
    expect(title[0]!.baseline - title[0]!.size).toBeGreaterThan(rule.bottom);
    const addressee = at(`${doc.addressee}：`)!;
    near(addressee.left, G.left, 0.5);
    expect(Math.round((addressee.baseline - title.at(-1)!.baseline) / G.line), 'one blank line under the title').toBe(2);
    // body paragraphs begin two characters in
    expect(pages.flatMap(textOf).some((l) => sizeIs(l, 16) && Math.abs(l.left - (G.left + 2 * G.em)) < 0.6)).toBe(true);

    // signature and date: the date 4 characters from the right; the seal presses on both
    const lastLines = last.lines;
    const date = lastLines.find((l) => l.text.replace(/\s/g, '') === doc.date) as TextLine;
    const signature = lastLines.filter((l) => l.text.replace(/\s/g, '') === doc.signature && l.baseline < date.baseline).at(-1) as TextLine;
    expect(date && signature, 'signature and date on the last page').toBeTruthy();
    near(date.right, G.right - 4 * G.em, 1);
    expect(seal, 'the seal area is drawn').not.toBeNull();
    near(seal!.right - seal!.left, 42, 1.5);
    near(seal!.bottom - seal!.top, 42, 1.5);
    expect(overlaps(seal!, lineBox(date))).toBe(true);
    expect(overlaps(seal!, lineBox(signature))).toBe(true);
    near(centreOf(seal!), centreOf(date), 3);
    // the closing block (版记) at the foot of the last page, inside the block
    const printed = lastLines.find((l) => l.text.replace(/\s/g, '').endsWith(`${doc.printedOn}印发`))!;
    expect(printed.baseline).toBeGreaterThan(G.bottom - 4 * G.line);
    expect(printed.baseline).toBeLessThanOrEqual(G.bottom + G.tol);
    for (const p of pages) expect(fs.statSync(p.png).size).toBeGreaterThan(20_000);
  });

  it('as .docx (drawn by docx-preview): the same margins, centred title, red rule under the number, exact 28.95 pt lines, the seal on the date', { timeout: 120_000 }, async () => {
    const d = await inspectDocx(await renderDocument(doc, 'docx'), documentText(doc), path.join(OUT, `${kind}-docx.png`));
    near(d.page.widthMm, G.page.widthMm, 0.5);
    near(d.page.paddingMm.top, G.top, 0.2);
    near(d.page.paddingMm.left, G.left, 0.2);
    near(d.page.paddingMm.right, G.page.widthMm - G.right, 0.2);
    near(d.page.paddingMm.bottom, G.page.heightMm - G.bottom, 0.2);
    const withText = d.paragraphs.filter((p) => p.text.trim() && p.lines.length);
    const lines = withText.flatMap((p) => p.lines);
    near(Math.min(...lines.map((l) => l.left)), G.left, 0.5);
    expect(Math.max(...lines.map((l) => l.right))).toBeLessThanOrEqual(G.right + 0.5);
    // the mark opens the block, in red 小标宋, centred
    const mark = withText[0]!;
    expect(mark.text).toBe(doc.issuer.name);
    expect(mark.fontFamily).toContain('方正小标宋简体');
    expect(mark.lines[0]!.top).toBeGreaterThanOrEqual(G.top - G.tol);
    expect(mark.lines[0]!.top).toBeLessThanOrEqual(G.top + G.line);
    near(centreOf(mark.lines[0]!), G.centre);
    // the number, centred, carries the red separator as its bottom border across the block
    const number = withText.find((p) => p.text === doc.docNumber)!;
    near(centreOf(number.lines[0]!), G.centre);
    expect(number.borderBottom?.color).toBe('rgb(230, 0, 18)');
    near(number.box.left, G.left, 0.5);
    near(number.box.right, G.right, 0.5);
    // the title lines: 2号 小标宋, centred
    const title = withText.filter((p) => Math.abs(p.fontSizePt - 22) < 0.1);
    expect(title.map((p) => p.text).join('')).toBe(doc.title.replace(/\n/g, ''));
    for (const p of title) {
      expect(p.align).toBe('center');
      expect(p.fontFamily).toContain('方正小标宋简体');
      near(centreOf(p.lines[0]!), G.centre);
    }
    // body text: 3号 仿宋 on the exact 28.95 pt pitch
    const body = withText.filter((p) => p.align === 'justify' && p.lines.length > 1);
    expect(body.length).toBeGreaterThan(0);
    for (const p of body) {
      expect(Math.abs(p.fontSizePt - 16)).toBeLessThan(0.1);
      p.lines.slice(1).forEach((l, j) => near(l.top - p.lines[j]!.top, G.line, 0.2));
      near(p.lines[0]!.left, G.left + 2 * G.em, 0.6);
    }
    // signature, date and the seal placed as the file anchors it
    const dateAt = withText.findIndex((p) => p.text === doc.date);
    const date = withText[dateAt]!;
    const signature = withText[dateAt - 1]!;
    expect(signature.text).toBe(doc.signature);
    near(date.lines[0]!.right, G.right - 4 * G.em, 1);
    const anchor = d.anchors.find((a) => a.name === 'seal')!;
    expect([anchor.fromH, anchor.fromV]).toEqual(['margin', 'paragraph']);
    near(anchor.width, 42, 0.5);
    const seal = d.pictures[0]!;
    expect(overlaps(seal, date.lines[0]!)).toBe(true);
    expect(overlaps(seal, signature.lines[0]!)).toBe(true);
    near(centreOf(seal), centreOf(date.lines[0]!), 3);
    // the closing block: issuing office and date of issue each on one line
    const printedOn = withText.find((p) => p.text === `${doc.printedOn}印发`)!;
    const printedBy = withText.filter((p) => p.text === doc.printedBy).at(-1)!;
    expect(printedOn.lines, printedOn.text).toHaveLength(1);
    expect(printedBy.lines, printedBy.text).toHaveLength(1);
    for (const f of [d.png, d.endPng]) expect(fs.statSync(f).size).toBeGreaterThan(20_000);
  });
});

describe('the seal shares its page with the text (GB/T 9704 7.3.5)', () => {
  it('whatever the length of the body, the page with the signature also holds body text', { timeout: 180_000 }, async () => {
    const base = sampleData('infringement_opinion');
    // 8–21 one-line paragraphs more move the end of the text across the foot of page 3 (measured)
    // the contact paragraph of two lines (the sample) and of one (no address, as the journey's)
    const build = (extra: number) => {
      const short = extra >= 22;
      const data = { ...base, issuer: short ? { ...base.issuer, address: undefined } : base.issuer, opinion: { ...base.opinion!, reasoning: [...base.opinion!.reasoning, ...Array.from({ length: short ? extra - 14 : extra }, (_, i) => `补充理由第${i + 1}项，详见附表。`)] } };
      return buildDocument('infringement_opinion', data);
    };
    // rendered two at a time (the 28 renders were 77 s of the suite one after another), checked in order
    const extras = Array.from({ length: 28 }, (_, i) => i + 8);
    const rendered = await inPool(extras, 2, async (extra) => {
      const doc = build(extra);
      return { doc, pages: await inspectPdf(await renderDocument(doc, 'pdf'), null, 1) };
    });
    for (const [k, { doc, pages }] of rendered.entries()) {
      const extra = extras[k];
      // the seal's ring letters may share the date's baseline: look for the date inside the line
      const isDate = (l: TextLine) => l.text.replace(/\s/g, '').includes(doc.date) && !l.text.includes('印发');
      const withDate = pages.find((p) => p.lines.some(isDate))!;
      const date = withDate.lines.find(isDate)!;
      // the whole seal on the signature's page
      expect(withDate.redBlob, `${extra}: the seal on the signature's page`).not.toBeNull();
      expect(withDate.redBlob!.bottom - withDate.redBlob!.top, `${extra}: the whole seal`).toBeGreaterThan(40);
      const textAbove = withDate.lines.filter((l) => sizeIs(l, 16) && l.baseline < date.baseline && !inside(l, withDate.redBlob) && !l.text.replace(/\s/g, '').includes(doc.signature));
      expect(textAbove.length, `${extra} extra paragraphs: page ${pages.indexOf(withDate) + 1} of ${pages.length}`).toBeGreaterThan(0);
      // and the closing block (版记) is at the foot of the last page (alone there when the text ends too low: allowed)
      const last = pages.at(-1)!;
      const printed = last.lines.find((l) => l.text.replace(/\s/g, '').endsWith(`${doc.printedOn}印发`));
      expect(printed, `${extra}: 版记 on the last page`).toBeDefined();
      expect(printed!.baseline, `${extra}: 版记 at the foot of the page`).toBeGreaterThan(G.bottom - 3 * G.line);
      expect(pages.indexOf(withDate), `${extra}: no page between the signature and the 版记`).toBeGreaterThanOrEqual(pages.length - 2);
    }
  });
});

describe('the closing block (版记) where the replayed page breaks misjudge by a line', () => {
  it('shares the last page with the signature when it fits there (the journey\'s opinion, which put it alone on a 4th page)', { timeout: 120_000 }, async () => {
    const data = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'journey-opinion.json'), 'utf8'));
    const doc = buildDocument('infringement_opinion', data);
    const pdf = await renderDocument(doc, 'pdf');
    const pages = await inspectPdf(pdf, path.join(OUT, 'journey-opinion'), 1);
    expect(pdfPageCount(pdf)).toBe(pages.length);
    const last = pages.at(-1)!;
    expect(last.lines.some((l) => l.text.replace(/\s/g, '').includes(doc.date) && !l.text.includes('印发')), 'the date on the last page').toBe(true);
    const printed = last.lines.find((l) => l.text.replace(/\s/g, '').endsWith(`${doc.printedOn}印发`));
    expect(printed!.baseline, '版记 at the foot of the page').toBeGreaterThan(G.bottom - 3 * G.line);
  });
});
