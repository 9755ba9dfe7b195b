/** The GB/T 9704-2012 numbers the rendered pages are checked against (/work/shared/reference/formats.md), in mm. */
import { BLOCK, LINE_PT, MARGIN, PAGE, SIZE, mmToPt } from './documents.layout.ts';
import type { Box, TextLine } from './documents.inspect-pdf.ts';

const ptToMm = (pt: number) => (pt * 25.4) / 72;

export const G = {
  page: PAGE,
  left: MARGIN.leftMm,
  top: MARGIN.topMm,
  right: MARGIN.leftMm + BLOCK.widthMm,
  bottom: MARGIN.topMm + BLOCK.heightMm,
  centre: MARGIN.leftMm + BLOCK.widthMm / 2,
  line: ptToMm(LINE_PT),
  /** One character of the 28 to a line. */
  char: BLOCK.widthMm / 28,
  /** One 3号 em (the indents are written in em). */
  em: ptToMm(SIZE.body),
  pageNumberChar: ptToMm(SIZE.pageNumber),
  bodySize: ptToMm(SIZE.body),
  titleSize: ptToMm(SIZE.title),
  /** ± 1 mm, as the standard allows for the margins. */
  tol: 1,
} as const;

export const sizeIs = (l: { size: number }, pt: number) => Math.abs(l.size - ptToMm(pt)) < 0.25;
export const isPageNumber = (l: TextLine) => /^—\s*\d+\s*—$/.test(l.text.trim());
export const centreOf = (b: { left: number; right: number }) => (b.left + b.right) / 2;
export const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** A text line's box from its baseline and size (glyphs sit about 0.88 em above the baseline). */
export const lineBox = (l: TextLine): Box => ({ left: l.left, right: l.right, top: l.baseline - l.size * 0.88, bottom: l.baseline + l.size * 0.12 });
export const inside = (l: TextLine, b: Box | null) => b !== null && l.left >= b.left - 0.5 && l.right <= b.right + 0.5 && l.baseline >= b.top && l.baseline <= b.bottom;
/** Characters that take a full em (CJK); a line of only these shows the characters-per-line rule. */
export const allWide = (s: string) => [...s].every((ch) => ch.codePointAt(0)! >= 0x2e80);
export { mmToPt };

/** Runs `work` over the items, `size` at a time; the results in the items' order. */
export async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await work(items[k]);
    }
  }));
  return out;
}
