import { keyEnterpriseLogKinds, services } from '@yuanzhi/contracts';
import { Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useBi } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useLabel } from '../experts/labels.ts';
import { useRecordWrite } from '../registries/api.ts';
import type { Rec } from '../registries/types.ts';

interface Log { id: string; kind: string; happenedOn: string; summary: string; service: string | null; by: string | null }

/** The log of contacts and services given to a key enterprise, and a form to add to it. */
export function EnterpriseLog({ rec }: { rec: Rec }) {
  const bi = useBi();
  const can = useCan();
  const label = useLabel();
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const write = useRecordWrite('/api/key-enterprises', 'logs');
  const logs = (rec.logs ?? []) as Log[];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{bi('联络与服务记录', 'Contacts and services')}</Typography.Title>
      {can('key_enterprise.log') && (
        <Form form={form} layout="inline" style={{ marginBottom: 8, rowGap: 8 }} initialValues={{ kind: 'contact', happenedOn: dayjs() }} data-testid="log-form"
          onFinish={async (v) => {
            try {
              await write.mutateAsync({ id: rec.id, body: { ...v, happenedOn: v.happenedOn.format('YYYY-MM-DD'), service: v.service ?? null } });
              form.resetFields();
            } catch (err) {
              onError(err);
            }
          }}>
          <Form.Item name="kind"><Select style={{ width: 120 }} options={keyEnterpriseLogKinds.map((k) => ({ value: k.value, label: label(keyEnterpriseLogKinds, k.value) }))} /></Form.Item>
          <Form.Item name="happenedOn" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="service"><Select allowClear placeholder={bi('服务类型', 'Service')} style={{ width: 160 }} options={services.map((s) => ({ value: s.value, label: label(services, s.value) }))} /></Form.Item>
          <Form.Item name="summary" rules={[{ required: true, message: bi('请填写内容', 'Describe it') }, { max: 1000 }]}><Input placeholder={bi('内容', 'What happened')} style={{ width: 260 }} data-testid="log-summary" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="log-add">{bi('记录', 'Add')}</Button>
        </Form>
      )}
      <Table size="small" rowKey="id" dataSource={logs} pagination={logs.length > 10 ? { pageSize: 10 } : false} data-testid="enterprise-logs" columns={[
        { title: bi('日期', 'Date'), dataIndex: 'happenedOn', width: 110 },
        { title: bi('类别', 'Kind'), width: 100, render: (_, l) => label(keyEnterpriseLogKinds, l.kind) },
        { title: bi('内容', 'Summary'), render: (_, l) => `${l.summary}${l.service ? `（${label(services, l.service)}）` : ''}` },
        { title: bi('记录人', 'By'), dataIndex: 'by', width: 100 },
      ]} />
    </>
  );
}
