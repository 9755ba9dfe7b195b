import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { hosts, institutionTypes, ipTypes, levels, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useEnum } from '../../shared/useEnum.ts';
import { institutionMessages } from './messages.ts';

/** The fields of an institution, with rules that mirror the server's. Test ids: institution-<field>. */
export function InstitutionFields() {
  const t = useT(institutionMessages);
  const { options } = useEnum();
  const max = (n: number) => ({ max: n, message: t('tooLong', { n }) });
  const half = { xs: 24, md: 12 };
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { min: 2, message: t('tooShort', { n: 2 }) }, max(100)]}>
          <Input data-testid="institution-name" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="shortName" label={t('shortName')} rules={[max(50)]}>
          <Input data-testid="institution-shortName" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="type" label={t('type')} rules={[{ required: true, message: t('typeRequired') }]}>
          <Select options={options(institutionTypes)} data-testid="institution-type" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="level" label={t('level')} rules={[{ required: true, message: t('levelRequired') }]}>
          <Select options={options(levels)} data-testid="institution-level" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="host" label={t('host')}>
          <Select allowClear options={options(hosts)} data-testid="institution-host" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="regionCode" label={t('region')}>
          <RegionPicker testId="institution-region" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="address" label={t('address')} rules={[max(200)]}>
          <Input data-testid="institution-address" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={t('institutionPhone')} rules={[max(50)]}>
          <Input data-testid="institution-phone" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }, max(100)]}>
          <Input data-testid="institution-email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="website" label={t('website')} rules={[{ pattern: /^https?:\/\/\S+$/, message: t('websiteInvalid') }, max(200)]}>
          <Input data-testid="institution-website" placeholder="https://" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="hours" label={t('hours')} rules={[max(200)]}>
          <Input data-testid="institution-hours" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="contactPerson" label={t('contactPerson')} rules={[max(50)]}>
          <Input data-testid="institution-contactPerson" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="establishedOn" label={t('establishedOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="institution-establishedOn" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="ipTypes" label={t('ipTypes')}>
          <Select mode="multiple" options={options(ipTypes)} data-testid="institution-ipTypes" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="services" label={t('services')}>
          <Select mode="multiple" options={options(services)} data-testid="institution-services" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="description" label={t('description')} rules={[max(2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="institution-description" />
        </Form.Item>
      </Col>
    </Row>
  );
}
