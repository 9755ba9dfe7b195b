/** The parts every template shares: issuer, number, signature, dates and the closing block. */
import { contactLine, dateText, rightPhrase, type DocumentCaseData } from './documents.data.ts';
import type { Block, DocumentKind, OfficialDocument } from './documents.model.ts';

export function frame(
  d: DocumentCaseData,
  kind: DocumentKind,
  parts: { title: string; addressee: string; body: Block[] },
): OfficialDocument {
  const date = dateText(d.date);
  return {
    kind,
    issuer: { name: d.issuer.name, shortName: d.issuer.shortName, sealText: d.issuer.sealText },
    docNumber: d.docNumber,
    title: parts.title,
    addressee: parts.addressee,
    body: parts.body,
    attachments: d.attachments ?? [],
    signature: d.issuer.name,
    date,
    copiesTo: d.copiesTo ?? [],
    printedBy: d.issuer.name,
    printedOn: d.printedOn ? dateText(d.printedOn) : date,
  };
}

export const p = (text: string): Block => ({ type: 'paragraph', text });
export const h1 = (text: string): Block => ({ type: 'heading1', text });
export const list = (items: string[]): Block => ({ type: 'list', items });

/** 你方于2026年11月18日提交的关于专利“…”（…）的维权援助申请（案件编号：…） */
export function applicationPhrase(d: DocumentCaseData, what = '维权援助申请'): string {
  const when = d.receivedOn ? `于${dateText(d.receivedOn)}` : '';
  return `${when}提交的关于${rightPhrase(d)}的${what}（案件编号：${d.caseNumber}）`;
}

/** The contact paragraph, when there is one. */
export function contact(d: DocumentCaseData): Block[] {
  const line = contactLine(d);
  return line ? [p(line)] : [];
}

/** Reasons written as one clause: 甲；乙 → “甲；乙”. */
export function clause(items: string[] | undefined, fallback: string): string {
  const text = (items ?? []).map((s) => s.replace(/[。；;，,\s]+$/u, '')).join('；');
  return text || fallback;
}
