import type { Dict } from '../../shared/i18n/index.ts';

export const directoryMessages = {
  title: ['机构名录', 'Institution directory'],
  intro: ['查找离您最近的知识产权维权援助机构，就近获得公益服务。', 'Find an IP assistance institution near you and get free help.'],
  keyword: ['机构名称或地址', 'Name or address'],
  type: ['机构类型', 'Type'],
  service: ['服务事项', 'Service'],
  ipType: ['知识产权类型', 'IP type'],
  address: ['地址', 'Address'],
  tel: ['电话', 'Telephone'],
  hours: ['服务时间', 'Opening hours'],
  website: ['网站', 'Website'],
  services: ['服务事项', 'Services'],
  ipTypes: ['知识产权类型', 'IP types'],
  parent: ['上级机构', 'Parent institution'],
  none: ['暂无符合条件的机构', 'No institution matches'],
  more: ['查看详情', 'Details'],
  call: ['拨打电话', 'Call'],
  backToList: ['返回名录', 'Back to the directory'],
  filters: ['筛选条件', 'Filters'],
  filtersOn: ['筛选条件（已选 {n} 项）', 'Filters ({n} set)'],
  found: ['找到 {n} 个机构', '{n} institutions found'],
} satisfies Dict;
