import {
  analysisPurposes, analysisPurposeValues, caseChannels, caseChannelValues, historyKinds, historyKindValues, ipTypes, ipTypeValues,
  partyKinds, partyKindValues, services, serviceValues, yesNo,
} from '@yuanzhi/contracts';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ImportableDef, Values } from '../../registries/registry.def.ts';
import type { Column } from '../../registries/sheet.ts';

/**
 * The historical import described for the registries' import engine (modules/registries/registry.import.ts): one
 * spreadsheet row is one past record. The engine checks every row and writes nothing unless the whole file is clean.
 */
export const historyColumns: readonly Column[] = [
  { key: 'kind', zh: '记录类型', width: 14, list: historyKinds },
  { key: 'occurredOn', zh: '日期', width: 14, date: true },
  { key: 'channel', zh: '受理途径', width: 14, list: caseChannels },
  { key: 'ipType', zh: '知识产权类型', width: 16, list: ipTypes },
  { key: 'applicantKind', zh: '申请人类型', width: 14, list: partyKinds },
  { key: 'services', zh: '服务类型', width: 24, list: services, multi: true },
  { key: 'overseas', zh: '涉外', width: 8, list: yesNo },
  { key: 'sme', zh: '中小微企业', width: 12, list: yesNo },
  { key: 'attendance', zh: '参加人次', width: 10 },
  { key: 'purpose', zh: '分析用途', width: 16, list: analysisPurposes },
];

/** Two example rows of the template: an accepted case and a training. */
export const templateExamples: Record<string, unknown>[] = [
  { kind: 'case', occurredOn: '2023-05-12', channel: 'walk_in', ipType: 'patent', applicantKind: 'legal_person', services: ['consultation', 'mediation'], overseas: 'no', sme: 'yes' },
  { kind: 'training', occurredOn: '2023-04-26', attendance: 120 },
];

const yes = z.enum(['yes', 'no']).optional();
export const historyRowBody = z.strictObject({
  institutionId: z.uuid().optional(),
  kind: z.enum(historyKindValues, '请填写记录类型 / kind required'),
  occurredOn: z.iso.date('请填写日期，如 2023-05-12 / a date like 2023-05-12'),
  channel: z.enum(caseChannelValues).optional(),
  ipType: z.enum(ipTypeValues).optional(),
  applicantKind: z.enum(partyKindValues).optional(),
  services: z.array(z.enum(serviceValues)).optional(),
  overseas: yes,
  sme: yes,
  attendance: z.coerce.number('参加人次应为整数 / attendance must be a whole number')
    .int('参加人次应为整数 / attendance must be a whole number').min(0, '参加人次不能为负 / attendance cannot be negative')
    .max(1_000_000, '参加人次过大 / attendance too large').optional(),
  purpose: z.enum(analysisPurposeValues).optional(),
});

/** Fields that only one kind of record has: said, not silently dropped. */
function crossCheck(v: Values): { field: string; zh: string; en: string } | null {
  if (v.kind === 'training' && v.attendance === undefined) return { field: 'attendance', zh: '培训研讨须填写参加人次', en: 'A training needs its attendance' };
  if (v.kind !== 'training' && v.attendance !== undefined) return { field: 'attendance', zh: '只有培训研讨填写参加人次', en: 'Only a training has an attendance' };
  if (v.kind !== 'analysis' && v.purpose) return { field: 'purpose', zh: '只有分析预警填写分析用途', en: 'Only an analysis service has a purpose' };
  for (const f of ['services', 'overseas', 'sme'] as const) {
    if (v.kind !== 'case' && v[f] !== undefined) {
      const zh = historyColumns.find((c) => c.key === f)!.zh;
      return { field: f, zh: `只有援助案件填写“${zh}”`, en: `Only a case has ${f}` };
    }
  }
  return null;
}

/** Rows from 1990 on: an earlier date is a typing slip far more often than a record. */
const EARLIEST = '1990-01-01';

export const historyImportable: ImportableDef = {
  name: 'history',
  table: 'history_records',
  zh: '历史数据',
  en: 'historical record',
  perms: { manage: 'stats.history' },
  columns: historyColumns,
  required: 'kind',
  createBody: historyRowBody,
  crossCheck,
  batchColumn: 'import_id',
  toColumns: (v) => ({
    kind: v.kind, occurred_on: v.occurredOn, channel: v.channel ?? null, ip_type: v.ipType ?? null, applicant_kind: v.applicantKind ?? null,
    services: v.services ?? [], overseas: v.overseas === 'yes', sme: v.sme === 'yes', attendance: v.attendance ?? null, purpose: v.purpose ?? null,
  }),
  dupKeys: () => [],
  taken: async () => new Set(),
  dupMessage: () => ({ zh: '', en: '' }),
  /** The go-live rule (ADR 0032): only days before the institution was registered on the platform. */
  async resolve(tx, at, rows, errors) {
    const goLive = await goLiveOf(tx, at.institutionId);
    for (const r of rows) {
      const day = r.values.occurredOn as string;
      if (day >= goLive) {
        errors.push({
          row: r.row, field: 'occurredOn',
          message: `日期 ${day} 不早于本机构上线日期 ${goLive}：上线后的数据已由平台统计，不能作为历史数据导入`,
          messageEn: `${day} is not before the institution's go-live date ${goLive}: records from then on are counted live and cannot be imported as history`,
        });
      } else if (day < EARLIEST) {
        errors.push({ row: r.row, field: 'occurredOn', message: `日期 ${day} 早于 1990 年，请核对`, messageEn: `${day} is before 1990; please check it` });
      }
    }
  },
};

/** The China date the institution was registered on the platform: history must be dated before it. */
export async function goLiveOf(db: Parameters<NonNullable<ImportableDef['resolve']>>[0], institutionId: string): Promise<string> {
  const { rows } = await sql<{ day: string }>`SELECT ((created_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS day FROM institutions WHERE id = ${institutionId}`.execute(db);
  return rows[0]!.day;
}
