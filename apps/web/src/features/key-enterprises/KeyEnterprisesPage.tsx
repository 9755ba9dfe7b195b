import { caseFields, enterpriseSizes, enterpriseTags } from '@yuanzhi/contracts';
import { useBi } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RegistryPage } from '../registries/RegistryPage.tsx';
import type { RegistryUi } from '../registries/types.ts';
import { EnterpriseLog } from './EnterpriseLog.tsx';

const liaisonFilter = [
  { value: 'mine', zh: '我联络的企业', en: 'My enterprises' },
  { value: 'none', zh: '未指定联络员', en: 'No liaison' },
] as const;

/** 重点企业保护名录 with the liaison officer and the log of contacts and services. */
export const keyEnterpriseUi: RegistryUi = {
  key: 'key-enterprise',
  api: '/api/key-enterprises',
  title: ['重点企业保护名录', 'Key-enterprise protection list'],
  perms: { read: 'key_enterprise.read', manage: 'key_enterprise.manage', export: 'key_enterprise.export' },
  nameKey: 'name',
  fields: [
    { key: 'name', zh: '企业名称', en: 'Name', type: 'text', required: true, max: 200, column: true },
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', type: 'creditCode', required: true, column: true },
    { key: 'size', zh: '企业规模', en: 'Size', type: 'select', list: enterpriseSizes, column: true },
    { key: 'tags', zh: '企业标签', en: 'Tags', type: 'multi', list: enterpriseTags, column: true },
    { key: 'industry', zh: '所属行业', en: 'Industry', type: 'select', list: caseFields, column: true },
    { key: 'regionCode', zh: '行政区划代码', en: 'Region code', type: 'text', max: 6 },
    { key: 'liaisonUserId', zh: '知识产权联络员', en: 'IP liaison officer', type: 'liaison', formOnly: true },
    { key: 'liaisonName', zh: '知识产权联络员', en: 'IP liaison officer', type: 'text', readOnly: true, column: true },
    { key: 'contactName', zh: '企业联系人', en: 'Enterprise contact', type: 'text', max: 50 },
    { key: 'contactPhone', zh: '企业联系电话', en: 'Contact phone', type: 'mobile', formOnly: true },
    { key: 'contactPhoneMasked', zh: '企业联系电话', en: 'Contact phone', type: 'text', readOnly: true },
    { key: 'listedOn', zh: '列入名录日期', en: 'Listed on', type: 'date' },
    { key: 'notes', zh: '备注', en: 'Notes', type: 'textarea', max: 2000 },
  ],
  filters: [
    { key: 'tag', zh: '企业标签', en: 'Tag', list: enterpriseTags },
    { key: 'size', zh: '企业规模', en: 'Size', list: enterpriseSizes, width: 120 },
    { key: 'industry', zh: '所属行业', en: 'Industry', list: caseFields },
    { key: 'liaison', zh: '联络员', en: 'Liaison', list: liaisonFilter },
  ],
  statuses: [{ value: 'active', zh: '在册', en: 'Listed' }, { value: 'removed', zh: '已移出', en: 'Removed' }],
  // An empty phone on edit keeps the stored one.
  toBody: ({ contactPhone, ...rest }, rec) => (contactPhone || !rec ? { ...rest, contactPhone } : rest),
  toForm: (r) => ({ ...r, contactPhone: null }),
  extra: (rec) => <EnterpriseLog rec={rec} />,
  importHint: ['第 1 行为中文表头，须有“企业名称”和“统一社会信用代码”列；联络员填写其登录账号。', 'Row 1 holds the Chinese headers, with 企业名称 and 统一社会信用代码; the liaison is given by account name.'],
};

export function KeyEnterprisesPage() {
  const bi = useBi();
  useTitle(bi(...keyEnterpriseUi.title));
  return <RegistryPage ui={keyEnterpriseUi} />;
}
