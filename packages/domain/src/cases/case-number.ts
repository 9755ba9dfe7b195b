/**
 * Case and document numbers: pure formatting and parsing. The sequence (per institution and year)
 * is the server's job.
 */

/**
 * A document number (发文字号) per GB/T 9704-2012: issuer's short name and type word, the year in
 * hexagonal brackets 〔〕, the serial with no leading zeros and no 第, then 号:
 * `鄂维援〔2026〕123号`, `国知发保字〔2020〕22号`.
 */
export function formatDocumentNumber(p: { issuer: string; year: number; serial: number }): string {
  const issuer = p.issuer.trim();
  if (issuer === '' || /[〔〕[\]【】\s]/.test(issuer)) throw new RangeError(`Bad issuer code: "${p.issuer}"`);
  checkYear(p.year);
  checkSerial(p.serial);
  return `${issuer}〔${p.year}〕${p.serial}号`;
}

const DOC_RE = /^(.+?)〔(\d{4})〕([1-9]\d*)号$/;

/** The parts of a document number; also reads the common mistakes ([], 【】, （）, 第, leading zeros). */
export function parseDocumentNumber(text: string): { issuer: string; year: number; serial: number } | null {
  const t = text.trim();
  const strict = DOC_RE.exec(t);
  const loose = strict ?? /^(.+?)[〔[【（(](\d{4})[〕\]】）)]第?0*([1-9]\d*)号$/.exec(t);
  if (!loose) return null;
  return { issuer: loose[1], year: Number(loose[2]), serial: Number(loose[3]) };
}

/** The number written in the standard form, or null if it cannot be read. */
export function normalizeDocumentNumber(text: string): string | null {
  const p = parseDocumentNumber(text);
  return p ? formatDocumentNumber(p) : null;
}

/** A case number: institution code, year, zero-padded serial — `WH-2026-000123`. */
export function formatCaseNumber(p: { prefix: string; year: number; serial: number; width?: number }): string {
  if (!/^[A-Z0-9]{1,12}$/.test(p.prefix)) throw new RangeError(`Case number prefix must be A–Z or 0–9: "${p.prefix}"`);
  checkYear(p.year);
  checkSerial(p.serial);
  const width = p.width ?? 6;
  const digits = String(p.serial);
  if (digits.length > width) throw new RangeError(`Serial ${p.serial} does not fit in ${width} digits`);
  return `${p.prefix}-${p.year}-${digits.padStart(width, '0')}`;
}

export function parseCaseNumber(text: string): { prefix: string; year: number; serial: number } | null {
  const m = /^([A-Z0-9]{1,12})-(\d{4})-(\d+)$/.exec(text.trim().toUpperCase());
  if (!m || Number(m[3]) < 1) return null;
  return { prefix: m[1], year: Number(m[2]), serial: Number(m[3]) };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw new RangeError(`Bad year: ${year}`);
}

function checkSerial(serial: number): void {
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`Serial must be a whole number ≥ 1: ${serial}`);
}
