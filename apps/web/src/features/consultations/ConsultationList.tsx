import { Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ipTypes } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { exportHref, useConsultations, type ConsultationItem, type Filters } from './api.ts';
import { channelLabels, statusLabels, topicLabels } from './labels.ts';
import { consultationMessages } from './messages.ts';

const cst = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The consultations in scope with filters (the `open` status is the queue of unanswered ones) and the .xlsx export. */
export function ConsultationList({ initialStatus, canExport }: { initialStatus?: string; canExport: boolean }) {
  const t = useT(consultationMessages);
  const { options, label } = useEnum();
  const [filters, setFilters] = useState<Filters>(initialStatus ? { status: initialStatus } : {});
  const [page, setPage] = useState(1);
  const { data, isFetching } = useConsultations({ ...filters, page, pageSize: 20 });
  const [form] = Form.useForm<Filters & { range?: [Dayjs | null, Dayjs | null] | null }>();
  const apply = () => {
    const { range, ...v } = form.getFieldsValue();
    setPage(1);
    setFilters({
      ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && x !== null)),
      ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
      ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
    });
  };
  const sel = (name: keyof Filters, table: Record<string, readonly [string, string]>, ph: string, width = 140) => (
    <Form.Item name={name} style={{ marginBottom: 8 }}>
      <Select allowClear placeholder={ph} options={options(table)} style={{ width }} onChange={apply} data-testid={`consult-filter-${name}`} />
    </Form.Item>
  );
  return (
    <>
      <Form form={form} layout="inline" initialValues={filters} data-testid="consult-filters">
        <Form.Item name="q" style={{ marginBottom: 8 }}>
          <Input.Search allowClear placeholder={t('searchPlaceholder')} style={{ width: 220 }} onSearch={apply} data-testid="consult-filter-q" />
        </Form.Item>
        {sel('status', statusLabels, t('status'), 120)}
        {sel('channel', channelLabels, t('channel'), 120)}
        {sel('topic', topicLabels, t('topic'), 200)}
        {sel('ipType', ipTypes, t('ipType'), 150)}
        <Form.Item name="range" style={{ marginBottom: 8 }}>
          <DatePicker.RangePicker style={{ width: 240 }} onChange={apply} />
        </Form.Item>
        <Space style={{ marginBottom: 8 }}>
          {canExport && <Button href={exportHref(filters)} data-testid="consult-export">{t('exportXlsx')}</Button>}
        </Space>
      </Form>
      <Table<ConsultationItem>
        rowKey="id" size="small" loading={isFetching} dataSource={data?.data ?? []} data-testid="consult-table"
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('askedAt'), dataIndex: 'askedAt', width: 140, render: (v: string) => cst(v) },
          { title: t('channel'), dataIndex: 'channel', width: 90, render: (v: string) => label(channelLabels, v) },
          { title: t('topic'), dataIndex: 'topic', width: 150, render: (v: string) => label(topicLabels, v) },
          { title: t('ipType'), dataIndex: 'ipType', width: 90, render: (v: string | null) => label(ipTypes, v) },
          {
            title: t('question'), dataIndex: 'question',
            render: (v: string, r) => <Link to={`/consultations/${r.id}`} data-testid="consult-open"><Typography.Text ellipsis style={{ maxWidth: 380 }}>{v}</Typography.Text></Link>,
          },
          { title: t('asker'), dataIndex: 'askerContactMasked', width: 130, render: (v: string | null, r) => [r.askerName, v].filter(Boolean).join(' ') },
          {
            title: t('status'), dataIndex: 'status', width: 90,
            render: (v: string) => <Tag color={v === 'open' ? 'orange' : 'green'}>{label(statusLabels, v)}</Tag>,
          },
          { title: t('staff'), dataIndex: 'staffName', width: 110 },
        ]}
      />
    </>
  );
}
