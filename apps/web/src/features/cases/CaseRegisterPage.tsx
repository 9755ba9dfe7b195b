import { App, Button, Card, Checkbox, Col, Divider, Form, Input, Radio, Row, Select } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useRegisterCase, type RegisterBody } from './api.ts';
import { channelLabels, fieldLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import { PartyFields } from './PartyFields.tsx';

interface Values {
  channel: string;
  applicant: Record<string, unknown> & { kind: string };
  ipType: string;
  ipNumber?: string;
  services: string[];
  field?: string;
  summary: string;
  request?: string;
}

/** Text fields trimmed, empty ones and those of other party kinds left out. */
function cleanParty(p: Values['applicant']): Record<string, unknown> {
  const person = p.kind === 'natural_person';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (person && (k === 'creditCode' || k === 'enterpriseSize' || k === 'enterpriseTags')) continue;
    if (!person && k === 'idNumber') continue;
    if (typeof v === 'string') {
      if (v.trim()) out[k] = v.trim();
    } else if (Array.isArray(v) ? v.length : v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

/** 登记案件: the clerk's quick form for walk-in, hotline, e-mail, transfer-in and exhibition cases. */
export function CaseRegisterPage() {
  const t = useT(caseMessages);
  useTitle(t('register'));
  const { options } = useEnum();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const reg = useRegisterCase();
  const key = useRef(crypto.randomUUID());
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'natural_person';

  const onFinish = (v: Values) => {
    const body: RegisterBody = {
      channel: v.channel, applicant: cleanParty(v.applicant), ipType: v.ipType, services: v.services, summary: v.summary.trim(),
      ...(v.ipNumber?.trim() ? { ipNumber: v.ipNumber.trim() } : {}),
      ...(v.request?.trim() ? { request: v.request.trim() } : {}),
      ...(v.field ? { field: v.field } : {}),
    };
    reg.mutate({ body, key: key.current }, {
      onSuccess: (r) => {
        message.success(t('registered', { n: r.data.caseNumber }));
        nav(`/cases/${r.data.id}`);
      },
      onError: (err) => {
        // The server answered: nothing was made, so a corrected form is a new request. A lost answer keeps the key.
        if (err instanceof ApiError && err.status !== 0) key.current = crypto.randomUUID();
        onError(err);
      },
    });
  };

  const half = { xs: 24, md: 12 };
  return (
    <Card title={t('register')} style={{ maxWidth: 960 }}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="register-form" scrollToFirstError
        initialValues={{ channel: 'walk_in', applicant: { kind: 'natural_person' }, services: [] }}>
        <Form.Item name="channel" label={t('channel')} rules={[{ required: true, message: t('channelRequired') }]}>
          <Radio.Group data-testid="register-channel">
            {options(channelLabels).filter((o) => o.value !== 'online').map((o) => (
              <Radio key={o.value} value={o.value} data-testid={`register-channel-${o.value}`}>{o.label}</Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Divider titlePlacement="start">{t('sectionApplicant')}</Divider>
        <PartyFields kind={kind} />
        <Divider titlePlacement="start">{t('sectionMatter')}</Divider>
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="ipType" label={t('ipType')} rules={[{ required: true, message: t('ipTypeRequired') }]}>
              <Select options={options(ipTypes)} data-testid="register-ipType" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ipNumber" label={t('ipNumber')} rules={[{ max: 100 }]}>
              <Input data-testid="register-ipNumber" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="services" label={t('services')} rules={[{ required: true, type: 'array', min: 1, message: t('servicesRequired') }]}>
              <Checkbox.Group options={options(services)} data-testid="register-services" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="field" label={t('field')}>
              <Select allowClear options={options(fieldLabels)} data-testid="register-field" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t('summary')} rules={[{ required: true, whitespace: true, message: t('summaryRequired') }, { max: 5000 }]}>
              <Input.TextArea rows={4} showCount maxLength={5000} data-testid="register-summary" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="request" label={t('request')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} data-testid="register-request" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={reg.isPending} data-testid="register-submit">{t('register')}</Button>
        <Button style={{ marginInlineStart: 8 }} onClick={() => nav('/cases')}>{t('cancel')}</Button>
      </Form>
    </Card>
  );
}
