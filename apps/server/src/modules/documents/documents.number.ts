/**
 * 发文字号 (GB/T 9704-2012 §7.2.4): issuing body's short name + type word + year in hexagonal brackets 〔〕 +
 * serial number with no leading zeros and no 第, e.g. 鄂维援受字〔2026〕12号.
 */

export interface DocNumberParts {
  prefix: string;
  typeWord: string;
  year: number;
  serial: number;
}

export class InvalidDocNumber extends Error {
  constructor(readonly field: keyof DocNumberParts | 'docNumber', message: string) {
    super(message);
    this.name = 'InvalidDocNumber';
  }
}

const FORBIDDEN = /[〔〕【】[\]()（）{}<>《》\s\d第号]/u;

/** The type word used for each kind of document (the case module numbers per institution, year and word). */
export const DOC_TYPE_WORDS = {
  acceptance_notice: '受字',
  decline_notice: '受字',
  supplement_request: '补字',
  guidance_letter: '指字',
  infringement_opinion: '意字',
  transfer_letter: '移字',
  referral_letter: '转字',
} as const;

function check(parts: DocNumberParts): void {
  if (!parts.prefix || FORBIDDEN.test(parts.prefix)) {
    throw new InvalidDocNumber('prefix', `机关代字不能为空，也不能含括号、数字、空格、“第”或“号”：${parts.prefix}`);
  }
  if (FORBIDDEN.test(parts.typeWord)) {
    throw new InvalidDocNumber('typeWord', `类别字不能含括号、数字、空格、“第”或“号”：${parts.typeWord}`);
  }
  if (!Number.isInteger(parts.year) || parts.year < 1949 || parts.year > 9999) {
    throw new InvalidDocNumber('year', `年份应为四位整数：${parts.year}`);
  }
  if (!Number.isSafeInteger(parts.serial) || parts.serial < 1) {
    throw new InvalidDocNumber('serial', `发文顺序号应为正整数：${parts.serial}`);
  }
}

/** 鄂维援 + 受字 + 2026 + 12 → 鄂维援受字〔2026〕12号. The type word is written as given (with or without 字). */
export function formatDocNumber(prefix: string, typeWord: string, year: number, serial: number): string {
  const parts = { prefix: prefix.trim(), typeWord: typeWord.trim(), year, serial };
  check(parts);
  return `${parts.prefix}${parts.typeWord}〔${year}〕${serial}号`;
}

const PATTERN = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/u;

/**
 * Read a document number back into its parts, or throw InvalidDocNumber naming what is wrong. The prefix and
 * the type word cannot be told apart in general; a trailing 字 word (受字) is taken as the type word, else none.
 */
export function parseDocNumber(docNumber: string): DocNumberParts {
  if (/[【】[\]]/u.test(docNumber)) throw new InvalidDocNumber('docNumber', `年份应使用六角括号〔〕：${docNumber}`);
  if (/第/u.test(docNumber)) throw new InvalidDocNumber('docNumber', `发文顺序号前不加“第”：${docNumber}`);
  if (/〕0\d*号$/u.test(docNumber)) throw new InvalidDocNumber('serial', `发文顺序号不编虚位（不加前导零）：${docNumber}`);
  const m = PATTERN.exec(docNumber);
  if (!m) throw new InvalidDocNumber('docNumber', `发文字号格式应为“机关代字+类别字〔年份〕序号号”：${docNumber}`);
  const head = m[1];
  const word = /^(.+?)(.字)$/u.exec(head);
  const parts = { prefix: word ? word[1] : head, typeWord: word ? word[2] : '', year: Number(m[2]), serial: Number(m[3]) };
  check(parts);
  return parts;
}

export function isValidDocNumber(docNumber: string): boolean {
  try {
    parseDocNumber(docNumber);
    return true;
  } catch {
    return false;
  }
}
