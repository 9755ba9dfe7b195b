/**
 * The GB/T 9704-2012 layout in numbers, shared by the .docx and the HTML/PDF renderings, and the pure layout
 * decisions both make the same way (heading numbers, title line breaks, signature position).
 */
import type { Block } from './documents.model.ts';

export const PAGE = { widthMm: 210, heightMm: 297 } as const;
/** 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm, hence right 26 mm and bottom 35 mm. */
export const MARGIN = { topMm: 37, leftMm: 28, rightMm: 26, bottomMm: 35 } as const;
export const BLOCK = { widthMm: 156, heightMm: 225 } as const;

/** 3号 body, 2号 title, 4号 page numbers and closing block. */
export const SIZE = { body: 16, title: 22, pageNumber: 14, closing: 14, table: 14 } as const;
/** Fixed line pitch giving 22 lines to the 225 mm block. */
export const LINE_PT = 28.95;
/** The red of the issuing-body mark, the separator and the seal. */
export const RED = 'E60012';

/** Font names as Word/WPS know them; the PDF falls back to the Noto fonts served from npm. */
export const FONT = {
  fangsong: '仿宋_GB2312',
  fangsongAlt: '仿宋',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  kaitiAlt: '楷体',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
} as const;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
export const mmToTwip = (mm: number) => Math.round(mmToPt(mm) * 20);
export const ptToTwip = (pt: number) => Math.round(pt * 20);
export const BLOCK_WIDTH_PT = mmToPt(BLOCK.widthMm);

/** Width of a string in em (characters of its own size): ASCII counts half. */
export function textEm(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x80 ? 0.5 : 1;
  return w;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings never reach 100). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/** The heading numbers of a body: 一、 for level 1, （一） for level 2, 1. for level 3, each restarting under its parent. */
export function headingNumbers(body: Block[]): Map<number, string> {
  const out = new Map<number, string>();
  let [a, b, c] = [0, 0, 0];
  body.forEach((block, i) => {
    if (block.type === 'heading1') {
      a += 1;
      [b, c] = [0, 0];
      out.set(i, `${chineseNumeral(a)}、`);
    } else if (block.type === 'heading2') {
      b += 1;
      c = 0;
      out.set(i, `（${chineseNumeral(b)}）`);
    } else if (block.type === 'heading3') {
      c += 1;
      out.set(i, `${c}.`);
    }
  });
  return out;
}

/** Characters of 2号 that fit the 156 mm block. */
export const TITLE_CHARS_PER_LINE = Math.floor(BLOCK_WIDTH_PT / SIZE.title);

const NO_LINE_START = /^[，。、；：？！”’）》〕]/u;
const NO_LINE_END = /[“‘（《〔]$/u;

/** Cost of breaking a title between chars[i-1] and chars[i]: inside quotes, a number or a word costs most. */
function breakCost(chars: string[], i: number, quoteDepth: number): number {
  if (NO_LINE_START.test(chars[i]) || NO_LINE_END.test(chars[i - 1])) return 1000;
  if (/[\w.]/u.test(chars[i - 1]) && /[\w.]/u.test(chars[i])) return 1000;
  if (quoteDepth > 0) return 40;
  if (/[的于和与及”）》]/u.test(chars[i - 1]) || chars[i] === '关') return 0;
  return 12;
}

/**
 * Break a title into lines symmetrically (GB/T 9704 §7.3.1): as few lines as fit, as even as possible, the
 * shorter above (an upright trapezoid), breaking after 的/于/closing quotes rather than inside a word or a
 * quotation. Explicit '\n' breaks are kept.
 */
export function titleLines(title: string, perLine = TITLE_CHARS_PER_LINE): string[] {
  if (title.includes('\n')) return title.split('\n').map((l) => l.trim()).filter(Boolean);
  const chars = [...title];
  if (chars.length <= perLine) return [title];
  const n = Math.ceil(chars.length / perLine);
  const depth: number[] = [];
  let open = 0;
  chars.forEach((ch, i) => {
    depth[i] = open;
    if (ch === '“') open += 1;
    if (ch === '”') open = Math.max(0, open - 1);
  });
  const ideal = chars.length / n;
  // best[k][i]: cheapest way to set chars[0..i) in k lines; from[k][i]: where the last of them starts
  const best = Array.from({ length: n + 1 }, () => new Array<number>(chars.length + 1).fill(Infinity));
  const from = Array.from({ length: n + 1 }, () => new Array<number>(chars.length + 1).fill(0));
  best[0][0] = 0;
  for (let k = 1; k <= n; k++) {
    for (let i = 1; i <= chars.length; i++) {
      for (let j = Math.max(0, i - perLine); j < i; j++) {
        if (best[k - 1][j] === Infinity || (j === 0) !== (k === 1)) continue;
        const len = i - j;
        // the top line a little shorter rather than longer: an upright trapezoid
        const shape = (len - ideal) ** 2 * 4 + (k === 1 && len > ideal ? 6 : 0);
        const cut = i < chars.length ? breakCost(chars, i, depth[i]) : 0;
        const cost = best[k - 1][j] + shape + cut;
        if (cost < best[k][i]) [best[k][i], from[k][i]] = [cost, j];
      }
    }
  }
  const lines: string[] = [];
  for (let k = n, i = chars.length; k > 0; i = from[k][i], k--) lines.unshift(chars.slice(from[k][i], i).join(''));
  return lines;
}

/** Size of the red issuing-body mark: as large as 36 pt, shrunk to fit one line of the block. */
export function markSizePt(name: string): number {
  return Math.min(36, Math.floor((BLOCK_WIDTH_PT / textEm(name)) * 0.95));
}

/**
 * Signature and date (§7.3.5): sealed — the date right-aligned 4 characters in, the signature centred over
 * the date; unsealed — the signature 2 characters in, the date starting 2 characters right of the signature's
 * start (or 2 in from the right when longer). Returns the right indents in characters of 3号.
 */
export function signatureIndents(signature: string, date: string, sealed: boolean): { signatureRight: number; dateRight: number } {
  const s = textEm(signature);
  const d = textEm(date);
  if (sealed) return { signatureRight: Math.max(0, 4 + (d - s) / 2), dateRight: 4 };
  let dateRight = s - d;
  let signatureRight = 2;
  if (dateRight < 2) {
    dateRight = 2;
    signatureRight = dateRight + d + 2 - s;
  }
  return { signatureRight, dateRight };
}

/** The seal: 42 mm across, centred over the date, its centre a little above the signature's line. */
export const SEAL = { diameterMm: 42, centreBelowSignatureTopPt: 10 } as const;
