/**
 * An official document (公文) as the platform issues it, laid out by GB/T 9704-2012. One model, two renderings:
 * .docx (documents.docx.ts) and PDF (documents.pdf.ts, from the HTML of documents.html.ts).
 */

export const DOCUMENT_KINDS = [
  'acceptance_notice',
  'decline_notice',
  'supplement_request',
  'guidance_letter',
  'infringement_opinion',
  'transfer_letter',
  'referral_letter',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 发文机关: its full name heads the document in red; the seal carries sealText. */
export interface Issuer {
  name: string;
  shortName: string;
  /** The text round the seal. Absent: the document is laid out unsealed (no seal area). */
  sealText?: string;
}

/** Headings are numbered by the renderer: 一、 / （一） / 1. — the text carries no number. */
export type Block =
  | { type: 'heading1'; text: string }
  | { type: 'heading2'; text: string }
  | { type: 'heading3'; text: string }
  | { type: 'paragraph'; text: string }
  /** Items numbered （1）（2）… unless `numbered` is false. */
  | { type: 'list'; items: string[]; numbered?: boolean }
  | { type: 'table'; columns: string[]; rows: string[][]; caption?: string };

export interface OfficialDocument {
  kind: DocumentKind;
  issuer: Issuer;
  /** 发文字号, e.g. 鄂维援受字〔2026〕12号 (see formatDocNumber). */
  docNumber: string;
  title: string;
  /** 主送: written flush left, followed by a full-width colon. */
  addressee: string;
  body: Block[];
  /** 附件: names only; the files travel separately. */
  attachments: string[];
  /** 署名 */
  signature: string;
  /** 成文日期, already written out: 2026年11月22日 (see formatChineseDate). */
  date: string;
  /** 抄送 */
  copiesTo: string[];
  /** 印发机关 */
  printedBy: string;
  /** 印发日期, written like the date. */
  printedOn: string;
}
