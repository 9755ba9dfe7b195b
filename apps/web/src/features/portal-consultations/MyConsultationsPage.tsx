import { App, Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ipTypes } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { statusLabels, topicLabels } from '../consultations/labels.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RequireApplicant } from '../portal-cases/RequireApplicant.tsx';
import { useAsk, useMyConsultations, type MyConsultation } from './api.ts';
import { portalConsultationMessages } from './messages.ts';

const fmt = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** `/my/consultations`: ask online, and the list of one's questions. */
export function MyConsultationsPage() {
  return <RequireApplicant><MyConsultations /></RequireApplicant>;
}

function MyConsultations() {
  const t = useT(portalConsultationMessages);
  useTitle(t('myConsultations'));
  const { options, label } = useEnum();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const ask = useAsk();
  const list = useMyConsultations();
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Card title={t('ask')} style={{ marginBottom: 16 }}>
        <p>{t('askIntro')}</p>
        <Form form={form} layout="vertical" data-testid="ask-form" onFinish={(v) => ask.mutate(
          Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')),
          { onSuccess: (r) => { message.success(t('submitted')); nav(`/my/consultations/${r.data.id}`); }, onError },
        )}>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={t('region')} rules={[{ required: true, message: t('regionRequired') }]}>
                <RegionPicker testId="ask-region" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="topic" label={t('topic')} rules={[{ required: true, message: t('topicRequired') }]}>
                <Select options={options(topicLabels)} data-testid="ask-topic" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="ipType" label={t('ipType')}>
                <Select allowClear options={options(ipTypes)} data-testid="ask-ipType" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="question" label={t('question')} rules={[{ required: true, whitespace: true, message: t('questionRequired') }, { max: 5000 }]}>
            <Input.TextArea rows={4} showCount maxLength={5000} data-testid="ask-question" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="ask-submit">{t('submit')}</Button>
        </Form>
      </Card>
      <Card title={t('myConsultations')}>
        <Table<MyConsultation> rowKey="id" loading={list.isPending} dataSource={list.data ?? []} locale={{ emptyText: t('none') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="my-consultations"
          columns={[
            { title: t('question'), dataIndex: 'question', render: (v: string, r) => <Link to={`/my/consultations/${r.id}`}>{v.length > 60 ? `${v.slice(0, 60)}…` : v}</Link> },
            { title: t('topic'), dataIndex: 'topic', width: 170, render: (v: string) => label(topicLabels, v) },
            { title: t('status'), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={v === 'open' ? 'orange' : 'green'}>{label(statusLabels, v)}</Tag> },
            { title: t('askedAt'), dataIndex: 'askedAt', width: 150, render: fmt },
          ]} />
      </Card>
    </div>
  );
}
