import { zipEntryNames } from './zip.ts';
import { TypeNotAllowed } from './errors.ts';

/** What the first bytes say; ZIP and OLE2 need a second look (the entries, the extension). */
export type HeadKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'zip' | 'ole2' | 'text';

const starts = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffHead(b: Buffer): HeadKind {
  if (starts(b, ascii('%PDF-'))) return 'pdf';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a'))) return 'gif';
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return 'webp';
  if (starts(b, ascii('BM')) && b.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(b.readUInt32LE(14))) return 'bmp';
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  return 'text';
}

/** Accepted types: the media type we store and serve, and the extensions a file of that type may carry. */
export const ACCEPTED: Record<string, { mediaType: string; exts: string[] }> = {
  pdf: { mediaType: 'application/pdf', exts: ['pdf'] },
  png: { mediaType: 'image/png', exts: ['png'] },
  jpeg: { mediaType: 'image/jpeg', exts: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  gif: { mediaType: 'image/gif', exts: ['gif'] },
  webp: { mediaType: 'image/webp', exts: ['webp'] },
  bmp: { mediaType: 'image/bmp', exts: ['bmp'] },
  tiff: { mediaType: 'image/tiff', exts: ['tif', 'tiff'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exts: ['xlsx'] },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', exts: ['pptx'] },
  ofd: { mediaType: 'application/ofd', exts: ['ofd'] },
  doc: { mediaType: 'application/msword', exts: ['doc', 'wps'] },
  xls: { mediaType: 'application/vnd.ms-excel', exts: ['xls', 'et'] },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', exts: ['ppt', 'dps'] },
  txt: { mediaType: 'text/plain; charset=utf-8', exts: ['txt'] },
};

/** Declared types that are refused whatever the bytes say: a client calling a file HTML/SVG/script means trouble. */
const DANGEROUS_DECLARED = /^(text\/html|application\/xhtml|image\/svg|text\/xml|application\/xml|[a-z]+\/(x-)?(java|ecma)script|application\/x-(msdownload|msdos-program|sh|bat|executable|httpd-php)|application\/(vnd\.microsoft\.portable-executable|hta))/i;

export interface Inspection {
  head: Buffer;
  pdfHasScript: boolean;
  textValid: boolean;
}

/** The final verdict on a complete temp file: its accepted type key, or a 415 naming why. */
export async function decideType(file: string, size: number, ext: string, declaredType: string | undefined, ins: Inspection): Promise<string> {
  if (declaredType && DANGEROUS_DECLARED.test(declaredType.trim())) throw TypeNotAllowed('active_content');
  const kind = sniffHead(ins.head);
  let type: string;
  if (kind === 'zip') {
    const names = await zipEntryNames(file, size);
    if (!names) throw TypeNotAllowed('unknown_type');
    if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) throw TypeNotAllowed('macro');
    if (names.includes('[Content_Types].xml')) {
      const has = (dir: string) => names.some((n) => n.startsWith(dir));
      if (has('word/')) type = 'docx';
      else if (has('xl/')) type = 'xlsx';
      else if (has('ppt/')) type = 'pptx';
      else throw TypeNotAllowed('plain_zip');
    } else if (names.includes('OFD.xml')) type = 'ofd';
    else throw TypeNotAllowed('plain_zip');
  } else if (kind === 'ole2') {
    // The compound file's streams are not parsed: the extension chooses among the legacy Office types.
    const found = ['doc', 'xls', 'ppt'].find((t) => ACCEPTED[t].exts.includes(ext));
    if (!found) throw TypeNotAllowed(ext ? 'extension_mismatch' : 'unknown_type');
    type = found;
  } else if (kind === 'text') {
    if (ext !== 'txt') throw TypeNotAllowed(knownExt(ext) ? 'extension_mismatch' : 'unknown_type');
    if (!ins.textValid) throw TypeNotAllowed('not_utf8_text');
    if (looksLikeMarkup(ins.head)) throw TypeNotAllowed('active_content');
    type = 'txt';
  } else {
    type = kind;
  }
  if (!ACCEPTED[type].exts.includes(ext)) throw TypeNotAllowed('extension_mismatch');
  if (type === 'pdf' && ins.pdfHasScript) throw TypeNotAllowed('pdf_javascript');
  return type;
}

const knownExt = (ext: string) => Object.values(ACCEPTED).some((a) => a.exts.includes(ext));

/** HTML, SVG, XML or a script dressed as .txt: refused, so no reader can be tricked into rendering it. */
function looksLikeMarkup(head: Buffer): boolean {
  const s = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return s.startsWith('<') || s.startsWith('#!') || /<\s*(html|script|svg|iframe|body|!doctype|\?xml)\b/i.test(s);
}
