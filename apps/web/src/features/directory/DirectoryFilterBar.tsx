import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { institutionTypes, ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useEnum } from '../../shared/useEnum.ts';
import type { DirectoryFilters } from './api.ts';
import { directoryMessages } from './messages.ts';

/** Directory filters: region (any level), type, service, IP type, keyword. Stacks on a phone. */
export function DirectoryFilterBar({ value, onChange }: { value: DirectoryFilters; onChange: (f: DirectoryFilters) => void }) {
  const t = useT(directoryMessages);
  const { options } = useEnum();
  const [form] = Form.useForm<DirectoryFilters>();
  useEffect(() => form.setFieldsValue(value), [value, form]);
  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => onChange(v)} data-testid="directory-filters">
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Form.Item name="regionCode" label={t('region')} style={{ marginBottom: 8 }}>
            <RegionPicker testId="directory-region" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="q" label={t('keyword')} style={{ marginBottom: 8 }}>
            <Input allowClear data-testid="directory-q" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="type" label={t('type')} style={{ marginBottom: 8 }}>
            <Select allowClear options={options(institutionTypes)} data-testid="directory-type" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="service" label={t('service')} style={{ marginBottom: 8 }}>
            <Select allowClear options={options(services)} data-testid="directory-service" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="ipType" label={t('ipType')} style={{ marginBottom: 8 }}>
            <Select allowClear options={options(ipTypes)} data-testid="directory-ipType" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12} style={{ display: 'flex', alignItems: 'end', gap: 8, paddingBottom: 8 }}>
          <Button type="primary" htmlType="submit" data-testid="directory-search">{t('search')}</Button>
          <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('reset')}</Button>
        </Col>
      </Row>
    </Form>
  );
}
