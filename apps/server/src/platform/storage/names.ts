/** File names as the user gave them are display text only: they never reach a path on disk. */

const MAX_NAME = 200;
const MAX_EXT = 10;

/** Last path part, NFC, no control/format characters (incl. bidi overrides), no reserved characters, ≤ 200 characters. */
export function sanitizeName(raw: string | undefined | null): string {
  let s = (raw ?? '').normalize('NFC');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
  s = s.replace(/[<>:"|?*]/g, '_');
  s = s.replace(/\s+/gu, ' ').trim();
  s = s.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  if (s === '') s = 'file';
  const chars = Array.from(s);
  if (chars.length <= MAX_NAME) return s;
  const ext = extensionOf(s);
  const keep = ext ? Array.from(ext).length + 1 : 0;
  const base = chars.slice(0, chars.length - keep).slice(0, MAX_NAME - keep).join('').trimEnd();
  return ext ? `${base}.${ext}` : base;
}

/** Lower-case extension without the dot, or '' when there is none (or it is implausibly long). */
export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  if (i <= 0 || i === name.length - 1) return '';
  const ext = name.slice(i + 1);
  return ext.length <= MAX_EXT && /^[\p{L}\p{N}]+$/u.test(ext) ? ext.toLowerCase() : '';
}

/** RFC 5987/6266: an ASCII fallback and the UTF-8 name, so Chinese names survive every browser. */
export function contentDisposition(name: string): string {
  const safe = sanitizeName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
