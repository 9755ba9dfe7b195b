import type { Dict } from '../../shared/i18n/index.ts';

export const auditMessages = {
  title: ['审计日志', 'Audit log'],
  seq: ['序号', 'Seq'],
  at: ['时间', 'Time'],
  actor: ['操作人', 'Actor'],
  action: ['操作', 'Action'],
  objectType: ['对象类型', 'Object type'],
  objectId: ['对象标识', 'Object id'],
  result: ['结果', 'Result'],
  ip: ['IP 地址', 'IP address'],
  requestId: ['请求号', 'Request id'],
  detail: ['详细信息', 'Detail'],
  hash: ['哈希', 'Hash'],
  period: ['时间范围', 'Period'],
  verify: ['校验哈希链', 'Verify the hash chain'],
  verifyOk: ['哈希链完整：已校验 {n} 条记录', 'The chain is intact: {n} entries checked'],
  verifyBad: ['哈希链在第 {seq} 条记录处断裂（已校验 {n} 条）', 'The chain breaks at entry {seq} ({n} checked)'],
} satisfies Dict;
