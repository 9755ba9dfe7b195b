import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Segmented, Statistic, Table } from 'antd';
import { useState } from 'react';
import { get } from '../../shared/api.ts';
import { useBi } from '../../shared/i18n/index.ts';

interface Total { id: string; name: string; team: string | null; hours: number; sessions: number; volunteers: number }

/** Service hours summed per volunteer, team or institution over a period, in the caller's scope. */
export function HourTotals() {
  const bi = useBi();
  const [by, setBy] = useState<'volunteer' | 'team' | 'institution'>('volunteer');
  const [range, setRange] = useState<[string, string] | null>(null);
  const q = useQuery({
    queryKey: ['/api/volunteers', 'totals', by, range],
    queryFn: () => get<{ data: Total[]; total: { hours: number; sessions: number } }>('/api/volunteer-hours/totals', { by, from: range?.[0], to: range?.[1] }),
  });
  return (
    <>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        <Segmented value={by} onChange={(v) => setBy(v as typeof by)} data-testid="totals-by" options={[
          { value: 'volunteer', label: bi('按志愿者', 'By volunteer') },
          { value: 'team', label: bi('按队伍', 'By team') },
          { value: 'institution', label: bi('按机构', 'By institution') },
        ]} />
        <DatePicker.RangePicker onChange={(d) => setRange(d?.[0] && d[1] ? [d[0].format('YYYY-MM-DD'), d[1].format('YYYY-MM-DD')] : null)} />
        <Statistic title={bi('合计服务时长（小时）', 'Total hours')} value={q.data?.total.hours ?? 0} data-testid="totals-sum" />
        <Statistic title={bi('服务人次', 'Services')} value={q.data?.total.sessions ?? 0} />
      </Flex>
      <Table size="small" rowKey="id" loading={q.isFetching} dataSource={q.data?.data} data-testid="totals-table" columns={[
        { title: bi('名称', 'Name'), dataIndex: 'name' },
        ...(by === 'volunteer' ? [{ title: bi('所属队伍', 'Team'), dataIndex: 'team' }] : [{ title: bi('志愿者人数', 'Volunteers'), dataIndex: 'volunteers' }]),
        { title: bi('服务次数', 'Times'), dataIndex: 'sessions', width: 100 },
        { title: bi('服务时长（小时）', 'Hours'), dataIndex: 'hours', width: 140 },
      ]} />
    </>
  );
}
