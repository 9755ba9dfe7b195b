/**
 * What the templates need from a case. Loose on purpose: the case module maps its records to this shape.
 * Dates are a Date (read in China Standard Time) or a 'YYYY-MM-DD' string.
 */
import { ipTypes, labelOf, services } from '@yuanzhi/contracts';
import { formatChineseDate } from './documents.date.ts';
import type { Issuer } from './documents.model.ts';

export type DateLike = Date | string;

export interface ComparedFeature {
  /** 技术特征 / 商标要素 / 作品内容 … */
  item: string;
  /** what the right covers (the claim feature, the registered mark) */
  protected: string;
  /** what the accused product or sign shows */
  accused: string;
  /** 相同 / 等同 / 近似 / 不相同 … */
  finding: string;
}

export interface DocumentCaseData {
  issuer: Issuer & { address?: string; phone?: string };
  docNumber: string;
  /** 成文日期 */
  date: DateLike;
  /** 印发日期 (defaults to the date) */
  printedOn?: DateLike;
  caseNumber: string;
  applicant: { name: string };
  /** an IpType code (patent, trademark …) or a label */
  ipType?: string;
  /** 专利名称、商标、作品名称 … */
  ipTitle?: string;
  /** 专利号、注册号、登记号 */
  ipNumber?: string;
  /** a Service code (consultation, infringement_opinion …) or a label */
  service?: string;
  /** 申请日期 */
  receivedOn?: DateLike;
  opposingParty?: string;
  handler?: { name: string; phone?: string };
  /** why the case is declined / transferred / referred, or what the guidance answers */
  reasons?: string[];
  /** what the applicant must supply, and by when */
  supplement?: { items: string[]; dueOn?: DateLike; workingDays?: number };
  /** 办理时限 promised on acceptance, in working days */
  timeLimitDays?: number;
  guidance?: { facts?: string; analysis: string[]; advice: string[] };
  opinion?: {
    conclusion: 'likely' | 'unlikely' | 'cannot_tell';
    reasoning: string[];
    compared?: ComparedFeature[];
    /** the claims or marks compared, e.g. 权利要求1 or 第12345678号注册商标 */
    comparedWhat?: string;
    experts?: string[];
  };
  /** the institution a case is transferred to */
  target?: { name: string };
  /** the outside body a case is referred to (court, 12315, a mediation committee, an e-commerce platform …) */
  outsideBody?: { name: string; kind?: string; expectedReplyOn?: DateLike; requests?: string[] };
  attachments?: string[];
  copiesTo?: string[];
}

export const ipTypeLabel = (v?: string) => (v ? labelOf(ipTypes, v) : '知识产权');
export const serviceLabel = (v?: string) => (v ? labelOf(services, v) : '维权援助');

/** 专利“一种折叠椅”（ZL202310001234.5） — the right concerned, as prose. */
export function rightPhrase(d: DocumentCaseData): string {
  const type = ipTypeLabel(d.ipType);
  const title = d.ipTitle ? `“${d.ipTitle}”` : '';
  const number = d.ipNumber ? `（${d.ipNumber}）` : '';
  return `${type}${title}${number}`;
}

export const dateText = (v: DateLike) => formatChineseDate(v);

/** The contact paragraph closing most letters. */
export function contactLine(d: DocumentCaseData): string | null {
  const bits: string[] = [];
  if (d.handler) bits.push(`联系人：${d.handler.name}`);
  const phone = d.handler?.phone ?? d.issuer.phone;
  if (phone) bits.push(`联系电话：${phone}`);
  if (d.issuer.address) bits.push(`地址：${d.issuer.address}`);
  return bits.length ? `${bits.join('；')}。` : null;
}
