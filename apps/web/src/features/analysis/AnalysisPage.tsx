import { PlusOutlined } from '@ant-design/icons';
import { analysisKinds, analysisPurposes, analysisStatuses, commissionerKinds } from '@yuanzhi/contracts';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/session.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useLabel } from '../experts/labels.ts';
import { ProjectDrawer } from './ProjectDrawer.tsx';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import { useProjects, type Project, type ProjectFilters } from './api.ts';
import { analysisMessages } from './messages.ts';

/** 分析预警: projects commissioned by governments and enterprises, filterable by kind, purpose and status. */
export function AnalysisPage() {
  const t = useT(analysisMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const [f, setF] = useState<ProjectFilters>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const q = useProjects(f);
  const set = (p: Partial<ProjectFilters>) => setF({ ...f, ...p, page: 1 });
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Card title={t('title')} extra={can('analysis.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">{t('newProject')}</Button>}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 240 }} onSearch={(v) => set({ q: v || undefined })} />
        <Select allowClear placeholder={t('kind')} style={{ width: 200 }} options={opts(analysisKinds)} onChange={(v) => set({ kind: v })} />
        <Select allowClear placeholder={t('purpose')} style={{ width: 170 }} options={opts(analysisPurposes)} onChange={(v) => set({ purpose: v })} />
        <Select allowClear placeholder={t('status')} style={{ width: 120 }} options={opts(analysisStatuses)} onChange={(v) => set({ status: v })} />
      </Flex>
      <Table<Project>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.data} data-testid="project-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          { title: t('projectTitle'), dataIndex: 'title' },
          { title: t('commissioner'), render: (_, r) => `${r.commissioner}（${label(commissionerKinds, r.commissionerKind)}）` },
          { title: t('kind'), width: 170, render: (_, r) => label(analysisKinds, r.kind) },
          { title: t('purpose'), width: 140, render: (_, r) => label(analysisPurposes, r.purpose) },
          { title: t('version'), width: 70, render: (_, r) => (r.reportVersion ? `v${r.reportVersion}` : '—') },
          { title: t('status'), width: 90, render: (_, r) => <Tag>{label(analysisStatuses, r.status)}</Tag> },
        ]}
      />
      <ProjectDrawer id={open} onClose={() => setOpen(null)} />
      <ProjectFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => setOpen(id)} />
    </Card>
  );
}
