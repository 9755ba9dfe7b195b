import { PlusOutlined } from '@ant-design/icons';
import { eventKinds } from '@yuanzhi/contracts';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../shared/session.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useLabel } from '../experts/labels.ts';
import { useEvents, type EventFilters, type EventItem } from './api.ts';
import { EventFormDrawer } from './EventFormDrawer.tsx';
import { eventMessages } from './messages.ts';

const phaseColor = { before: 'blue', during: 'green', after: 'default' } as const;

/** 驻场服务: the register of events, filterable and paged; each opens its page. */
export function EventsPage() {
  const t = useT(eventMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const [f, setF] = useState<EventFilters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const q = useEvents(f);
  const set = (p: Partial<EventFilters>) => setF({ ...f, ...p, page: 1 });
  return (
    <Card title={t('title')} extra={can('event.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">{t('newEvent')}</Button>}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 240 }} onSearch={(v) => set({ q: v || undefined })} />
        <Select allowClear placeholder={t('kind')} style={{ width: 160 }} options={eventKinds.map((k) => ({ value: k.value, label: label(eventKinds, k.value) }))} onChange={(v) => set({ kind: v })} />
        <Input type="date" style={{ width: 160 }} aria-label={t('startsOn')} onChange={(e) => set({ from: e.target.value || undefined })} />
        <Input type="date" style={{ width: 160 }} aria-label={t('endsOn')} onChange={(e) => set({ to: e.target.value || undefined })} />
      </Flex>
      <Table<EventItem>
        rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.data} data-testid="event-table"
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          { title: t('name'), render: (_, r) => <Link to={`/events/${r.id}`}>{r.name}</Link> },
          { title: t('kind'), width: 110, render: (_, r) => label(eventKinds, r.kind) },
          { title: t('dates'), width: 200, render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
          { title: t('venue'), dataIndex: 'venue' },
          { title: t('institution'), dataIndex: 'institutionName' },
          { title: t('complaints'), dataIndex: 'complaintCount', width: 70 },
          { title: t('phase'), width: 90, render: (_, r) => <Tag color={phaseColor[r.phase]}>{t(r.phase)}</Tag> },
        ]}
      />
      <EventFormDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
