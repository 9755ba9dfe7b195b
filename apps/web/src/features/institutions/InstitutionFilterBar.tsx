import { Button, Form, Input, Select, Space } from 'antd';
import { hosts, institutionStatuses, institutionTypes, ipTypes, levels, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useEnum } from '../../shared/useEnum.ts';
import { institutionMessages } from './messages.ts';
import type { InstitutionFilters } from './types.ts';

/** Filters of the institution list. */
export function InstitutionFilterBar({ onChange }: { onChange: (f: InstitutionFilters) => void }) {
  const t = useT(institutionMessages);
  const { options } = useEnum();
  const [form] = Form.useForm<InstitutionFilters>();
  const sel = (name: keyof InstitutionFilters, placeholder: string, table: Record<string, readonly [string, string]>) => (
    <Form.Item name={name} style={{ marginBottom: 8 }}>
      <Select allowClear placeholder={placeholder} options={options(table)} style={{ width: 170 }} data-testid={`filter-${name}`} />
    </Form.Item>
  );
  return (
    <Form form={form} layout="inline" onFinish={(v) => onChange(v)} data-testid="institution-filters">
      <Form.Item name="q" style={{ marginBottom: 8 }}>
        <Input allowClear placeholder={t('keyword')} style={{ width: 170 }} data-testid="filter-q" />
      </Form.Item>
      {sel('type', t('type'), institutionTypes)}
      {sel('level', t('level'), levels)}
      {sel('host', t('host'), hosts)}
      {sel('service', t('services'), services)}
      {sel('ipType', t('ipTypes'), ipTypes)}
      {sel('status', t('status'), institutionStatuses)}
      <Form.Item name="regionCode" style={{ marginBottom: 8, minWidth: 220 }}>
        <RegionPicker noSearch testId="filter-region" />
      </Form.Item>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" data-testid="filter-submit">{t('search')}</Button>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('reset')}</Button>
      </Space>
    </Form>
  );
}
