import { volunteerSkills, volunteerSkillValues } from '@yuanzhi/contracts';
import { maskIdNumber, maskPhone } from '@yuanzhi/domain';
import { type Kysely } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { columnsOf, email, idNumber, institutionFilter, isoDate, mobile, optText, page, text, updateOf, ymd } from '../registries/fields.ts';
import { dupId, type DupKey, type RegistryDef, type Row } from '../registries/registry.def.ts';
import type { Column } from '../registries/sheet.ts';
import { volunteerLog, volunteerTotal } from './volunteer-hours.repository.ts';

/** 志愿者: members of a volunteer team, with skills; ID number and phone encrypted, masked on screen. */
const fields = {
  teamId: z.uuid(),
  name: text(100),
  employer: optText(200),
  idNumber: idNumber.nullish(),
  phone: mobile.nullish(),
  email: email.nullish(),
  skills: z.array(z.enum(volunteerSkillValues)).max(8).default([]),
  joinedOn: isoDate.nullish(),
  notes: optText(2000),
};
const statuses = ['active', 'left'] as const;

export const volunteerColumns: Column[] = [
  { key: 'name', zh: '姓名', width: 12 },
  { key: 'team', zh: '所属队伍', width: 26 },
  { key: 'employer', zh: '工作单位或学校', width: 26 },
  { key: 'idNumber', zh: '身份证号码', width: 22, importOnly: true },
  { key: 'idNumberMasked', zh: '身份证号码（脱敏）', width: 22, exportOnly: true },
  { key: 'phone', zh: '手机号码', width: 14, importOnly: true },
  { key: 'phoneMasked', zh: '手机号码（脱敏）', width: 14, exportOnly: true },
  { key: 'email', zh: '电子邮箱', width: 22 },
  { key: 'skills', zh: '服务技能', width: 24, list: volunteerSkills, multi: true },
  { key: 'joinedOn', zh: '加入日期', width: 12, date: true },
  { key: 'totalHours', zh: '累计服务时长（小时）', width: 12, exportOnly: true },
  { key: 'notes', zh: '备注', width: 24 },
];

const columnMap = { teamId: 'team_id', name: 'name', employer: 'employer', email: 'email', skills: 'skills', joinedOn: 'joined_on', notes: 'notes', status: 'status' };
const pairKey = (name: string, employer: string) => `${name.trim()}\u0000${employer.trim()}`;

