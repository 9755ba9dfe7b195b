import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { channelLabels, stateLabels, trackLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { CaseFilters } from './types.ts';

interface Values extends Omit<CaseFilters, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters of the work queues: state, track, IP type, service, channel, submission dates, text. */
export function CaseFilterBar({ onChange }: { onChange: (f: CaseFilters) => void }) {
  const t = useT(caseMessages);
  const { options } = useEnum();
  const [form] = Form.useForm<Values>();
  const item = { style: { marginBottom: 8 } };
  const submit = ({ range, ...v }: Values) =>
    onChange({
      ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')),
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
    });
  const select = (name: keyof CaseFilters, table: Record<string, readonly [string, string]>, placeholder: string, width = 140) => (
    <Form.Item name={name} {...item}>
      <Select allowClear placeholder={placeholder} options={options(table).filter((o) => o.value !== 'draft')} style={{ width }} data-testid={`case-filter-${name}`}
        onChange={() => form.submit()} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="inline" onFinish={submit} data-testid="case-filters">
      <Form.Item name="q" {...item}>
        <Input.Search allowClear placeholder={t('searchPlaceholder')} style={{ width: 220 }} onSearch={() => form.submit()}
          data-testid="case-filter-q" />
      </Form.Item>
      {select('state', stateLabels, t('state'), 150)}
      {select('track', trackLabels, t('track'), 120)}
      {select('ipType', ipTypes, t('ipType'))}
      {select('service', services, t('service'), 170)}
      {select('channel', channelLabels, t('channel'), 130)}
      <Form.Item name="range" {...item}>
        <DatePicker.RangePicker placeholder={[t('dateFrom'), t('dateTo')]} style={{ width: 240 }} onChange={() => form.submit()}
          data-testid="case-filter-range" />
      </Form.Item>
      <Space {...item}>
        <Button onClick={() => { form.resetFields(); onChange({}); }} data-testid="case-filter-reset">{t('reset')}</Button>
      </Space>
    </Form>
  );
}
