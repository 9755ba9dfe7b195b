import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertCountries, caseFields, riskKinds } from '@yuanzhi/contracts';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, post } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { alertMessages } from './messages.ts';

export interface RiskAlert {
  id: string; title: string; countries: string[]; industries: string[]; riskKind: string; body: string; advice: string; source: string | null;
  state: 'draft' | 'published'; publishedAt: string | null; institutionName: string; reach?: { delivered: number; read: number; enterprises: number };
}

/** 风险预警提示 in the console: draft an alert, publish it to the matching subscribers, see deliveries and reads. */
export function AlertsPage() {
  const t = useT(alertMessages);
  useTitle(t('title'));
  const can = useCan();
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const q = useQuery({ queryKey: ['alerts', page], placeholderData: (p) => p, queryFn: () => get<{ data: RiskAlert[]; total: number }>('/api/alerts', { page, pageSize: 20 }) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['alerts'] });
  const add = useMutation({ mutationFn: (b: Record<string, unknown>) => post('/api/alerts', b), onSuccess: refresh });
  const publish = useMutation({ mutationFn: (id: string) => post<{ data: RiskAlert }>(`/api/alerts/${id}/publish`), onSuccess: refresh });
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  const countryLabel = (c: string[]) => c.map((x) => label(alertCountries, x)).join('、');
  return (
    <Card title={t('title')} extra={can('alert.publish') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="alert-add">{t('add')}</Button>}>
      <Table<RiskAlert> rowKey="id" size="middle" loading={q.isFetching} dataSource={q.data?.data} data-testid="alert-table"
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage }}
        expandable={{ expandedRowRender: (r) => <><p>{r.body}</p><p><b>{t('advice')}：</b>{r.advice}</p>{r.source && <p>{t('source')}：{r.source}</p>}</> }}
        columns={[
          { title: t('name'), dataIndex: 'title' },
          { title: t('countries'), render: (_, r) => countryLabel(r.countries) },
          { title: t('industries'), render: (_, r) => label(caseFields, r.industries) },
          { title: t('riskKind'), dataIndex: 'riskKind', render: (v: string) => label(riskKinds, v) },
          { title: t('state'), dataIndex: 'state', width: 90, render: (v: string) => <Tag color={v === 'published' ? 'green' : 'default'}>{t(v as 'draft')}</Tag> },
          { title: t('publishedAt'), dataIndex: 'publishedAt', width: 150, render: (v: string | null) => fmtTime(v) },
          { title: t('delivered'), width: 70, render: (_, r) => <span data-testid={`alert-delivered-${r.id}`}>{r.reach?.delivered ?? 0}</span> },
          { title: t('read'), width: 70, render: (_, r) => r.reach?.read ?? 0 },
          { title: t('enterprises'), width: 90, render: (_, r) => <span data-testid={`alert-enterprises-${r.id}`}>{r.reach?.enterprises ?? 0}</span> },
          {
            title: '', width: 120, render: (_, r) => r.state === 'draft' && can('alert.publish') && (
              <Popconfirm title={t('publishConfirm')} onConfirm={() => publish.mutate(r.id, {
                onSuccess: (x) => message.success(t('sent', { n: x.data.reach?.delivered ?? 0 })), onError: (e) => void message.error(errText(e)),
              })}>
                <Button size="small" type="primary" data-testid={`alert-publish-${r.id}`}>{t('publish')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
      <Modal open={adding} title={t('add')} width={640} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending} destroyOnHidden
        okButtonProps={{ 'data-testid': 'alert-save' } as never}>
        <Form form={form} layout="vertical" data-testid="alert-form" onFinish={(v) => add.mutate(v, {
          onSuccess: () => { message.success(t('saved')); setAdding(false); form.resetFields(); }, onError,
        })}>
          <Form.Item name="title" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}><Input data-testid="alert-title" /></Form.Item>
          <Form.Item name="countries" label={t('countries')} extra={t('countriesHint')} normalize={(v: string[]) => v.map((x) => x.toUpperCase())}
            rules={[{ validator: (_, v: string[] = []) => (v.every((x) => /^[A-Z]{2}$/.test(x)) ? Promise.resolve() : Promise.reject(new Error(t('countriesHint')))) }]}>
            <Select mode="tags" options={opts(alertCountries)} data-testid="alert-countries" />
          </Form.Item>
          <Form.Item name="industries" label={t('industries')}><Select mode="multiple" options={opts(caseFields)} data-testid="alert-industries" /></Form.Item>
          <Form.Item name="riskKind" label={t('riskKind')} rules={[{ required: true, message: t('required') }]}><Select options={opts(riskKinds)} data-testid="alert-kind" /></Form.Item>
          <Form.Item name="body" label={t('body')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 8000 }]}><Input.TextArea rows={3} data-testid="alert-body" /></Form.Item>
          <Form.Item name="advice" label={t('advice')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 4000 }]}><Input.TextArea rows={3} data-testid="alert-advice" /></Form.Item>
          <Form.Item name="source" label={t('source')} rules={[{ max: 500 }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
