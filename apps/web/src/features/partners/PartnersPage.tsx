import { partnerKinds, partnerOffers, partnerStatuses } from '@yuanzhi/contracts';
import { useBi } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RegistryPage } from '../registries/RegistryPage.tsx';
import type { RegistryUi } from '../registries/types.ts';

const agreements = [
  { value: 'valid', zh: '协议有效', en: 'Agreement in force' },
  { value: 'expired', zh: '协议已到期', en: 'Agreement expired' },
  { value: 'none', zh: '未签协议', en: 'No agreement' },
] as const;

/** 合作单位库. The form holds one contact person; the API keeps a list (the first is shown and edited here). */
export const partnerUi: RegistryUi = {
  key: 'partner',
  api: '/api/partners',
  title: ['合作单位库', 'Partner organisations'],
  perms: { read: 'partner.read', manage: 'partner.manage', export: 'partner.export' },
  nameKey: 'name',
  fields: [
    { key: 'name', zh: '单位名称', en: 'Name', type: 'text', required: true, max: 200, column: true },
    { key: 'kind', zh: '单位类别', en: 'Kind', type: 'select', list: partnerKinds, required: true, column: true },
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', type: 'creditCode', column: true },
    { key: 'regionCode', zh: '行政区划代码', en: 'Region code', type: 'text', max: 6 },
    { key: 'signedOn', zh: '协议签订日期', en: 'Agreement signed', type: 'date' },
    { key: 'validUntil', zh: '协议有效期至', en: 'Valid until', type: 'date', column: true },
    { key: 'provides', zh: '合作内容', en: 'Provides', type: 'multi', list: partnerOffers, column: true },
    { key: 'contactName', zh: '联系人', en: 'Contact', type: 'text', max: 50 },
    { key: 'contactTitle', zh: '联系人职务', en: 'Contact title', type: 'text', max: 50 },
    { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', type: 'mobile', formOnly: true },
    { key: 'contactPhoneMasked', zh: '联系电话', en: 'Contact phone', type: 'text', readOnly: true },
    { key: 'notes', zh: '备注', en: 'Notes', type: 'textarea', max: 2000 },
  ],
  filters: [
    { key: 'kind', zh: '单位类别', en: 'Kind', list: partnerKinds },
    { key: 'provides', zh: '合作内容', en: 'Provides', list: partnerOffers },
    { key: 'agreement', zh: '协议状态', en: 'Agreement', list: agreements },
  ],
  statuses: partnerStatuses,
  // One contact in the form; an empty phone on edit keeps the stored one (the server never sends it back).
  toBody: ({ contactName, contactTitle, contactPhone, ...rest }, rec) => {
    if (!contactName) return rec && !rec.contactName ? rest : { ...rest, contacts: [] };
    return { ...rest, contacts: [{ name: contactName, title: contactTitle, ...(contactPhone || !rec ? { phone: contactPhone } : {}) }] };
  },
  toForm: (r) => ({ ...r, contactPhone: null }),
  importHint: ['第 1 行为中文表头（与导出文件相同），须有“单位名称”和“单位类别”列。', 'Row 1 holds the Chinese headers (as in the export), with 单位名称 and 单位类别.'],
};

export function PartnersPage() {
  const bi = useBi();
  useTitle(bi(...partnerUi.title));
  return <RegistryPage ui={partnerUi} />;
}
