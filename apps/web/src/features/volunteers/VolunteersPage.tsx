import { volunteerHostKinds, volunteerSkills } from '@yuanzhi/contracts';
import { Card, Statistic, Tabs } from 'antd';
import { useBi } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RegistryPage } from '../registries/RegistryPage.tsx';
import type { Rec, RegistryUi } from '../registries/types.ts';
import { HourTotals } from './HourTotals.tsx';
import { VolunteerHours } from './VolunteerHours.tsx';

const perms = { read: 'volunteer.read', manage: 'volunteer.manage', export: 'volunteer.export' };

export const teamUi: RegistryUi = {
  key: 'team',
  api: '/api/volunteer-teams',
  title: ['志愿服务队伍', 'Volunteer teams'],
  perms,
  nameKey: 'name',
  fields: [
    { key: 'name', zh: '队伍名称', en: 'Name', type: 'text', required: true, max: 200, column: true },
    { key: 'hostKind', zh: '依托单位类别', en: 'Host kind', type: 'select', list: volunteerHostKinds, required: true, column: true },
    { key: 'hostName', zh: '依托单位', en: 'Host organisation', type: 'text', max: 200, column: true },
    { key: 'hostCreditCode', zh: '依托单位统一社会信用代码', en: 'Host credit code', type: 'creditCode' },
    { key: 'foundedOn', zh: '成立日期', en: 'Founded on', type: 'date' },
    { key: 'leaderName', zh: '队长', en: 'Leader', type: 'text', max: 50, column: true },
    { key: 'members', zh: '队员人数', en: 'Members', type: 'text', readOnly: true, column: true },
    { key: 'notes', zh: '备注', en: 'Notes', type: 'textarea', max: 2000 },
  ],
  filters: [{ key: 'hostKind', zh: '依托单位类别', en: 'Host kind', list: volunteerHostKinds }],
  statuses: [{ value: 'active', zh: '在册', en: 'Active' }, { value: 'dissolved', zh: '已解散', en: 'Dissolved' }],
  extra: (rec) => <TeamTotal rec={rec} />,
  importHint: ['第 1 行为中文表头，须有“队伍名称”和“依托单位类别”列。', 'Row 1 holds the Chinese headers, with 队伍名称 and 依托单位类别.'],
};

export const volunteerUi: RegistryUi = {
  key: 'volunteer',
  api: '/api/volunteers',
  title: ['志愿者', 'Volunteers'],
  perms,
  nameKey: 'name',
  fields: [
    { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, max: 100, column: true },
    { key: 'teamId', zh: '所属队伍', en: 'Team', type: 'team', required: true, formOnly: true },
    { key: 'team', zh: '所属队伍', en: 'Team', type: 'text', readOnly: true, column: true },
    { key: 'employer', zh: '工作单位或学校', en: 'Employer or school', type: 'text', max: 200, column: true },
    { key: 'idNumber', zh: '身份证号码', en: 'ID number', type: 'idNumber', formOnly: true },
    { key: 'idNumberMasked', zh: '身份证号码', en: 'ID number', type: 'text', readOnly: true },
    { key: 'phone', zh: '手机号码', en: 'Mobile', type: 'mobile', formOnly: true },
    { key: 'phoneMasked', zh: '手机号码', en: 'Mobile', type: 'text', readOnly: true, column: true },
    { key: 'email', zh: '电子邮箱', en: 'Email', type: 'email' },
    { key: 'skills', zh: '服务技能', en: 'Skills', type: 'multi', list: volunteerSkills, column: true },
    { key: 'joinedOn', zh: '加入日期', en: 'Joined on', type: 'date' },
    { key: 'totalHours', zh: '累计服务时长（小时）', en: 'Total hours', type: 'text', readOnly: true, column: true },
    { key: 'notes', zh: '备注', en: 'Notes', type: 'textarea', max: 2000 },
  ],
  filters: [{ key: 'skill', zh: '服务技能', en: 'Skill', list: volunteerSkills }],
  statuses: [{ value: 'active', zh: '在队', en: 'Active' }, { value: 'left', zh: '已退出', en: 'Left' }],
  // Empty ID number or phone on edit keep the stored ones (never sent back to the browser).
  toBody: ({ idNumber, phone, ...rest }, rec) => ({ ...rest, ...(idNumber || !rec ? { idNumber } : {}), ...(phone || !rec ? { phone } : {}) }),
  toForm: (r) => ({ ...r, idNumber: null, phone: null }),
  extra: (rec) => <VolunteerHours rec={rec} />,
  importHint: ['第 1 行为中文表头，须有“姓名”和“所属队伍”列（队伍须已在本机构登记）。', 'Row 1 holds the Chinese headers, with 姓名 and 所属队伍 (a team already registered here).'],
};

function TeamTotal({ rec }: { rec: Rec }) {
  const bi = useBi();
  const h = rec.totals?.hours ?? 0;
  const n = rec.totals?.sessions ?? 0;
  return <Statistic style={{ marginTop: 16 }} title={bi('队伍累计服务时长（小时）', 'Team total hours')} value={h} suffix={bi(`/ ${n} 次`, `/ ${n} times`)} data-testid="team-total" />;
}

/** 志愿服务: teams, volunteers with their service log, and the hour totals. */
export function VolunteersPage() {
  const bi = useBi();
  useTitle(bi('志愿服务', 'Volunteers'));
  return (
    <Card title={bi('志愿服务', 'Volunteer service')}>
      <Tabs destroyOnHidden data-testid="volunteer-tabs" items={[
        { key: 'volunteers', label: bi('志愿者', 'Volunteers'), children: <RegistryPage ui={volunteerUi} embedded /> },
        { key: 'teams', label: bi('志愿服务队伍', 'Teams'), children: <RegistryPage ui={teamUi} embedded /> },
        { key: 'totals', label: bi('服务时长统计', 'Hour totals'), children: <HourTotals /> },
      ]} />
    </Card>
  );
}
