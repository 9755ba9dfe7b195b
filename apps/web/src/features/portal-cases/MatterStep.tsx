import { Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import { ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { fieldLabels } from '../cases/labels.ts';
import { applyMessages } from './applyMessages.ts';

/** Step 2 of `/apply`: the right, the services, where, the field, the other side, what happened and what help. */
export function MatterStep() {
  const t = useT(applyMessages);
  const { options } = useEnum();
  const overseas = Form.useWatch('overseas') as boolean | undefined;
  const half = { xs: 24, md: 12 };
  return (
    <Row gutter={12}>
      <Col {...half}>
        <Form.Item name="ipType" label={t('ipType')} rules={[{ required: true, message: t('ipTypeRequired') }]}>
          <Select options={options(ipTypes)} data-testid="apply-ipType" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ipNumber" label={t('ipNumber')} rules={[{ max: 100 }]}>
          <Input data-testid="apply-ipNumber" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="services" label={t('services')} rules={[{ required: true, type: 'array', min: 1, message: t('servicesRequired') }]}>
          <Checkbox.Group options={options(services)} data-testid="apply-services" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="overseas" label={t('overseas')}>
          <Radio.Group optionType="button" data-testid="apply-overseas"
            options={[{ value: false, label: t('domestic') }, { value: true, label: t('abroad') }]} />
        </Form.Item>
      </Col>
      {overseas && (
        <Col {...half}>
          <Form.Item name="country" label={t('country')} normalize={(v: string) => v?.toUpperCase()}
            rules={[{ required: true, pattern: /^[A-Z]{2}$/, message: t('countryInvalid') }]}>
            <Input maxLength={2} style={{ width: 100 }} data-testid="apply-country" autoComplete="off" />
          </Form.Item>
        </Col>
      )}
      <Col {...half}>
        <Form.Item name="field" label={t('field')}>
          <Select allowClear options={options(fieldLabels)} data-testid="apply-field" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="opposingName" label={t('opposing')} rules={[{ max: 200 }]}>
          <Input data-testid="apply-opposingName" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, message: t('summaryRequired') }, { max: 5000 }]}>
          <Input.TextArea rows={5} showCount maxLength={5000} data-testid="apply-summary" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="request" label={t('request')} rules={[{ required: true, whitespace: true, message: t('requestRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} data-testid="apply-request" />
        </Form.Item>
      </Col>
    </Row>
  );
}
