import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { auditResults } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import type { AuditFilters } from './api.ts';
import { auditMessages } from './messages.ts';

type Values = Omit<AuditFilters, 'from' | 'to'> & { period?: [Dayjs | null, Dayjs | null] | null };

export function AuditFilterBar({ onChange }: { onChange: (f: AuditFilters) => void }) {
  const t = useT(auditMessages);
  const { options } = useEnum();
  const [form] = Form.useForm<Values>();
  const item = { style: { marginBottom: 8 } };
  const submit = ({ period, ...rest }: Values) =>
    onChange({
      ...rest,
      // Bare dates: the server reads them as whole days, Beijing time.
      from: period?.[0]?.format('YYYY-MM-DD'),
      to: period?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid="audit-filters">
      <Form.Item name="period" {...item}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="actor" {...item}>
        <Input allowClear placeholder={t('actor')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="action" {...item}>
        <Input allowClear placeholder={t('action')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="objectType" {...item}>
        <Input allowClear placeholder={t('objectType')} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="objectId" {...item}>
        <Input allowClear placeholder={t('objectId')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="result" {...item}>
        <Select allowClear placeholder={t('result')} options={options(auditResults)} style={{ width: 110 }} />
      </Form.Item>
      <Space {...item}>
        <Button type="primary" htmlType="submit">{t('search')}</Button>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('reset')}</Button>
      </Space>
    </Form>
  );
}
