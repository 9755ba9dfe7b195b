/**
 * The seal area: a red ring with the seal text round the top and a star in the middle, as SVG (for the HTML
 * and for Word, which renders SVG) with a plain-ring PNG as the fallback .docx requires for older readers.
 * It marks where the seal goes; it is not an electronic signature.
 */
import zlib from 'node:zlib';
import { RED } from './documents.layout.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An SVG seal `size` units across (viewBox 0 0 size size). */
export function sealSvg(text: string, size = 160): string {
  const c = size / 2;
  const ring = size * 0.03;
  const r = c - ring / 2 - 1;
  const chars = [...text];
  const fontSize = Math.min(size * 0.13, (Math.PI * 1.25 * (r - size * 0.1)) / Math.max(chars.length, 1));
  const textR = r - ring - size * 0.035; // the characters hang from just inside the ring
  const span = Math.min(250, chars.length * ((fontSize * 1.08) / (textR - fontSize / 2)) * (180 / Math.PI));
  const parts = chars.map((ch, i) => {
    const angle = chars.length === 1 ? 0 : -span / 2 + (span * i) / (chars.length - 1);
    return `<text x="${c}" y="${(c - textR).toFixed(2)}" transform="rotate(${angle.toFixed(2)} ${c} ${c})">${esc(ch)}</text>`;
  });
  const star = Array.from({ length: 10 }, (_, i) => {
    const rr = i % 2 === 0 ? size * 0.14 : size * 0.055;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(c + rr * Math.cos(a)).toFixed(2)},${(c + rr * Math.sin(a)).toFixed(2)}`;
  }).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">`,
    `<g fill="#${RED}" fill-opacity="0.85" stroke="none">`,
    `<circle cx="${c}" cy="${c}" r="${r.toFixed(2)}" fill="none" stroke="#${RED}" stroke-opacity="0.85" stroke-width="${ring.toFixed(2)}"/>`,
    `<polygon points="${star}"/>`,
    `<g font-family="SimSun, 宋体, 'YZ Noto Serif Bold', 'YZ Noto Serif', serif" font-weight="700" font-size="${fontSize.toFixed(2)}" text-anchor="middle" dominant-baseline="hanging">`,
    ...parts,
    '</g></g></svg>',
  ].join('');
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A transparent PNG of a red ring, `size` pixels across: the fallback for readers without SVG. */
export function sealRingPng(size = 320): Buffer {
  const [rr, gg, bb] = [0, 2, 4].map((i) => parseInt(RED.slice(i, i + 2), 16));
  const c = size / 2;
  const outer = c - 1;
  const inner = outer - size * 0.03;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const coverage = Math.max(0, Math.min(1, outer - d + 0.5, d - inner + 0.5));
      const p = row + 1 + x * 4;
      raw[p] = rr;
      raw[p + 1] = gg;
      raw[p + 2] = bb;
      raw[p + 3] = Math.round(coverage * 217);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
