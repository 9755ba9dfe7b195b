import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { outreachChannels, outreachKinds } from '@yuanzhi/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { get, patch, post, withQuery } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useLabel } from '../experts/labels.ts';
import { outreachMessages } from './outreach.messages.ts';

interface Outreach { id: string; name: string; heldOn: string; kind: string; channel: string; reachPeople: number | null; reachViews: number | null; notes: string | null; institutionName: string }
type Filters = { year?: number; kind?: string; page: number; pageSize: number };

/** 宣传活动: a registry of publicity activities and their reach (people, views), filterable and exportable. */
export function OutreachPage() {
  const t = useT(outreachMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [f, setF] = useState<Filters>({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Outreach | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const q = useQuery({
    queryKey: ['outreach', f], placeholderData: (p) => p,
    queryFn: () => get<{ data: Outreach[]; total: number; reach: { people: number; views: number } }>('/api/outreach', { ...f }),
  });
  const add = useMutation({
    mutationFn: (b: Record<string, unknown>) => (editing ? patch(`/api/outreach/${editing.id}`, b) : post('/api/outreach', b)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outreach'] }),
  });
  const open = (r: Outreach | null) => {
    setEditing(r);
    form.setFieldsValue(r ? { ...r, heldOn: dayjs(r.heldOn) } : { name: undefined, heldOn: undefined, kind: undefined, channel: undefined, reachPeople: undefined, reachViews: undefined, notes: undefined });
    setAdding(true);
  };
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Card title={t('title')} extra={<Space>
      {can('training.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="outreach-add">{t('add')}</Button>}
      <Button icon={<DownloadOutlined />} href={withQuery('/api/outreach/export.xlsx', { year: f.year, kind: f.kind })}>{t('export')}</Button>
    </Space>}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <InputNumber placeholder={t('year')} min={2000} max={2100} style={{ width: 110 }} onChange={(v) => setF({ ...f, year: v ?? undefined, page: 1 })} />
        <Select allowClear placeholder={t('kind')} style={{ width: 200 }} options={opts(outreachKinds)} onChange={(v) => setF({ ...f, kind: v, page: 1 })} />
        {q.data && <Typography.Text type="secondary" data-testid="outreach-total">{t('total', { n: q.data.total, p: q.data.reach.people, v: q.data.reach.views })}</Typography.Text>}
      </Flex>
      <Table<Outreach> rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.data} data-testid="outreach-table"
        onRow={(r) => (can('training.manage') ? { onClick: () => open(r), style: { cursor: 'pointer' } } : {})}
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total, onChange: (page, pageSize) => setF({ ...f, page, pageSize }) }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('kind'), dataIndex: 'kind', render: (v: string) => label(outreachKinds, v) },
          { title: t('channel'), dataIndex: 'channel', width: 110, render: (v: string) => label(outreachChannels, v) },
          { title: t('reachPeople'), dataIndex: 'reachPeople', width: 100, render: (v: number | null) => v ?? '—' },
          { title: t('reachViews'), dataIndex: 'reachViews', width: 100, render: (v: number | null) => v ?? '—' },
          { title: t('institution'), dataIndex: 'institutionName' },
        ]} />
      <Modal open={adding} title={editing ? editing.name : t('add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending} forceRender okButtonProps={{ 'data-testid': 'outreach-save' } as never}>
        <Form form={form} layout="vertical" onFinish={(v: { heldOn: Dayjs } & Record<string, unknown>) => add.mutate(
          { name: v.name, heldOn: v.heldOn.format('YYYY-MM-DD'), kind: v.kind, channel: v.channel, reachPeople: v.reachPeople ?? null, reachViews: v.reachViews ?? null, notes: v.notes || null },
          { onSuccess: () => { message.success(t('saved')); setAdding(false); }, onError },
        )}>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 200 }]}><Input data-testid="outreach-name" /></Form.Item>
          <Form.Item name="heldOn" label={t('heldOn')} rules={[{ required: true, message: t('dateRequired') }]}><DatePicker data-testid="outreach-date" /></Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}><Select options={opts(outreachKinds)} data-testid="outreach-kind" /></Form.Item>
          <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]}><Select options={opts(outreachChannels)} data-testid="outreach-channel" /></Form.Item>
          <Space>
            <Form.Item name="reachPeople" label={t('reachPeople')}><InputNumber min={0} data-testid="outreach-people" /></Form.Item>
            <Form.Item name="reachViews" label={t('reachViews')}><InputNumber min={0} /></Form.Item>
          </Space>
          <Form.Item name="notes" label={t('notes')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
