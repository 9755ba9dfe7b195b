import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { trainingStates, trainingTopics } from '@yuanzhi/contracts';
import { Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../shared/session.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { exportUrl, useTrainings, type Training, type TrainingFilters } from './api.ts';
import { trainingMessages } from './messages.ts';
import { TrainingForm } from './TrainingForm.tsx';

export const stateColors: Record<string, string> = { draft: 'default', published: 'blue', held: 'green', closed: 'purple' };

/** 培训研讨: the list in scope with filters, sessions and attendances at a glance, .xlsx export, a new draft. */
export function TrainingsPage() {
  const t = useT(trainingMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const [f, setF] = useState<TrainingFilters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const q = useTrainings(f);
  const set = (patch: Partial<TrainingFilters>) => setF({ ...f, ...patch, page: 1 });
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Card title={t('title')} extra={<Space>
      {can('training.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="training-new">{t('newTraining')}</Button>}
      <Button icon={<DownloadOutlined />} href={exportUrl(f)} data-testid="training-export">{t('export')}</Button>
    </Space>}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} />
        <Select allowClear placeholder={t('state')} style={{ width: 130 }} options={opts(trainingStates)} onChange={(v) => set({ state: v })} />
        <Select allowClear placeholder={t('topics')} style={{ width: 180 }} options={opts(trainingTopics)} onChange={(v) => set({ topic: v })} />
        <InputNumber placeholder={t('year')} min={2000} max={2100} style={{ width: 110 }} onChange={(v) => set({ year: v ?? undefined })} />
      </Flex>
      <Table<Training>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.data} data-testid="training-table"
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          { title: t('name'), dataIndex: 'title', render: (v: string, r) => <Link to={`/trainings/${r.id}`}>{v}</Link> },
          { title: t('time'), dataIndex: 'startsAt', width: 150, render: fmtTime },
          { title: t('topics'), render: (_, r) => label(trainingTopics, r.topics) },
          { title: t('state'), dataIndex: 'state', width: 90, render: (v: string) => <Tag color={stateColors[v]}>{label(trainingStates, v)}</Tag> },
          { title: t('capacity'), dataIndex: 'capacity', width: 70, render: (v: number | null) => v ?? t('unlimited') },
          { title: t('registered'), width: 70, render: (_, r) => r.attendance.registered },
          { title: t('waitlisted'), width: 70, render: (_, r) => r.attendance.waitlisted },
          { title: t('checkedIn'), width: 70, render: (_, r) => r.attendance.checkedIn },
          { title: t('headCount'), width: 110, render: (_, r) => r.attendance.headCount ?? '—' },
          { title: t('institution'), dataIndex: 'institutionName' },
        ]}
      />
      <TrainingForm open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
