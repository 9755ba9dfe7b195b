/**
 * Fonts for the PDF: Noto Serif SC / Noto Sans SC from the @fontsource npm packages, embedded as data URLs,
 * and only the unicode-range slices the document's text needs (a whole CJK face is ~100 slices). Without
 * them headless Chromium, which has no system CJK font here, draws Chinese as empty boxes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Our own family names, so a machine's real 仿宋/黑体/小标宋 wins and Noto is only the fallback. */
export const FALLBACK = { serif: 'YZ Noto Serif', serifBold: 'YZ Noto Serif Bold', sans: 'YZ Noto Sans' } as const;

const SOURCES = [
  { family: FALLBACK.serif, pkg: '@fontsource/noto-serif-sc', weight: 400 },
  { family: FALLBACK.serifBold, pkg: '@fontsource/noto-serif-sc', weight: 700 },
  { family: FALLBACK.sans, pkg: '@fontsource/noto-sans-sc', weight: 400 },
] as const;

interface Slice {
  family: string;
  file: string;
  unicodeRange: string;
  ranges: [number, number][];
}

let slices: Slice[] | null = null;

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(lo, 16);
    return [a, hi ? parseInt(hi, 16) : a];
  });
}

function loadSlices(): Slice[] {
  if (slices) return slices;
  const out: Slice[] = [];
  for (const src of SOURCES) {
    const dir = path.dirname(require.resolve(`${src.pkg}/package.json`));
    const css = fs.readFileSync(path.join(dir, `${src.weight}.css`), 'utf8');
    for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(m[1])?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(m[1])?.[1];
      if (file && range) out.push({ family: src.family, file: path.join(dir, file), unicodeRange: range.trim(), ranges: parseRanges(range) });
    }
  }
  slices = out;
  return out;
}

const dataUrls = new Map<string, string>();
function dataUrl(file: string): string {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

/** @font-face rules for the three fallback faces, limited to the slices covering `text`. */
export function fontFaceCss(text: string): string {
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0)!);
  const needed = loadSlices().filter((s) => [...codePoints].some((cp) => s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)));
  return needed
    .map(
      (s) =>
        `@font-face{font-family:'${s.family}';font-style:normal;font-weight:400;font-display:block;` +
        `src:url(${dataUrl(s.file)}) format('woff2');unicode-range:${s.unicodeRange};}`,
    )
    .join('\n');
}
