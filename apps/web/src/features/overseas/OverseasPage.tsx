import { caseFields, countries, ipTypes, overseasKinds } from '@yuanzhi/contracts';
import { Card, Tabs } from 'antd';
import { useBi } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RegistryPage } from '../registries/RegistryPage.tsx';
import type { FieldUi, RegistryUi } from '../registries/types.ts';

const common: FieldUi[] = [
  { key: 'title', zh: '名称', en: 'Title', type: 'text', required: true, max: 300, column: true },
  { key: 'country', zh: '国家或地区', en: 'Country', type: 'country', list: countries, required: true, column: true },
  { key: 'industries', zh: '行业领域', en: 'Industries', type: 'multi', list: caseFields, column: true },
  { key: 'ipTypes', zh: '知识产权类型', en: 'IP types', type: 'multi', list: ipTypes, column: true },
];
const byKind: Record<string, FieldUi[]> = {
  law: [
    { key: 'organisation', zh: '发布机关', en: 'Issued by', type: 'text', max: 200, column: true },
    { key: 'datedOn', zh: '施行日期', en: 'In force from', type: 'date', column: true },
    { key: 'sourceUrl', zh: '来源链接', en: 'Source', type: 'url' },
    { key: 'summary', zh: '要点摘要', en: 'Summary', type: 'textarea', max: 4000 },
  ],
  case: [
    { key: 'organisation', zh: '审理法院或机构', en: 'Court', type: 'text', max: 200, column: true },
    { key: 'datedOn', zh: '裁判日期', en: 'Decided on', type: 'date', column: true },
    { key: 'sourceUrl', zh: '来源链接', en: 'Source', type: 'url' },
    { key: 'summary', zh: '案情与启示', en: 'Summary', type: 'textarea', max: 4000 },
  ],
  enterprise: [
    { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', type: 'creditCode', required: true, column: true },
    { key: 'summary', zh: '主要出口产品与市场', en: 'Exports', type: 'textarea', max: 4000 },
  ],
  lawyer: [
    { key: 'organisation', zh: '所在律所', en: 'Firm', type: 'text', max: 200, column: true },
    { key: 'languages', zh: '工作语言', en: 'Languages', type: 'languages', column: true },
    { key: 'email', zh: '电子邮箱', en: 'Email', type: 'email' },
    { key: 'phone', zh: '联系电话', en: 'Phone', type: 'text', max: 20, formOnly: true },
    { key: 'phoneMasked', zh: '联系电话', en: 'Phone', type: 'text', readOnly: true },
    { key: 'summary', zh: '擅长领域', en: 'Practice', type: 'textarea', max: 4000 },
  ],
};

const uiOf = (kind: (typeof overseasKinds)[number]): RegistryUi => ({
  key: `overseas-${kind.value}`,
  api: '/api/overseas',
  title: [kind.zh, kind.en],
  perms: { read: 'overseas.read', manage: 'overseas.manage', export: 'overseas.export' },
  nameKey: 'title',
  fields: [...common, ...byKind[kind.value]],
  filters: [
    { key: 'country', zh: '国家或地区', en: 'Country', list: countries, width: 130 },
    { key: 'industry', zh: '行业领域', en: 'Industry', list: caseFields },
    { key: 'ipType', zh: '知识产权类型', en: 'IP type', list: ipTypes },
  ],
  statuses: [{ value: 'active', zh: '有效', en: 'Active' }, { value: 'archived', zh: '已归档', en: 'Archived' }],
  fixed: { kind: kind.value },
  toBody: kind.value === 'lawyer' ? ({ phone, ...rest }, rec) => (phone || !rec ? { ...rest, phone } : rest) : undefined,
  toForm: (r) => ({ ...r, phone: null }),
  importHint: ['第 1 行为中文表头，须有“类别”“名称”“国家或地区”列；四个库可在一个文件中一并导入。', 'Row 1 holds the Chinese headers, with 类别, 名称 and 国家或地区; all four libraries can share one file.'],
});

/** 海外资源库: foreign laws and regulations, foreign cases, exporting enterprises, overseas lawyers. */
export function OverseasPage() {
  const bi = useBi();
  useTitle(bi('海外资源库', 'Overseas libraries'));
  return (
    <Card title={bi('海外资源库', 'Overseas libraries')}>
      <Tabs destroyOnHidden items={overseasKinds.map((k) => ({ key: k.value, label: bi(k.zh, k.en), children: <RegistryPage ui={uiOf(k)} embedded /> }))} />
    </Card>
  );
}
