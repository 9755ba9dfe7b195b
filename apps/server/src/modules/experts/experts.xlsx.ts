import {
  caseFields, expertAvailabilities, expertKinds, expertServices, interestKinds, ipTypes, labelOf,
} from '@yuanzhi/contracts';
import { readSheet, SEP, writeSheet, type Column } from '../registries/sheet.ts';
import type { Expert } from './experts.presenter.ts';

export type { Column, SheetRow } from '../registries/sheet.ts';

/**
 * The expert workbook, laid out like the institutions one: Chinese headers in row 1, code identifiers in row 2,
 * data from row 3 (a file with only the Chinese header row is read from row 2). Lists are joined with 、;
 * declared interests as 类别:名称(统一社会信用代码), separated by ；.
 */
export const expertColumns: Column[] = [
  { key: 'name', zh: '姓名', width: 12 },
  { key: 'employer', zh: '工作单位', width: 28 },
  { key: 'employerCreditCode', zh: '单位统一社会信用代码', width: 22 },
  { key: 'title', zh: '职称', width: 14 },
  { key: 'idNumber', zh: '身份证号码', width: 22, importOnly: true },
  { key: 'idNumberMasked', zh: '身份证号码（脱敏）', width: 22, exportOnly: true },
  { key: 'phone', zh: '手机号码', width: 14, importOnly: true },
  { key: 'phoneMasked', zh: '手机号码（脱敏）', width: 14, exportOnly: true },
  { key: 'email', zh: '电子邮箱', width: 22 },
  { key: 'kinds', zh: '专家类别', width: 20, list: expertKinds, multi: true },
  { key: 'ipc', zh: 'IPC分类', width: 14, multi: true },
  { key: 'industries', zh: '行业领域', width: 18, list: caseFields, multi: true },
  { key: 'ipTypes', zh: '知识产权类型', width: 18, list: ipTypes, multi: true },
  { key: 'services', zh: '服务类型', width: 22, list: expertServices, multi: true },
  { key: 'regions', zh: '服务地区代码', width: 16, multi: true },
  { key: 'languages', zh: '工作语言', width: 10, multi: true },
  { key: 'jurisdictions', zh: '熟悉法域', width: 10, multi: true },
  { key: 'availability', zh: '可用状态', width: 10, list: expertAvailabilities },
  { key: 'maxOpen', zh: '同时承办上限', width: 8 },
  { key: 'interests', zh: '申报利害关系', width: 40 },
  { key: 'qualification', zh: '资格证书', width: 18 },
  { key: 'qualificationExpires', zh: '证书有效期至', width: 12 },
  { key: 'notes', zh: '备注', width: 24 },
];

export { SEP };
export const interestText = (i: { kind: string; name: string; creditCode: string | null }) =>
  `${labelOf(interestKinds, i.kind)}:${i.name}${i.creditCode ? `(${i.creditCode})` : ''}`;

export async function buildExpertWorkbook(rows: Expert[]): Promise<Buffer> {
  return writeSheet('专家', expertColumns, rows.map((e) => {
    const q = e.qualifications[0];
    return { ...e, interests: e.interests.map(interestText).join('；'), qualification: q?.name ?? null, qualificationExpires: q?.expiresOn ?? null };
  }));
}

/** Read the first sheet: unknown or repeated headers refuse the file; merged cells are flagged on every row they touch. */
export const readExpertSheet = (buffer: Buffer) => readSheet(buffer, expertColumns, 'name');
