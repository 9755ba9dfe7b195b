import { DownloadOutlined } from '@ant-design/icons';
import { caseFields, expertAvailabilities, expertKinds, expertServices, ipTypes } from '@yuanzhi/contracts';
import { Button, Card, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../shared/session.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { exportUrl, useExperts, type Expert, type ExpertFilters } from './api.ts';
import { ExpertDrawer } from './ExpertDrawer.tsx';
import { ImportExperts } from './ImportExperts.tsx';
import { NewExpert } from './NewExpert.tsx';
import { useLabel } from './labels.ts';
import { expertMessages } from './messages.ts';

/** 专家库: filterable list, .xlsx import/export, a drawer with the expert's detail, workload, cases, ratings and history. */
export function ExpertsPage() {
  const t = useT(expertMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const [f, setF] = useState<ExpertFilters>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const q = useExperts(f);
  const set = (patch: Partial<ExpertFilters>) => setF({ ...f, ...patch, page: 1 });
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Card title={t('title')} extra={<Space>
      {can('expert.manage') && <NewExpert />}
      {can('expert.import') && <ImportExperts />}
      {can('expert.export') && <Button icon={<DownloadOutlined />} href={exportUrl(f)} data-testid="expert-export">{t('export')}</Button>}
    </Space>}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} data-testid="expert-search" />
        <Select allowClear placeholder={t('kind')} style={{ width: 160 }} options={opts(expertKinds)} onChange={(v) => set({ kind: v })} />
        <Select allowClear placeholder={t('ipType')} style={{ width: 150 }} options={opts(ipTypes)} onChange={(v) => set({ ipType: v })} />
        <Select allowClear placeholder={t('service')} style={{ width: 160 }} options={opts(expertServices)} onChange={(v) => set({ service: v })} />
        <Select allowClear placeholder={t('industry')} style={{ width: 150 }} options={opts(caseFields)} onChange={(v) => set({ industry: v })} />
        <Input allowClear placeholder={t('ipc')} style={{ width: 110 }} onChange={(e) => set({ ipc: e.target.value || undefined })} />
      </Flex>
      <Table<Expert>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.data}
        data-testid="expert-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          { title: t('name'), dataIndex: 'name', width: 120 },
          { title: t('employer'), dataIndex: 'employer' },
          { title: t('kind'), render: (_, r) => r.kinds.map((k) => <Tag key={k}>{label(expertKinds, k)}</Tag>) },
          { title: t('ipType'), render: (_, r) => label(ipTypes, r.ipTypes) },
          { title: t('ipc'), render: (_, r) => r.ipc.join(' ') },
          { title: t('availability'), render: (_, r) => label(expertAvailabilities, r.availability), width: 110 },
          { title: t('workload'), render: (_, r) => `${r.openLoad ?? 0}/${r.maxOpen}`, width: 90 },
          { title: t('institution'), dataIndex: 'institutionName' },
        ]}
      />
      <ExpertDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
