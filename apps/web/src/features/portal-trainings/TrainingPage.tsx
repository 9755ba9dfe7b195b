import { isValidMobile } from '@yuanzhi/domain';
import { trainingModes, trainingTopics } from '@yuanzhi/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Rate, Result, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { useCancelRegistration, useFeedback, usePublicTraining, useRegister, type Registered } from './api.ts';
import { portalTrainingMessages } from './messages.ts';

const phoneRule = (msg: string) => ({ validator: (_: unknown, v?: string) => (!v || isValidMobile(v.trim()) ? Promise.resolve() : Promise.reject(new Error(msg))) });
const codeRule = (msg: string) => ({ pattern: /^[A-Za-z0-9]{6}$/, message: msg });

/** `/trainings/:id`: the training, registration (waiting list when full), cancelling, and feedback afterwards. */
export function TrainingPage() {
  const { id = '' } = useParams();
  const t = useT(portalTrainingMessages);
  const label = useLabel();
  const q = usePublicTraining(id);
  useTitle(q.data?.title ?? t('title'));
  if (q.isError) return <Result status="404" title={t('none')} extra={<Link to="/trainings">{t('back')}</Link>} />;
  if (!q.data) return <Spin />;
  const x = q.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960, margin: '0 auto' }}>
      <Card title={<span data-testid="portal-training-title">{x.title}</span>} extra={<Link to="/trainings">{t('back')}</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('time')}>{fmtTime(x.startsAt)} – {fmtTime(x.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('place')}>{label(trainingModes, x.mode)} {x.place ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('topics')}>{label(trainingTopics, x.topics)}</Descriptions.Item>
          {x.audience && <Descriptions.Item label={t('audience')}>{x.audience}</Descriptions.Item>}
          <Descriptions.Item label={t('organiser')}>{x.organiser}</Descriptions.Item>
          {x.coOrganisers.length > 0 && <Descriptions.Item label={t('coOrganisers')}>{x.coOrganisers.join('、')}</Descriptions.Item>}
          {x.speakers.length > 0 && <Descriptions.Item label={t('speakers')}>{x.speakers.map((s) => `${s.name}${s.title ? `（${s.title}）` : ''}`).join('、')}</Descriptions.Item>}
          <Descriptions.Item label="">{x.placesLeft === null ? t('unlimited') : x.placesLeft > 0 ? t('placesLeft', { n: x.placesLeft }) : t('full')}</Descriptions.Item>
        </Descriptions>
        {x.summary && <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{x.summary}</Typography.Paragraph>}
        {x.materials.length > 0 && (
          <>
            <Typography.Title level={5}>{t('materials')}</Typography.Title>
            {x.materials.map((f) => <div key={f.id}><a href={`/api/portal/trainings/${x.id}/materials/${f.id}`}>{f.name}</a></div>)}
          </>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={14}>{x.registrationOpen ? <RegisterCard id={x.id} onDone={() => void q.refetch()} /> : <Alert type="info" title={t('closed')} />}</Col>
        <Col xs={24} md={10}>{x.registrationOpen ? <CancelCard id={x.id} onDone={() => void q.refetch()} /> : x.feedbackOpen && <FeedbackCard id={x.id} />}</Col>
      </Row>
    </Flex>
  );
}

function RegisterCard({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT(portalTrainingMessages);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const reg = useRegister(id);
  const [done, setDone] = useState<Registered | null>(null);
  if (done) {
    return (
      <Alert type={done.status === 'confirmed' ? 'success' : 'warning'} showIcon data-testid="register-result"
        title={done.status === 'confirmed' ? t('confirmed', { code: done.code }) : t('waitlisted', { n: done.position ?? 1, code: done.code })} />
    );
  }
  return (
    <Card title={t('register')} size="small">
      <Form form={form} layout="vertical" data-testid="register-form" onFinish={(v) => reg.mutate(v, { onSuccess: (r) => { setDone(r); onDone(); }, onError })}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 100 }]}><Input data-testid="register-name" /></Form.Item>
        <Form.Item name="phone" label={t('phone')} validateTrigger="onChange" rules={[{ required: true, message: t('phoneRequired') }, phoneRule(t('phoneRequired'))]}>
          <Input inputMode="tel" maxLength={11} data-testid="register-phone" />
        </Form.Item>
        <Form.Item name="organisation" label={t('organisation')} rules={[{ max: 200 }]}><Input data-testid="register-org" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={reg.isPending} data-testid="register-submit">{t('submit')}</Button>
      </Form>
    </Card>
  );
}

function CancelCard({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT(portalTrainingMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const cancel = useCancelRegistration(id);
  return (
    <Card title={t('cancelTitle')} size="small">
      <Form form={form} layout="vertical" onFinish={(v) => cancel.mutate(v, { onSuccess: () => { message.success(t('cancelled')); form.resetFields(); onDone(); }, onError })}>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('codeRequired') }, codeRule(t('codeRequired'))]}><Input maxLength={6} /></Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={[{ required: true, message: t('phoneRequired') }, phoneRule(t('phoneRequired'))]}><Input inputMode="tel" maxLength={11} /></Form.Item>
        <Button htmlType="submit" loading={cancel.isPending}>{t('cancelTitle')}</Button>
      </Form>
    </Card>
  );
}

function FeedbackCard({ id }: { id: string }) {
  const t = useT(portalTrainingMessages);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const fb = useFeedback(id);
  if (fb.isSuccess) return <Alert type="success" title={t('thanks')} />;
  return (
    <Card title={t('feedback')} size="small">
      <Form form={form} layout="vertical" onFinish={(v) => fb.mutate(v, { onError })}>
        <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('codeRequired') }, codeRule(t('codeRequired'))]}><Input maxLength={6} /></Form.Item>
        <Form.Item name="score" label={t('score')} rules={[{ required: true }]}><Rate /></Form.Item>
        <Form.Item name="comment" label={t('comment')} rules={[{ max: 1000 }]}><Input.TextArea rows={3} maxLength={1000} showCount /></Form.Item>
        <Button type="primary" htmlType="submit" loading={fb.isPending}>{t('send')}</Button>
      </Form>
    </Card>
  );
}