export const volunteerDef: RegistryDef = {
  name: 'volunteer',
  table: 'volunteers',
  path: '/api/volunteers',
  zh: '志愿者',
  en: 'volunteer',
  fileZh: '志愿者',
  fileEn: 'volunteers',
  perms: { read: 'volunteer.read', manage: 'volunteer.manage', export: 'volunteer.export' },
  columns: volunteerColumns,
  required: 'name',
  createBody: z.strictObject({ institutionId: z.uuid().optional(), ...fields }),
  updateBody: updateOf(fields, statuses),
  listQuery: z.strictObject({
    ...institutionFilter, teamId: z.uuid().optional(), skill: z.enum(volunteerSkillValues).optional(), status: z.enum(statuses).optional(), ...page,
  }),
  search: ['name', 'employer'],
  orderBy: 'name',
  defaultStatus: 'active',
  extend: (q) => q.innerJoin('volunteer_teams as t', 't.id', 'r.team_id').select('t.name as team_name')
    .select((eb) => eb.selectFrom('volunteer_hours as h').whereRef('h.volunteer_id', '=', 'r.id').select(eb.fn.coalesce(eb.fn.sum('h.hours'), eb.lit(0)).as('s')).as('total_hours')),
  filter(q, f) {
    if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
    if (f.skill) q = q.where((eb) => eb(eb.val(f.skill), '=', eb.fn('any', ['r.skills'])));
    return q;
  },
  toColumns(f, secrets) {
    const out = columnsOf(f, columnMap);
    if (f.idNumber !== undefined) {
      const id = f.idNumber?.toUpperCase() || null;
      Object.assign(out, { id_number_enc: id && secrets.encrypt(id), id_number_hmac: id && secrets.hmac(id), id_number_masked: id && maskIdNumber(id) });
    }
    if (f.phone !== undefined) Object.assign(out, { phone_enc: f.phone ? secrets.encrypt(f.phone) : null, phone_masked: f.phone ? maskPhone(f.phone) : null });
    return out;
  },
  present: (r: Row) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    teamId: r.team_id,
    team: r.team_name,
    name: r.name,
    employer: r.employer,
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    email: r.email,
    skills: r.skills,
    joinedOn: ymd(r.joined_on),
    totalHours: Number(r.total_hours ?? 0),
    notes: r.notes,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  }),
  fromSheet(_cells, input) {
    // The sheet names the team; resolve() finds it among the institution's teams.
    delete input.team;
    input.teamId = '00000000-0000-4000-8000-000000000000';
  },
  async resolve(db, at, rows, errors) {
    const names = [...new Set(rows.map((r) => r.cells.team).filter(Boolean))];
    const teams = names.length
      ? await db.selectFrom('volunteer_teams').select(['id', 'name']).where('institution_id', '=', at.institutionId).where('status', '=', 'active').where('name', 'in', names).execute()
      : [];
    const byName = new Map(teams.map((t) => [t.name, t.id]));
    for (const r of rows) {
      const id = byName.get(r.cells.team ?? '');
      if (id) r.values.teamId = id;
      else errors.push({ row: r.row, field: 'team', message: r.cells.team ? `本机构没有名为“${r.cells.team}”的志愿服务队伍` : '请填写所属队伍', messageEn: r.cells.team ? `No team named ${r.cells.team} at this institution` : 'Give the team' });
    }
  },
  async institutionOf(db, values) {
    return (await db.selectFrom('volunteer_teams').select('institution_id').where('id', '=', values.teamId).executeTakeFirst())?.institution_id;
  },
  async validate(db, at, values) {
    if (!values.teamId) return;
    const t = await db.selectFrom('volunteer_teams').select('institution_id').where('id', '=', values.teamId).executeTakeFirst();
    if (!t || t.institution_id !== at.institutionId) throw new AppError(422, 'invalid_team', '所属队伍须为本机构的志愿服务队伍', 'The team must belong to the same institution', 'teamId');
  },
  dupKeys(v, secrets) {
    const keys: DupKey[] = [];
    if (v.idNumber) keys.push({ kind: 'id_number', field: 'idNumber', value: secrets.hmac(String(v.idNumber).toUpperCase()) });
    if (v.employer) keys.push({ kind: 'name_employer', field: 'name', value: pairKey(v.name, v.employer) });
    return keys;
  },
  async taken(db, at, keys, exceptId) {
    const ids = keys.filter((k) => k.kind === 'id_number').map((k) => k.value);
    const pairs = keys.filter((k) => k.kind === 'name_employer').map((k) => k.value.split('\u0000')[0]);
    const k = db as unknown as Kysely<any>;
    let a = k.selectFrom('volunteers').select('id_number_hmac').where('id_number_hmac', 'in', ids.length ? ids : ['']);
    let b = k.selectFrom('volunteers').select(['name', 'employer']).where('institution_id', '=', at.institutionId).where('name', 'in', pairs.length ? pairs : ['']);
    if (exceptId) { a = a.where('id', '!=', exceptId); b = b.where('id', '!=', exceptId); }
    const out = new Set<string>();
    for (const r of await a.execute()) out.add(dupId({ kind: 'id_number', field: 'idNumber', value: r.id_number_hmac }));
    for (const r of await b.execute()) if (r.employer) out.add(dupId({ kind: 'name_employer', field: 'name', value: pairKey(r.name, r.employer) }));
    return out;
  },
  dupMessage: (kind, value) => kind === 'id_number'
    ? { zh: '已有相同身份证号码的志愿者', en: 'A volunteer with this ID number exists' }
    : { zh: `已有同名同单位的志愿者：${value?.replace('\u0000', '（')}）`, en: 'A volunteer with this name and employer exists' },
  privateFields: ['name', 'employer', 'idNumber', 'phone', 'email'],
  detail: async (db, row) => ({ hours: await volunteerLog(db, row.id), total: await volunteerTotal(db, row.id) }),
};
