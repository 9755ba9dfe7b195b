import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useLabel } from '../experts/labels.ts';
import { exportUrl, useRecords, type Filters } from './api.ts';
import { registryMessages } from './messages.ts';
import { RecordDrawer, useShow } from './RecordDrawer.tsx';
import { RecordForm } from './RecordForm.tsx';
import { RegistryImport } from './RegistryImport.tsx';
import type { RegistryUi } from './types.ts';

/** A registry's list: search and filters, paging, .xlsx import and export, add, and the detail drawer. */
export function RegistryPage({ ui, embedded }: { ui: RegistryUi; embedded?: boolean }) {
  const t = useT(registryMessages);
  const bi = useBi();
  const can = useCan();
  const label = useLabel();
  const show = useShow();
  const [f, setF] = useState<Filters>({ page: 1, pageSize: 20, ...ui.fixed });
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const q = useRecords(ui.api, f);
  const set = (patch: Partial<Filters>) => setF({ ...f, ...patch, page: 1 });
  const opts = (list: RegistryUi['statuses']) => list.map((x) => ({ value: x.value, label: label(list, x.value) }));
  const columns = ui.fields.filter((x) => x.column);
  const body = (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} data-testid={`${ui.key}-search`} />
        {ui.filters.map((x) => (
          <Select key={x.key} allowClear placeholder={bi(x.zh, x.en)} style={{ width: x.width ?? 150 }} options={opts(x.list ?? [])}
            onChange={(v) => set({ [x.key]: v })} data-testid={`${ui.key}-filter-${x.key}`} />
        ))}
        <Select placeholder={t('status')} style={{ width: 110 }} options={opts(ui.statuses)} defaultValue={ui.statuses[0].value} onChange={(v) => set({ status: v })} />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.data}
        data-testid={`${ui.key}-table`}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          ...columns.map((c) => ({ key: c.key, title: bi(c.zh, c.en), render: (_: unknown, r: Record<string, unknown>) => show(c, r[c.key]) })),
          { key: 'institution', title: t('institution'), dataIndex: 'institutionName' },
        ]}
      />
      <RecordDrawer ui={ui} id={open} onClose={() => setOpen(null)} />
      <Modal open={adding} title={`${t('add')} · ${bi(...ui.title)}`} footer={null} onCancel={() => setAdding(false)} destroyOnHidden width={640}>
        <RecordForm ui={ui} done={(id) => { setAdding(false); setOpen(id); }} />
      </Modal>
    </>
  );
  const actions = (
    <Space>
      {can(ui.perms.manage) && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid={`${ui.key}-add`}>{t('add')}</Button>}
      {can(ui.perms.manage) && <RegistryImport ui={ui} />}
      {can(ui.perms.export) && <Button icon={<DownloadOutlined />} href={exportUrl(ui.api, f)} data-testid={`${ui.key}-export`}>{t('export')}</Button>}
    </Space>
  );
  return embedded ? <>{<Flex justify="flex-end" style={{ marginBottom: 8 }}>{actions}</Flex>}{body}</> : <Card title={bi(...ui.title)} extra={actions}>{body}</Card>;
}
