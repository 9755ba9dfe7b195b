import { enterpriseSizes } from '@yuanzhi/contracts';
import { App, Button, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ipTypes } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useRecord } from './api.ts';
import { askerKindLabels, deskChannelLabels, topicLabels } from './labels.ts';
import { consultationMessages } from './messages.ts';
import { SuggestionPanel } from './SuggestionPanel.tsx';

const sizeLabels = Object.fromEntries(enterpriseSizes.map((s) => [s.value, [s.zh, s.en] as const]));
const LAST_CHANNEL = 'yuanzhi.consultation.channel';
const contactPattern = /^(?:[0-9+\-\s()]{5,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/;

interface Values {
  channel: string; topic?: string; ipType?: string; askerKind: string; enterpriseSize?: string; question: string; answer?: string;
  minutesSpent?: number | null; askerName?: string; askerContact?: string;
}

/**
 * The desk's one-screen form: the channel remembered from the last record, the asker "not stated" by
 * default, Ctrl+Enter (or Enter in a one-line field) saves and clears the form for the next caller.
 */
export function DeskForm() {
  const t = useT(consultationMessages);
  const { options } = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const rec = useRecord();
  const questionRef = useRef<TextAreaRef>(null);
  const question = Form.useWatch('question', form) ?? '';
  const askerKind = Form.useWatch('askerKind', form);
  const defaults = { channel: localStorage.getItem(LAST_CHANNEL) ?? 'hotline', askerKind: 'unknown' };
  useEffect(() => questionRef.current?.focus(), []);

  const onFinish = (v: Values) => {
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && (typeof x !== 'string' || x.trim() !== '')));
    rec.mutate(body, {
      onSuccess: () => {
        localStorage.setItem(LAST_CHANNEL, v.channel);
        message.success(t('saved'));
        form.resetFields();
        form.setFieldsValue({ channel: v.channel, askerKind: 'unknown' });
        questionRef.current?.focus();
      },
      onError,
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Form form={form} layout="vertical" initialValues={defaults} onFinish={onFinish} onKeyDown={onKeyDown} data-testid="desk-form" size="middle">
          <Form.Item name="channel" label={t('channel')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <Radio.Group optionType="button" data-testid="desk-channel">
              {options(deskChannelLabels).map((o) => <Radio.Button key={o.value} value={o.value} data-testid={`desk-channel-${o.value}`}>{o.label}</Radio.Button>)}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="question" label={t('question')} style={{ marginBottom: 8 }}
            rules={[{ required: true, whitespace: true, message: t('questionRequired') }, { max: 5000 }]}>
            <Input.TextArea ref={questionRef} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="desk-question" />
          </Form.Item>
          <Form.Item name="answer" label={t('answer')} rules={[{ max: 10000 }]} style={{ marginBottom: 8 }}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="desk-answer" />
          </Form.Item>
          <Row gutter={8}>
            <Col xs={24} md={8}>
              <Form.Item name="topic" label={t('topic')} rules={[{ required: true, message: t('topicRequired') }]} style={{ marginBottom: 8 }}>
                <Select showSearch optionFilterProp="label" options={options(topicLabels)} data-testid="desk-topic" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="ipType" label={t('ipType')} style={{ marginBottom: 8 }}>
                <Select allowClear showSearch optionFilterProp="label" options={options(ipTypes)} data-testid="desk-ipType" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="minutesSpent" label={t('minutes')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={1440} style={{ width: '100%' }} data-testid="desk-minutes" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="askerKind" label={t('askerKind')} style={{ marginBottom: 8 }}>
                <Select options={options(askerKindLabels)} data-testid="desk-askerKind" />
              </Form.Item>
            </Col>
            {askerKind && askerKind !== 'natural_person' && askerKind !== 'unknown' && (
              <Col xs={12} md={8}>
                <Form.Item name="enterpriseSize" label={t('enterpriseSize')} style={{ marginBottom: 8 }}>
                  <Select allowClear options={options(sizeLabels)} data-testid="desk-enterpriseSize" />
                </Form.Item>
              </Col>
            )}
            <Col xs={12} md={8}>
              <Form.Item name="askerName" label={t('askerName')} rules={[{ max: 100 }]} style={{ marginBottom: 8 }}>
                <Input data-testid="desk-askerName" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="askerContact" label={t('askerContact')} validateTrigger="onChange" style={{ marginBottom: 8 }}
                rules={[{ pattern: contactPattern, message: t('contactInvalid') }]}>
                <Input data-testid="desk-askerContact" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={rec.isPending} data-testid="desk-save">{t('save')}</Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 12, fontSize: 12 }}>{t('deskHint')}</Typography.Text>
        </Form>
      </Col>
      <Col xs={24} lg={9}>
        <SuggestionPanel question={question} onUse={(a) => form.setFieldValue('answer', a)} />
      </Col>
    </Row>
  );
}
