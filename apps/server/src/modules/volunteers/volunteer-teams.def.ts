import { volunteerHostKinds, volunteerHostKindValues } from '@yuanzhi/contracts';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { columnsOf, creditCode, institutionFilter, isoDate, optText, page, text, updateOf, ymd } from '../registries/fields.ts';
import { dupId, type RegistryDef, type Row } from '../registries/registry.def.ts';
import type { Column } from '../registries/sheet.ts';
import { teamTotals } from './volunteer-hours.repository.ts';

/** 志愿服务队伍: a team with its host organisation (a university, an association …); members are volunteers. */
const fields = {
  name: text(200),
  hostKind: z.enum(volunteerHostKindValues),
  hostName: optText(200),
  hostCreditCode: creditCode.nullish(),
  foundedOn: isoDate.nullish(),
  leaderName: optText(50),
  notes: optText(2000),
};
const statuses = ['active', 'dissolved'] as const;

export const teamColumns: Column[] = [
  { key: 'name', zh: '队伍名称', width: 28 },
  { key: 'hostKind', zh: '依托单位类别', width: 16, list: volunteerHostKinds },
  { key: 'hostName', zh: '依托单位', width: 28 },
  { key: 'hostCreditCode', zh: '依托单位统一社会信用代码', width: 22 },
  { key: 'foundedOn', zh: '成立日期', width: 12, date: true },
  { key: 'leaderName', zh: '队长', width: 10 },
  { key: 'members', zh: '队员人数', width: 10, exportOnly: true },
  { key: 'notes', zh: '备注', width: 24 },
  { key: 'institutionName', zh: '所属机构', width: 24, exportOnly: true },
];

const columnMap = {
  name: 'name', hostKind: 'host_kind', hostName: 'host_name', hostCreditCode: 'host_credit_code', foundedOn: 'founded_on', leaderName: 'leader_name',
  notes: 'notes', status: 'status',
};

export const volunteerTeamDef: RegistryDef = {
  name: 'volunteer_team',
  table: 'volunteer_teams',
  path: '/api/volunteer-teams',
  zh: '志愿服务队伍',
  en: 'volunteer team',
  fileZh: '志愿服务队伍',
  fileEn: 'volunteer-teams',
  perms: { read: 'volunteer.read', manage: 'volunteer.manage', export: 'volunteer.export' },
  columns: teamColumns,
  required: 'name',
  createBody: z.strictObject({ institutionId: z.uuid().optional(), ...fields }),
  updateBody: updateOf(fields, statuses),
  listQuery: z.strictObject({ ...institutionFilter, hostKind: z.enum(volunteerHostKindValues).optional(), status: z.enum(statuses).optional(), ...page }),
  search: ['name', 'host_name'],
  orderBy: 'name',
  defaultStatus: 'active',
  extend: (q) => q.select(sql<number>`(SELECT count(*)::int FROM volunteers v WHERE v.team_id = r.id AND v.status = 'active')`.as('members')),
  filter: (q, f) => (f.hostKind ? q.where('r.host_kind', '=', f.hostKind) : q),
  toColumns: (f) => columnsOf(f, columnMap),
  present: (r: Row) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    name: r.name,
    hostKind: r.host_kind,
    hostName: r.host_name,
    hostCreditCode: r.host_credit_code,
    foundedOn: ymd(r.founded_on),
    leaderName: r.leader_name,
    members: r.members ?? 0,
    notes: r.notes,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }),
  dupKeys: (v) => [{ kind: 'name', field: 'name', value: String(v.name) }],
  async taken(db, at, keys, exceptId) {
    let q = (db as unknown as Kysely<any>).selectFrom('volunteer_teams').select('name').where('institution_id', '=', at.institutionId)
      .where('name', 'in', keys.map((k) => k.value));
    if (exceptId) q = q.where('id', '!=', exceptId);
    return new Set((await q.execute()).map((r) => dupId({ kind: 'name', field: 'name', value: r.name })));
  },
  dupMessage: (_k, value) => ({ zh: `本机构已有同名志愿服务队伍：${value}`, en: `This institution already has a team named ${value}` }),
  privateFields: [],
  detail: async (db, row) => ({ totals: await teamTotals(db, row.id) }),
};
